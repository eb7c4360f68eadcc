"""The plugin manager: decisions, contributions, failure isolation, discovery by entry point and per-site caching
(X-5: each council's rules live in its own plugin)."""

import dataclasses
import json
from datetime import date, datetime

import pytest

from fairness_app import roles
from fairness_app.plugins import FairnessPlugins, PluginCache, SiteConfig, hookimpl, installed_plugins
from fairness_app.procedure.calendar import WorkingCalendar
from fairness_app.procedure.clocks import ClockAlert, ClockStatus
from fairness_app.procedure.decisions import (
	Escalation,
	EscalationAction,
	Recipient,
	escalation_from_dict,
	escalation_to_dict,
)
from fairness_app.procedure.references import MemoryCounter
from fairness_app.procedure.snapshots import CaseEvent, Transition
from fairness_app.testing import PluginFailed, installed_plugin, make_case, make_party, plugin_manager
from tests import sample_plugins as sample

pytestmark = pytest.mark.req("X-5")

CASE = make_case(case_id="CASE-7", reference="REF/7")
TO_APPEAL = Transition("Appeal", "Decided", "Appeal", user="officer")


def test_the_builtin_rules_answer_every_decision():
	plugins = FairnessPlugins()
	alert_clock = plugins.clock_rules(CASE).value[0].start(datetime(2026, 4, 1, 9))
	alert = ClockAlert(alert_clock, ClockStatus.MISSED, date(2026, 4, 8), alert_clock.started_at)
	decisions = [
		plugins.route_case(CASE),
		plugins.case_reference(CASE, MemoryCounter()),
		plugins.clock_rules(CASE),
		plugins.clock_escalation(CASE, alert),
		plugins.retention(CASE),
	]
	assert {decision.decided_by for decision in decisions} == {"builtin"}
	assert decisions[1].value == "FC/2026-27/0001"
	assert decisions[3].value.action is EscalationAction.ESCALATE
	assert isinstance(plugins.calendar, WorkingCalendar)


@pytest.mark.req("DER-21")
def test_by_default_a_former_employee_who_agreed_two_steps_follows_them_and_the_response_acknowledges():
	plugins = FairnessPlugins()
	parties = (make_party("complainant", "former_employee"), make_party("subject", "employee"))
	agreed = make_case(parties=parties, flags=frozenset({"two_step_agreed"}))
	assert plugins.route_case(agreed).value.procedure == "former_employee_two_step"
	assert plugins.route_case(dataclasses.replace(agreed, flags=frozenset())).value.procedure == "public_complaint"
	employee = (make_party("complainant", "employee"), make_party("subject", "employee"))
	not_former = dataclasses.replace(agreed, parties=employee)
	assert plugins.route_case(not_former).value.procedure == "staff_complaint"
	[acknowledgement] = plugins.clock_rules(agreed).value
	assert "response_sent" in acknowledgement.stops_on


@pytest.mark.req("FHB-12", "DER-16")
def test_by_default_a_partys_window_that_closes_reminds_the_case_officers_and_escalates_to_nobody():
	plugins = FairnessPlugins()
	window = plugins.clock_rules(CASE).value[0]
	window = dataclasses.replace(window, label="Time to appeal", party_window=True).start(datetime(2026, 4, 1, 9))
	closed = ClockAlert(window, ClockStatus.CLOSED, date(2026, 4, 8), window.started_at)
	escalation = plugins.clock_escalation(CASE, closed)
	assert escalation.value.action is EscalationAction.REMIND
	assert [recipient.value for recipient in escalation.value.recipients] == [roles.CASE_OFFICER]
	assert "The time for 'Time to appeal' on case REF/7 has ended" in escalation.value.message


def test_a_council_plugin_overrides_route_and_reference_and_is_named():
	plugins = plugin_manager(("northshire", sample.Northshire()))
	route = plugins.route_case(CASE)
	assert (route.value.procedure, route.decided_by) == ("northshire_procedure", "northshire")
	assert plugins.case_reference(CASE, MemoryCounter()).value == "NS-001"
	# What the plugin does not answer stays with the built-in rules.
	assert plugins.clock_rules(CASE).decided_by == "builtin"


def test_none_passes_to_the_next_plugin_and_the_first_named_plugin_wins():
	plugins = plugin_manager(("quiet", sample.Quietshire()), ("south", sample.Southshire()), ("north", sample.Northshire()))
	assert plugins.names == ["quiet", "south", "north", "builtin"]
	assert plugins.route_case(CASE).decided_by == "south"


def test_a_failing_plugin_is_reported_by_name_hook_and_case_and_the_builtin_rule_applies():
	reported = []
	plugins = plugin_manager(("crash", sample.Crashshire()), strict=False, on_failure=reported.append)
	route = plugins.route_case(CASE)
	reference = plugins.case_reference(CASE, MemoryCounter())
	rules = plugins.clock_rules(CASE)
	assert [route.decided_by, reference.decided_by, rules.decided_by] == ["builtin"] * 3
	failure = route.failures[0]
	assert (failure.plugin, failure.hook, failure.case) == ("crash", "fairness_route_case", "REF/7")
	assert failure.describe() == (
		"The plugin 'crash' failed in fairness_route_case for case REF/7: KeyError: 'directorate_table'"
	)
	assert "not only ClockRule" in rules.failures[0].error
	assert [f.hook for f in reported] == ["fairness_route_case", "fairness_case_reference", "fairness_clock_rules"]


@pytest.mark.parametrize("answer", [{"procedure": "x"}, "staff_complaint", 42])
def test_an_answer_of_the_wrong_type_falls_back(answer):
	class Sloppy:
		@hookimpl
		def fairness_route_case(self, case):
			return answer

	route = plugin_manager(("sloppy", Sloppy()), strict=False).route_case(CASE)
	assert route.decided_by == "builtin"
	assert "not a Route" in route.failures[0].error


def test_a_veto_blocks_the_move_with_the_plugins_words():
	vetoes = plugin_manager(("veto", sample.Vetoshire())).validate_transition(CASE, TO_APPEAL)
	assert [(v.plugin, v.message) for v in vetoes] == [
		("veto", "The appeal form arrived after the 5 working days allowed, so the appeal cannot be heard.")
	]
	assert plugin_manager(("veto", sample.Vetoshire())).validate_transition(
		CASE, Transition("Decide", "Investigation", "Decided", user="officer")
	) == []


def test_a_crashing_validator_blocks_the_move_and_names_the_plugin():
	vetoes = plugin_manager(("crash", sample.Crashshire()), strict=False).validate_transition(CASE, TO_APPEAL)
	assert len(vetoes) == 1
	assert "'crash'" in vetoes[0].message and "blocked" in vetoes[0].message


def test_notifications_are_collected_and_a_failing_plugin_is_skipped():
	plugins = plugin_manager(("north", sample.Northshire()), ("crash", sample.Crashshire()), strict=False)
	sent = plugins.notifications(CASE, CaseEvent("received", datetime(2026, 4, 1, 9)))
	assert [plugin for plugin, _ in sent.items] == ["north"]
	assert sent.values[0].subject == "We have your complaint"
	assert [f.plugin for f in sent.failures] == ["crash"]


def test_a_hook_name_with_a_typo_is_reported_and_the_site_carries_on():
	reported = []
	plugins = FairnessPlugins(
		[("typo", sample.Typoshire()), ("north", sample.Northshire())], on_failure=reported.append
	)
	assert [(f.plugin, f.hook) for f in reported] == [("typo", "registration")]
	assert "fairness_route_cases" in reported[0].error
	assert plugins.names == ["north", "builtin"]
	assert plugins.route_case(CASE).decided_by == "north"


def test_plugins_are_found_by_entry_point_and_change_route_and_reference():
	with installed_plugin("northshire", "tests.sample_plugins:Northshire"):
		assert "northshire" in installed_plugins()
		plugins = FairnessPlugins.for_site(SiteConfig(plugins=("northshire",)))
		assert plugins.route_case(CASE).decided_by == "northshire"
		assert plugins.case_reference(CASE, MemoryCounter()).value == "NS-001"
	assert "northshire" not in installed_plugins()


def test_a_plugin_that_is_not_installed_or_will_not_import_is_reported_and_left_out():
	reported = []
	with installed_plugin("ghost", sample.BROKEN_ON_IMPORT):
		plugins = FairnessPlugins.for_site(SiteConfig(plugins=("missing", "ghost")), on_failure=reported.append)
	assert [(f.plugin, f.hook) for f in reported] == [("missing", "loading"), ("ghost", "loading")]
	assert "No plugin called 'missing' is installed" in reported[0].error
	assert "ModuleNotFoundError" in reported[1].error
	assert plugins.route_case(CASE).decided_by == "builtin"


def test_the_calendar_follows_the_sites_nation_and_closures_or_a_plugin():
	config = SiteConfig(nation="SCT", closures=(date(2026, 12, 29),))
	calendar = FairnessPlugins(config=config).calendar
	assert calendar.nation == "SCT" and not calendar.is_working_day(date(2026, 12, 29))

	class FourDayWeek:
		@hookimpl
		def fairness_working_calendar(self, nation, closures):
			return WorkingCalendar("WLS")

	assert plugin_manager(FourDayWeek()).calendar.nation == "WLS"


def test_each_site_has_its_own_manager_rebuilt_when_its_settings_change():
	with installed_plugin("northshire", "tests.sample_plugins:Northshire"):
		cache = PluginCache()
		derby = cache.get("derby.localhost", SiteConfig())
		somerset = cache.get("somerset.localhost", SiteConfig())
		assert derby is not somerset
		assert cache.get("derby.localhost", SiteConfig()) is derby

		enabled = cache.get("somerset.localhost", SiteConfig(plugins=("northshire",)))
		assert enabled is not somerset
		assert enabled.route_case(CASE).decided_by == "northshire"
		# Enabling a plugin on one site leaves the other untouched.
		assert cache.get("derby.localhost", SiteConfig()) is derby
		assert derby.route_case(CASE).decided_by == "builtin"

		assert cache.get("derby.localhost", SiteConfig(nation="NIR")).calendar.nation == "NIR"
		cache.forget("derby.localhost")
		assert cache.get("derby.localhost", SiteConfig()) is not derby


def test_the_testing_kit_fails_loudly_on_a_plugin_error_unless_asked_not_to():
	with pytest.raises(PluginFailed, match="directorate_table"):
		plugin_manager(sample.Crashshire()).route_case(CASE)
	assert plugin_manager(sample.Crashshire(), strict=False).route_case(CASE).decided_by == "builtin"
	assert plugin_manager(sample.Crashshire(), strict=False).names[0] == "crashshire"


def test_the_counter_fixture(counter):
	assert (counter.next("X"), counter.next("X")) == (1, 2)


def test_an_escalation_survives_storage_exactly():
	escalation = Escalation(
		EscalationAction.REASSIGN,
		(Recipient.team("central_equalities", "SOM-10"), Recipient.role("Fairness Case Officer")),
		"The investigation has not started.",
		reassign_to="director@example.org",
	)
	assert escalation_from_dict(json.loads(json.dumps(escalation_to_dict(escalation)))) == escalation
