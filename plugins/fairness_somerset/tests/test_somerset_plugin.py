"""The plugin as the app loads it: its entry point, and answers that pass the app's own checks."""

import importlib.metadata
from datetime import date, datetime

import pytest
from fairness_somerset import Somerset

from fairness_app.plugins import FairnessPlugins, SiteConfig, load_plugin
from fairness_app.procedure.clocks import ClockAlert, ClockStatus
from fairness_app.procedure.defaults import COUNCILLOR_REFERRAL, PUBLIC_COMPLAINT, THIRD_PARTY_INCIDENT
from fairness_app.procedure.snapshots import CaseEvent, Officer, Transition
from fairness_app.testing import MemoryCounter, make_case, make_party, plugin_manager

OFFICER = Officer("receiver@somerset.example", "RO")
CASES = [
	make_case(
		procedure=PUBLIC_COMPLAINT,
		directorate="ENV",
		case_officer=OFFICER,
		intake_channel="letter",
		flags={"under_17"},
		formality="formal",
		parties=[
			make_party("complainant", "service_user"),
			make_party("subject", "employee", manager_chain=("m@x",)),
		],
	),
	make_case(
		procedure=COUNCILLOR_REFERRAL,
		directorate="CEO",
		case_officer=OFFICER,
		parties=[make_party("complainant", "employee"), make_party("subject", "councillor")],
	),
	make_case(
		case_type="incident", procedure=THIRD_PARTY_INCIDENT, parties=[make_party("victim", "employee")]
	),
	make_case(procedure=PUBLIC_COMPLAINT, behaviours=("other",), closed_on=date(2026, 5, 1)),
	make_case(parties=[make_party("complainant", "employee"), make_party("subject", "employee")]),
]


@pytest.mark.req("SOM-11", "SOM-10")
def test_the_entry_point_is_declared_and_loads():
	[entry_point] = [
		ep for ep in importlib.metadata.entry_points(group="fairness_app") if ep.name == "somerset"
	]
	assert entry_point.value == "fairness_somerset:Somerset"
	assert isinstance(load_plugin("somerset"), Somerset)
	plugins = FairnessPlugins.for_site(SiteConfig(plugins=("somerset",)))
	assert plugins.load_failures == []
	assert plugins.names == ["somerset", "builtin"]
	assert plugins.route_case(CASES[0]).decided_by == "somerset"


@pytest.mark.req("SOM-1", "SOM-10", "SOM-11", "SOM-13", "SOM-14")
@pytest.mark.parametrize("case", CASES)
def test_every_answer_passes_the_apps_checks(case):
	# A strict manager raises PluginFailed on any error or wrong type, instead of falling back.
	plugins = plugin_manager(Somerset())
	assert plugins.route_case(case).decided_by == "somerset"
	plugins.case_reference(case, MemoryCounter())
	rules = plugins.clock_rules(case).value
	plugins.retention(case)
	plugins.time_limit(case)
	plugins.meeting_rules(case)
	assert plugins.calendar.nation == "ENG"
	for rule in rules:
		for status in (ClockStatus.DUE, ClockStatus.MISSED):
			clock = rule.start(datetime(2026, 4, 1, 9))
			plugins.clock_escalation(
				case, ClockAlert(clock, status, date(2026, 4, 7), datetime(2026, 4, 8, 9))
			)
	for name, stage in (("received", None), ("stage_changed", "Formal investigation"), ("closed", None)):
		assert plugins.notifications(case, CaseEvent(name, datetime(2026, 4, 2), stage=stage)).failures == ()
	transition = Transition("Investigate formally", "Acknowledged", "Formal investigation", user="m@x")
	assert all(veto.plugin == "somerset" for veto in plugins.validate_transition(case, transition))
