"""The plugin as the app meets it: found by its entry point, its answers pass the app's own checks, and the
states and events it names are those of the third_party_incident procedure template."""

import dataclasses
import importlib.metadata
import importlib.resources
import json
from datetime import datetime

import pytest
from fairness_app.plugins import FairnessPlugins, SiteConfig, hookimpl
from fairness_app.procedure.clocks import ClockAlert, ClockStatus
from fairness_app.procedure.snapshots import CaseEvent, Transition
from fairness_app.testing import PluginFailed, make_case, make_party, plugin_manager

from fairness_kent import Kent
from fairness_kent.checks import ACTIONS_AGREED, MEETING_HELD, REVIEW_ACTION, RISK_REVIEWED
from fairness_kent.clocks import WITHIN_3_DAYS, WITHIN_24_HOURS


def victim():
	return make_party("victim", "employee", user="sam", manager_chain=("mandy", "director"))


CASES = [
	make_case(
		case_type="incident",
		parties=[victim(), make_party("subject", "service_user")],
		flags={"physical_contact"},
	),
	make_case(case_type="incident", parties=[victim(), make_party("subject", "employee")]),
	make_case(case_type="incident", parties=[victim()], conflicted_users={"mandy", "director"}),
	make_case(case_type="incident"),
	make_case(parties=[make_party("complainant", "employee"), make_party("subject", "employee")]),
]


@pytest.mark.req("X-5")
def test_the_kent_entry_point_is_installed_and_loads_the_plugin():
	(entry_point,) = [ep for ep in importlib.metadata.entry_points(group="fairness_app") if ep.name == "kent"]
	assert entry_point.value == "fairness_kent:Kent"
	assert entry_point.load() is Kent
	plugins = FairnessPlugins.for_site(SiteConfig(plugins=("kent",)))
	assert plugins.names == ["kent", "builtin"]
	assert plugins.route_case(CASES[0]).decided_by == "kent"


@pytest.mark.req("X-5")
@pytest.mark.parametrize(
	"case", CASES, ids=["third_party", "staff_on_staff", "all_conflicted", "bare", "complaint"]
)
def test_every_answer_passes_the_apps_checks(case):
	plugins = plugin_manager(Kent())  # strict: a wrong answer raises PluginFailed
	route = plugins.route_case(case).value
	case = dataclasses.replace(case, procedure=route.procedure, reference="FI/2026-27/0001")
	rules = plugins.clock_rules(case).value
	for rule in rules:
		for status in (ClockStatus.DUE, ClockStatus.MISSED):
			clock = rule.start(datetime(2026, 4, 1, 9))
			plugins.clock_escalation(
				case, ClockAlert(clock, status, clock.due(plugins.calendar), clock.started_at)
			)
	plugins.validate_transition(case, Transition("Agree actions", MEETING_HELD, ACTIONS_AGREED, user="mandy"))
	for event in (
		CaseEvent("received", datetime(2026, 4, 1, 9)),
		CaseEvent("stage_changed", datetime(2026, 4, 2), stage=MEETING_HELD),
	):
		assert not plugins.notifications(case, event).failures


@pytest.mark.req("X-5")
def test_a_strict_manager_would_catch_a_wrong_answer():
	class Broken(Kent):
		@hookimpl
		def fairness_clock_rules(self, case):
			return WITHIN_24_HOURS  # one rule, not a list of them

	with pytest.raises(PluginFailed, match="not a list of ClockRule"):
		plugin_manager(Broken()).clock_rules(CASES[0])


@pytest.mark.req("KEN-4", "KEN-5")
def test_the_states_and_events_named_are_those_of_the_procedure_template():
	path = importlib.resources.files("fairness_app") / "workflows" / "templates" / "third_party_incident.json"
	template = json.loads(path.read_text())
	events = {state["event"] for state in template["states"]}
	states = {state["state"] for state in template["states"]}
	for rule in (WITHIN_24_HOURS, WITHIN_3_DAYS):
		assert rule.starts_on in events and set(rule.stops_on) <= events
	assert {MEETING_HELD, RISK_REVIEWED, ACTIONS_AGREED} <= states
	moves = {(move["from"], move["action"], move["to"]) for move in template["transitions"]}
	assert (MEETING_HELD, REVIEW_ACTION, RISK_REVIEWED) in moves
	assert (MEETING_HELD, "Agree actions", ACTIONS_AGREED) in moves  # the shortcut KEN-5 refuses
	assert set(template["requirements"]) >= {"KEN-4", "KEN-5", "KEN-6", "KEN-7", "KEN-8"}
