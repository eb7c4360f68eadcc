"""The Derby plugin as the app sees it: installed under its entry point, loaded by a site that enables it, and
every answer accepted by the app's own checks (X-5)."""

import importlib.metadata
from datetime import date, datetime

import pytest
from fairness_derby import Derby
from fairness_derby.clocks import ACKNOWLEDGEMENT, AFTER_STAGE_TWO_STARTS

from fairness_app.plugins import ENTRY_POINT_GROUP, FairnessPlugins, SiteConfig, load_plugin
from fairness_app.procedure.clocks import ClockAlert, ClockStatus, Occurrence
from fairness_app.procedure.snapshots import CaseEvent, Transition
from fairness_app.testing import MemoryCounter, make_case, make_party, plugin_manager

KINDS = ("employee", "former_employee", "member_of_public", "councillor", "job_applicant", "school_governor")
CASES = [
	make_case(
		procedure=procedure,
		formality=formality,
		parties=[
			make_party("complainant", complainant, user="clare", manager_chain=("mina",)),
			make_party("subject", subject),
		],
		closed_on=date(2026, 9, 1),
	)
	for procedure in ("staff_complaint", "public_complaint", "councillor_referral")
	for formality in ("formal", "informal")
	for complainant in KINDS
	for subject in KINDS
] + [make_case(case_type="incident", parties=[make_party("victim", "employee")])]


@pytest.mark.req("X-5")
def test_the_entry_point_is_declared_and_loads_the_derby_plugin():
	[entry_point] = [
		ep for ep in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP) if ep.name == "derby"
	]
	assert entry_point.value == "fairness_derby:Derby"
	assert entry_point.dist.name == "fairness-derby" and entry_point.dist.version == "0.1.0"
	assert isinstance(load_plugin("derby"), Derby)


@pytest.mark.req("X-5")
def test_a_site_that_enables_derby_gets_its_rules():
	site = FairnessPlugins.for_site(SiteConfig(plugins=("derby",)))
	assert site.load_failures == [] and site.names == ["derby", "builtin"]
	assert site.time_limit(CASES[0]).decided_by == "derby"


@pytest.mark.req("X-5")
@pytest.mark.parametrize(
	"case", CASES, ids=lambda case: f"{case.procedure}-{case.formality}-{case.parties[0].kind.value}"
)
def test_every_answer_passes_the_apps_own_checks(case):
	plugins = plugin_manager(Derby())  # strict: a wrong type or an error raises PluginFailed here
	plugins.route_case(case)
	plugins.case_reference(case, MemoryCounter())
	plugins.clock_rules(case)
	plugins.time_limit(case)
	plugins.meeting_rules(case)
	plugins.retention(case)
	for state in ("Informal stage", "Investigation", "Hearing", "Appeal hearing", "Withdrawn"):
		plugins.validate_transition(case, Transition("Move", "Received", state, "mina"))
	for event in ("received", "stage_changed", "clock_missed"):
		for stage in ("Investigation", "Decision sent", "Appeal"):
			plugins.notifications(
				case, CaseEvent(event, datetime(2026, 5, 1), stage, (("clock", "investigation"),))
			)
	# A record or hearing for the rules that run per record or count back from a hearing.
	HEARING = Occurrence("row1", "appeal hearing", on=datetime(2026, 4, 20, 10))
	for rule in (ACKNOWLEDGEMENT, *AFTER_STAGE_TWO_STARTS):
		for status in (ClockStatus.DUE, ClockStatus.MISSED):
			clock = rule.start(datetime(2026, 4, 1, 9), HEARING)
			plugins.clock_escalation(
				case, ClockAlert(clock, status, clock.due(plugins.calendar), datetime(2026, 11, 1))
			)
