"""The site's plugins on a real Frappe site: enabled in Fairness Settings, cached per site, rebuilt when the
settings change, and a failing plugin logged without case text while the built-in rule applies."""

import threading

import frappe
from frappe.tests.utils import FrappeTestCase

from fairness_app import roles
from fairness_app.plugins import SiteConfig
from fairness_app.services import plugin_registry
from fairness_app.testing import MemoryCounter, installed_plugin, make_case

TIDYSHIRE = "fairness_app.tests.council_plugin_for_tests:Tidyshire"
BROKENSHIRE = "fairness_app.tests.council_plugin_for_tests:Brokenshire"


def save_settings(plugins=(), nation="England", closures=()):
	settings = frappe.get_doc("Fairness Settings")
	settings.nation = nation
	settings.set("plugins", [{"plugin": name, "enabled": 1} for name in plugins])
	settings.set("closure_days", [{"closure_date": day} for day in closures])
	settings.save()
	return settings


class TestInstall(FrappeTestCase):
	def test_roles_exist(self):
		for role in roles.ALL:
			self.assertTrue(frappe.db.exists("Role", role), role)

	def test_settings_is_a_single_with_england_by_default(self):
		self.assertTrue(frappe.get_meta("Fairness Settings").issingle)
		self.assertEqual(frappe.get_meta("Fairness Settings").get_field("nation").default, "England")


class TestPluginRegistry(FrappeTestCase):
	def tearDown(self):
		save_settings()

	def test_builtin_rules_apply_with_no_plugin_enabled(self):
		save_settings()
		decision = plugin_registry.get_plugins().route_case(make_case())
		self.assertEqual(decision.decided_by, "builtin")

	def test_enabling_a_plugin_changes_route_and_reference_and_disabling_restores_them(self):
		# req: X-5
		case = make_case()
		with installed_plugin("tidyshire", TIDYSHIRE):
			save_settings(plugins=["tidyshire"])
			plugins = plugin_registry.get_plugins()
			self.assertEqual(plugins.route_case(case).value.procedure, "tidyshire_procedure")
			self.assertEqual(plugins.route_case(case).decided_by, "tidyshire")
			self.assertRegex(plugins.case_reference(case, MemoryCounter()).value, r"^TDY-\d+$")
			save_settings()
			self.assertEqual(plugin_registry.get_plugins().route_case(case).decided_by, "builtin")

	def test_manager_is_cached_until_the_settings_change(self):
		save_settings()
		first = plugin_registry.get_plugins()
		self.assertIs(plugin_registry.get_plugins(), first)
		save_settings(nation="Scotland")
		rebuilt = plugin_registry.get_plugins()
		self.assertIsNot(rebuilt, first)
		self.assertEqual(rebuilt.calendar.nation, "SCT")

	def test_closure_days_are_not_working_days(self):
		# req: X-1
		save_settings(closures=["2026-12-29"])
		calendar = plugin_registry.get_plugins().calendar
		self.assertFalse(calendar.is_working_day(frappe.utils.getdate("2026-12-29")))
		self.assertTrue(calendar.is_working_day(frappe.utils.getdate("2026-12-30")))

	def test_an_uninstalled_plugin_is_refused_in_plain_words_and_nothing_is_saved(self):
		save_settings()
		settings = frappe.get_doc("Fairness Settings")
		settings.append("plugins", {"plugin": "fairness_nowhere", "enabled": 1})
		with self.assertRaises(frappe.ValidationError) as raised:
			settings.save()
		self.assertIn("no plugin called", str(raised.exception))
		self.assertIn("fairness_nowhere", str(raised.exception))
		self.assertEqual(frappe.get_doc("Fairness Settings").plugins, [])

	def test_a_plugin_listed_twice_is_refused(self):
		with installed_plugin("tidyshire", TIDYSHIRE), self.assertRaises(frappe.ValidationError):
			save_settings(plugins=["tidyshire", "tidyshire"])

	def test_a_failing_plugin_is_logged_by_name_and_the_builtin_route_applies(self):
		with installed_plugin("brokenshire", BROKENSHIRE):
			save_settings(plugins=["brokenshire"])
			decision = plugin_registry.get_plugins().route_case(make_case(case_id="FC-LOG-TEST"))
		self.assertEqual(decision.decided_by, "builtin")
		self.assertEqual([f.plugin for f in decision.failures], ["brokenshire"])
		log = frappe.get_last_doc("Error Log", filters={"method": "Fairness plugin 'brokenshire' failed"})
		self.assertIn("fairness_route_case", log.error)
		self.assertIn("FC-LOG-TEST", log.error)
		# The log holds the plugin's error, not a traceback with local variables (which would hold case text).
		self.assertNotIn("Traceback", log.error)

	def test_the_cache_is_kept_per_site(self):
		save_settings()
		here = plugin_registry.get_plugins()
		other_site = plugin_registry._cache.get("another-council.localhost", SiteConfig())
		self.assertIsNot(here, other_site)
		self.assertIs(plugin_registry.get_plugins(), here)



class TestTwoCouncilsOnOneBench(FrappeTestCase):
	"""One worker serving two sites, as on a shared bench: what one site enables never reaches the other.

	.ci/run creates the neighbouring site and names it in this site's config as `fairness_test_neighbour_site`."""

	def tearDown(self):
		save_settings()

	def test_enabling_a_plugin_on_one_site_leaves_the_other_untouched(self):
		# req: X-5
		neighbour = frappe.conf.get("fairness_test_neighbour_site")
		if not neighbour:
			self.skipTest("no neighbouring site configured (fairness_test_neighbour_site)")
		site, sites_path = frappe.local.site, frappe.local.sites_path
		seen_by_neighbour = {}

		def decide_on_neighbour():
			frappe.init(site=neighbour, sites_path=sites_path)
			frappe.connect()
			try:
				plugins = plugin_registry.get_plugins()
				seen_by_neighbour["enabled"] = plugins.config.plugins
				seen_by_neighbour["route"] = plugins.route_case(make_case()).decided_by
			finally:
				frappe.destroy()

		with installed_plugin("tidyshire", TIDYSHIRE):
			save_settings(plugins=["tidyshire"])
			here = plugin_registry.get_plugins()
			worker = threading.Thread(target=decide_on_neighbour)
			worker.start()
			worker.join()
			self.assertEqual(seen_by_neighbour, {"enabled": (), "route": "builtin"})
			# The neighbour's manager did not replace this site's in the shared, per-site cache.
			self.assertIs(plugin_registry.get_plugins(), here)
			self.assertEqual(here.route_case(make_case()).decided_by, "tidyshire")
		self.assertNotEqual(site, neighbour)
