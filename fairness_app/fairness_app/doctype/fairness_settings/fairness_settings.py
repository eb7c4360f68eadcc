import frappe
from frappe import _
from frappe.model.document import Document

from fairness_app.plugins import SiteConfig, installed_plugins
from fairness_app.procedure.calendar import NATIONS
from fairness_app.reports.suppression import DEFAULT_THRESHOLD
from fairness_app.services import plugin_registry

NATION_CODES = {name: code for code, name in NATIONS.items()}
MINIMUM_SUPPRESSION_THRESHOLD = 2  # 1 hides nothing


class FairnessSettings(Document):
	def validate(self):
		self.validate_plugins()
		self.validate_closure_days()
		self.validate_suppression_threshold()

	def validate_plugins(self):
		installed = installed_plugins()
		seen = set()
		for row in self.plugins:
			row.plugin = (row.plugin or "").strip()
			if row.plugin in seen:
				frappe.throw(
					_("Row {0}: the plugin {1} is listed twice. Remove one of the rows.").format(row.idx, row.plugin),
					title=_("Plugin listed twice"),
				)
			seen.add(row.plugin)
			if row.enabled and row.plugin not in installed:
				choices = ", ".join(sorted(installed)) or _("none")
				frappe.throw(
					_(
						"Row {0}: no plugin called {1} is installed on this server. Plugins installed: {2}. "
						"Check the spelling, or ask whoever runs the server to install it first."
					).format(row.idx, frappe.bold(row.plugin), choices),
					title=_("Plugin not installed"),
				)

	def validate_closure_days(self):
		seen = set()
		for row in self.closure_days:
			if row.closure_date in seen:
				frappe.throw(
					_("Row {0}: {1} is already listed as a closure day.").format(
						row.idx, frappe.format(row.closure_date, "Date")
					),
					title=_("Closure day listed twice"),
				)
			seen.add(row.closure_date)

	def on_update(self):
		plugin_registry.forget_site()

	def site_config(self) -> SiteConfig:
		return SiteConfig(
			plugins=tuple(row.plugin for row in self.plugins if row.enabled),
			nation=NATION_CODES[self.nation or "England"],
			closures=tuple(sorted(frappe.utils.getdate(row.closure_date) for row in self.closure_days)),
		)

	def validate_suppression_threshold(self):
		self.suppression_threshold = self.suppression_threshold or DEFAULT_THRESHOLD  # left blank: the usual rule
		if self.suppression_threshold < MINIMUM_SUPPRESSION_THRESHOLD:
			frappe.throw(
				_("Hide counts below {0} or more: a lower number would let a figure in a report point to a person.").format(
					MINIMUM_SUPPRESSION_THRESHOLD
				),
				title=_("Counts would not be hidden"),
			)
