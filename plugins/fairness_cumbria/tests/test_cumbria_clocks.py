"""The deadlines of a Cumbria incident (CUM-4, CUM-8, CUM-10), counted in working days on England's bank
holidays, and what happens when one is due or missed (CUM-3)."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from fairness_cumbria import Cumbria

from fairness_app.procedure.clocks import ClockAlert, ClockStatus, apply_event
from fairness_app.procedure.decisions import EscalationAction, RecipientKind
from fairness_app.procedure.snapshots import StageCategory
from fairness_app.procedure.stages import clocks_after_stage_change
from fairness_app.testing import make_case, make_party, plugin_manager

PLUGINS = plugin_manager(Cumbria())
# Thursday 2 April 2026, before Easter: Good Friday (3 April) and Easter Monday (6 April) are bank holidays.
BEFORE_EASTER = datetime(2026, 4, 2, 10)
# Monday 11 May 2026: a plain week with no bank holiday.
PLAIN_MONDAY = datetime(2026, 5, 11, 10)


def incident(chain=("manager", "senior"), tags=(), procedure="third_party_incident"):
	parties = [
		make_party("victim", "employee", user="staff", manager_chain=chain, tags=tags),
		make_party("subject", "service_user"),
	]
	return make_case(case_type="incident", procedure=procedure, reference="FI/2026-27/0007", parties=parties)


def rules(case=None):
	decision = PLUGINS.clock_rules(case or incident())
	assert decision.decided_by == "cumbria"
	return {rule.key: rule for rule in decision.value}


def due(key: str, started: datetime) -> date:
	return rules()[key].start(started).due(PLUGINS.calendar)


@pytest.mark.req("CUM-4", "X-1")
def test_the_debrief_is_due_three_working_days_after_the_report_skipping_easter():
	rule = rules()["debrief"]
	assert (rule.starts_on, rule.stops_on) == ("received", ("manager_met",))
	# Thursday: Good Friday and Easter Monday do not count, so Tue 7, Wed 8 and Thu 9 April.
	assert due("debrief", BEFORE_EASTER) == date(2026, 4, 9)
	assert due("debrief", PLAIN_MONDAY) == date(2026, 5, 14)


@pytest.mark.req("CUM-10")
def test_risk_assessments_are_reviewed_within_five_working_days_of_the_debrief():
	rule = rules()["risk_assessment_review"]
	assert (rule.starts_on, rule.stops_on) == ("manager_met", ("risk_assessment_reviewed",))
	# Agreeing actions does not stop it: the review is its own step.
	assert "actions_agreed" not in rule.stops_on
	assert due("risk_assessment_review", PLAIN_MONDAY) == date(2026, 5, 18)


@pytest.mark.req("CUM-8", "CUM-9")
def test_support_is_agreed_with_the_member_of_staff_within_ten_working_days_of_the_debrief():
	rule = rules()["support_agreed"]
	assert (rule.starts_on, rule.stops_on) == ("manager_met", ("actions_agreed",))
	assert "check-ins" in rule.complainant_text
	# From Thursday 2 April: 10 working days with Good Friday and Easter Monday left out is Monday 20 April.
	assert due("support_agreed", BEFORE_EASTER) == date(2026, 4, 20)


@pytest.mark.req("CUM-4", "CUM-10", "CUM-8")
def test_the_clocks_run_through_the_incident_procedure():
	case_rules = PLUGINS.clock_rules(incident()).value
	clocks = apply_event((), case_rules, "received", BEFORE_EASTER)
	assert [clock.key for clock in clocks] == ["debrief"]
	met_on = datetime(2026, 4, 8, 15)
	clocks = clocks_after_stage_change(clocks, case_rules, "manager_met", StageCategory.OPEN, met_on)
	status = {clock.key: clock.status(PLUGINS.calendar, met_on) for clock in clocks}
	assert status == {
		"debrief": ClockStatus.MET,
		"risk_assessment_review": ClockStatus.RUNNING,
		"support_agreed": ClockStatus.RUNNING,
	}


@pytest.mark.req("X-5")
def test_other_procedures_are_left_to_the_next_plugin():
	assert PLUGINS.clock_rules(make_case()).decided_by == "builtin"
	assert PLUGINS.clock_rules(incident(procedure="staff_complaint")).decided_by == "builtin"


def alert(status: ClockStatus, key: str = "debrief") -> ClockAlert:
	clock = rules()[key].start(BEFORE_EASTER)
	return ClockAlert(clock, status, clock.due(PLUGINS.calendar), datetime(2026, 4, 9, 7))


@pytest.mark.req("CUM-3")
def test_a_due_debrief_reminds_the_manager():
	decision = PLUGINS.clock_escalation(incident(), alert(ClockStatus.DUE))
	assert decision.decided_by == "cumbria"
	assert decision.value.action is EscalationAction.REMIND
	assert [r.value for r in decision.value.recipients] == ["manager"]
	assert "FI/2026-27/0007" in decision.value.message


@pytest.mark.req("CUM-3")
def test_a_missed_debrief_goes_to_the_managers_manager():
	decision = PLUGINS.clock_escalation(incident(), alert(ClockStatus.MISSED))
	escalation = decision.value
	assert escalation.action is EscalationAction.ESCALATE
	assert [(r.kind, r.value) for r in escalation.recipients] == [(RecipientKind.USER, "senior")]
	assert "not available" in escalation.message


@pytest.mark.req("CUM-1", "CUM-3")
def test_a_chair_of_governors_who_misses_a_deadline_is_left_to_the_built_in_escalation():
	case = incident(chain=("chair", "education_officer"), tags=("headteacher",))
	assert PLUGINS.clock_escalation(case, alert(ClockStatus.MISSED)).decided_by == "builtin"
