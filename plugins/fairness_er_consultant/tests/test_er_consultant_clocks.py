"""Deadlines counted in working days on the UK bank-holiday calendar (FHB-1, FHB-4, FHB-5, FHB-8, FHB-10,
FHB-12)."""

import json
from datetime import date, datetime
from importlib.resources import files

import pytest
from fairness_er_consultant import ErConsultant

from fairness_app.procedure.calendar import WorkingCalendar
from fairness_app.procedure.clocks import ClockStatus, ClockUnit, apply_event
from fairness_app.procedure.meetings import MeetingType
from fairness_app.procedure.snapshots import MADE_FORMAL
from fairness_app.testing import make_case, plugin_manager

PLUGINS = plugin_manager(ErConsultant())
TEMPLATE = json.loads((files("fairness_app") / "workflows/templates/er_consultant_formal.json").read_text())
AFTER_THE_MEETING = {"written_confirmation", "investigation_interview", "cf2_appeal", "appeal_decision"}


def rules(**fields):
	fields.setdefault("procedure", "er_consultant_formal")
	decision = PLUGINS.clock_rules(make_case(**fields))
	return decision, {rule.key: rule for rule in decision.value}


def due(rule, started: datetime) -> date:
	return rule.start(started).due(PLUGINS.calendar)


@pytest.mark.req("FHB-4")
def test_form_cf1_is_acknowledged_within_2_working_days_skipping_easter():
	decision, by_key = rules(formality="formal")
	ack = by_key["cf1_acknowledgement"]
	assert decision.decided_by == "er_consultant"
	assert (ack.length, ack.unit, ack.starts_on, ack.stops_on) == (
		2,
		ClockUnit.WORKING_DAYS,
		"received",
		("acknowledged",),
	)
	# Received Thursday 2 April 2026: Good Friday and Easter Monday are bank holidays, so day 2 is 8 April.
	assert due(ack, datetime(2026, 4, 2, 10)) == date(2026, 4, 8)
	# An ordinary week: received Monday 13 April, due Wednesday 15 April.
	assert due(ack, datetime(2026, 4, 13, 10)) == date(2026, 4, 15)


@pytest.mark.req("FHB-5")
def test_the_formal_complaint_meeting_is_arranged_within_10_working_days_of_the_acknowledgement():
	meeting = rules(formality="formal")[1]["formal_complaint_meeting"]
	assert (meeting.length, meeting.unit) == (10, ClockUnit.WORKING_DAYS)
	assert (meeting.starts_on, meeting.stops_on) == ("acknowledged", ("complaint_meeting_arranged",))
	# Acknowledged Monday 11 May 2026: the Spring bank holiday (25 May) pushes day 10 to Tuesday 26 May.
	assert due(meeting, datetime(2026, 5, 11, 9)) == date(2026, 5, 26)


@pytest.mark.req("FHB-12", "FHB-9")
def test_the_employee_has_5_working_days_from_the_decision_to_appeal_on_form_cf2():
	appeal = rules(formality="formal")[1]["cf2_appeal"]
	assert (appeal.length, appeal.unit) == (5, ClockUnit.WORKING_DAYS)
	assert (appeal.starts_on, appeal.stops_on) == ("decision_sent", ("appeal_received",))
	assert "form CF2" in appeal.complainant_text
	# Decision sent Thursday 24 December 2026: Christmas Day, Boxing Day (moved to Monday 28 December), New Year's
	# Day and the weekends leave Tuesday 29, Wednesday 30, Thursday 31 December, Monday 4 and Tuesday 5 January.
	assert due(appeal, datetime(2026, 12, 24, 15)) == date(2027, 1, 5)

	# The employee's own time to appeal: when it ends unused it closes, and the council missed nothing.
	window = appeal.start(datetime(2026, 12, 24, 15))
	assert window.status(WorkingCalendar("ENG"), datetime(2027, 1, 6, 9)) is ClockStatus.CLOSED


@pytest.mark.req("FHB-1", "FHB-4")
def test_an_informal_complaint_has_no_form_to_acknowledge_yet():
	assert set(rules(formality="informal")[1]) == {"formal_complaint_meeting", *AFTER_THE_MEETING}
	assert "cf1_acknowledgement" in rules(formality=None)[1]


@pytest.mark.req("FHB-1", "FHB-4")
def test_a_complaint_made_formal_later_is_acknowledged_within_2_working_days_of_being_made_formal():
	received, made_formal = datetime(2026, 4, 20, 9), datetime(2026, 5, 22, 14)
	clocks = apply_event((), rules(formality="informal")[1].values(), "received", received)
	assert clocks == ()
	clocks = apply_event(clocks, rules(formality="formal")[1].values(), MADE_FORMAL, made_formal)
	assert [(clock.key, clock.started_at) for clock in clocks] == [("cf1_acknowledgement_once_formal", made_formal)]
	# Made formal Friday 22 May 2026: the weekend and the spring bank holiday (25 May) make day 2 Wednesday 27 May.
	assert clocks[0].due(PLUGINS.calendar) == date(2026, 5, 27)
	assert clocks[0].rule.stops_on == ("acknowledged",)
	# A complaint formal from the start has its one acknowledgement deadline from the day it was received.
	from_the_start = apply_event((), rules(formality="formal")[1].values(), "received", received)
	assert [clock.key for clock in from_the_start] == ["cf1_acknowledgement"]


@pytest.mark.req("FHB-4", "FHB-5")
def test_every_clock_starts_and_stops_on_an_event_the_procedure_raises():
	events = {state["event"] for state in TEMPLATE["states"]} | {kind.held_event for kind in MeetingType} | {MADE_FORMAL}
	for rule in rules(formality="formal")[1].values():
		assert rule.starts_on in events
		assert set(rule.stops_on) <= events
		assert rule.requirement and rule.complainant_text


@pytest.mark.req("FHB-2")
def test_a_complaint_referred_to_the_grievance_procedure_runs_no_deadlines_here():
	decision, by_key = rules(formality="formal", behaviours=("other",))
	assert (decision.decided_by, by_key) == ("er_consultant", {})
	assert set(rules(formality="formal", behaviours=("other", "bullying"))[1]) == {
		"cf1_acknowledgement",
		"cf1_acknowledgement_once_formal",
		"formal_complaint_meeting",
		*AFTER_THE_MEETING,
	}


@pytest.mark.req("FHB-4")
def test_other_procedures_keep_their_own_deadlines():
	assert rules(procedure="public_complaint")[0].decided_by == "builtin"


@pytest.mark.req("FHB-8")
def test_a_decision_given_at_the_meeting_is_confirmed_in_writing_within_2_working_days():
	by_key = rules(formality="formal")[1]
	confirm = by_key["written_confirmation"]
	assert (confirm.length, confirm.unit) == (2, ClockUnit.WORKING_DAYS)
	assert confirm.starts_on == "formal_complaint_meeting_held"
	# Held on Friday 22 May 2026: the spring bank holiday (Monday 25 May) makes the second working day Wednesday.
	held = datetime(2026, 5, 22, 11)
	assert due(confirm, held) == date(2026, 5, 27)
	(clock,) = apply_event((), by_key.values(), "formal_complaint_meeting_held", held)
	sent, appeal_window = apply_event((clock,), by_key.values(), "decision_sent", datetime(2026, 5, 26, 16))
	assert sent.met_at == datetime(2026, 5, 26, 16)
	assert appeal_window.key == "cf2_appeal"


@pytest.mark.req("FHB-8")
def test_a_meeting_adjourned_for_an_investigation_has_no_decision_to_confirm():
	by_key = rules(formality="formal")[1]
	clocks = apply_event((), by_key.values(), "formal_complaint_meeting_held", datetime(2026, 5, 22, 11))
	started = apply_event(clocks, by_key.values(), "investigation_started", datetime(2026, 5, 22, 15))
	clocks = {clock.key: clock for clock in started}
	assert clocks["written_confirmation"].met_at is not None
	assert "investigation_interview" in clocks  # and the investigating officer's meeting is now due


@pytest.mark.req("FHB-10")
def test_the_investigating_officer_meets_the_employee_within_10_working_days():
	interview = rules(formality="formal")[1]["investigation_interview"]
	assert (interview.length, interview.unit) == (10, ClockUnit.WORKING_DAYS)
	assert (interview.starts_on, interview.stops_on) == ("investigation_started", ("investigation_interview_held",))
	# Started Monday 20 April 2026: ten working days later is Monday 4 May, the early May bank holiday, so Tuesday.
	assert due(interview, datetime(2026, 4, 20, 9)) == date(2026, 5, 5)


@pytest.mark.req("FHB-12")
def test_the_appeal_is_usually_decided_within_5_working_days_of_the_hearing():
	decision = rules(formality="formal")[1]["appeal_decision"]
	assert (decision.length, decision.unit) == (5, ClockUnit.WORKING_DAYS)
	assert (decision.starts_on, decision.stops_on) == ("appeal_hearing_held", ("closed",))
	assert "why" in decision.complainant_text and "when to expect" in decision.complainant_text
	# Heard on Thursday 27 August 2026: the summer bank holiday (Monday 31 August) is skipped.
	assert due(decision, datetime(2026, 8, 27, 14)) == date(2026, 9, 4)
