"""Clocks across stage changes: open stages run them, waiting and paused stages stop them counting, closed stages
stop them, and a late closure still counts as a miss (X-1, DER-13)."""

from datetime import date, datetime

import pytest

from fairness_app.procedure.calendar import WorkingCalendar
from fairness_app.procedure.clocks import ClockRule, ClockStatus, ClockUnit, Occurrence
from fairness_app.procedure.snapshots import StageCategory
from fairness_app.procedure.stages import clocks_after_stage_change

ENGLAND = WorkingCalendar("ENG")
ACK = ClockRule("acknowledgement", "Acknowledge", 2, ClockUnit.WORKING_DAYS, "received", ("acknowledged",))
REPORT = ClockRule("report", "Send the report", 10, ClockUnit.WORKING_DAYS, "investigation_started", ("decision_sent",))
RULES = (ACK, REPORT)


def at(day: int, month: int = 3) -> datetime:
	return datetime(2026, month, day, 9, 0)


def received() -> tuple:
	return clocks_after_stage_change((), RULES, "received", StageCategory.OPEN, at(2))


def by_key(clocks) -> dict:
	return {clock.key: clock for clock in clocks}


@pytest.mark.req("X-1")
def test_an_open_stage_meets_the_clocks_its_event_stops_and_starts_its_own():
	clocks = by_key(clocks_after_stage_change(received(), RULES, "acknowledged", StageCategory.OPEN, at(3)))
	assert clocks["acknowledgement"].status(ENGLAND, at(3)) is ClockStatus.MET
	assert "report" not in clocks
	clocks = by_key(clocks_after_stage_change(clocks.values(), RULES, "investigation_started", StageCategory.OPEN, at(4)))
	assert clocks["report"].due(ENGLAND) == date(2026, 3, 18)


@pytest.mark.req("DER-13")
def test_a_waiting_stage_stops_the_clock_counting_until_the_case_moves_on():
	started = clocks_after_stage_change(received(), RULES, "investigation_started", StageCategory.OPEN, at(3))
	waiting = clocks_after_stage_change(started, RULES, "put_on_hold", StageCategory.PAUSED, at(4), "sickness")
	report = by_key(waiting)["report"]
	assert report.status(ENGLAND, at(30)) is ClockStatus.PAUSED
	assert report.pauses[-1].reason == "sickness"
	resumed = by_key(clocks_after_stage_change(waiting, RULES, "investigation_started", StageCategory.OPEN, at(11)))
	# Five working days on hold (4 to 11 March) push the 17 March deadline to 24 March.
	assert resumed["report"].due(ENGLAND) == date(2026, 3, 24)


@pytest.mark.req("DER-19")
def test_a_clock_that_is_not_pausable_keeps_counting_through_a_waiting_stage():
	review = ClockRule("review", "Review", 6, ClockUnit.MONTHS, "received", ("closed",), pausable=False)
	rules = (*RULES, review)
	started = clocks_after_stage_change((), rules, "received", StageCategory.OPEN, at(2))
	waiting = by_key(clocks_after_stage_change(started, rules, "review_started", StageCategory.WAITING, at(3)))
	assert waiting["acknowledgement"].is_paused
	assert not waiting["review"].is_paused
	assert waiting["review"].status(ENGLAND, at(2, 9)) is ClockStatus.DUE  # six months on, waiting or not


@pytest.mark.req("DER-16", "FHB-12")
def test_a_party_window_keeps_its_end_date_whatever_stage_the_case_waits_in():
	appeal = ClockRule("appeal", "Appeal", 14, ClockUnit.CALENDAR_DAYS, "decision_sent", ("appeal_received",),
		party_window=True)
	rules = (*RULES, appeal)
	sent = clocks_after_stage_change((), rules, "decision_sent", StageCategory.OPEN, at(2))
	for category in (StageCategory.WAITING, StageCategory.PAUSED):
		moved = by_key(clocks_after_stage_change(sent, rules, "review_started", category, at(3)))
		assert not moved["appeal"].is_paused
		assert moved["appeal"].due(ENGLAND) == date(2026, 3, 16)  # 14 days after the letter of 2 March
		assert moved["appeal"].status(ENGLAND, at(17)) is ClockStatus.CLOSED


@pytest.mark.req("DER-17")
def test_a_deadline_counted_back_from_a_hearing_keeps_its_date_whatever_stage_the_case_waits_in():
	statements = ClockRule("statements", "Statements of case", 7, ClockUnit.CALENDAR_DAYS, "hearing_arranged",
		("statements_received",), counts_back=True)
	hearing = Occurrence("row1", "appeal hearing", on=at(23))
	rules = (statements,)
	started = clocks_after_stage_change((), rules, "hearing_arranged", StageCategory.OPEN, at(2), occurrence=hearing)
	on_hold = by_key(clocks_after_stage_change(started, rules, "put_on_hold", StageCategory.PAUSED, at(3)))
	assert not on_hold["statements"].is_paused
	assert on_hold["statements"].due(ENGLAND) == date(2026, 3, 16)


@pytest.mark.req("X-1")
def test_closing_stops_every_clock_but_a_deadline_already_missed_stays_missed():
	closed = by_key(clocks_after_stage_change(received(), RULES, "withdrawn", StageCategory.CLOSED, at(3)))
	assert closed["acknowledgement"].status(ENGLAND, at(30)) is ClockStatus.CANCELLED
	late = by_key(clocks_after_stage_change(received(), RULES, "withdrawn", StageCategory.CLOSED, at(10)))
	assert late["acknowledgement"].status(ENGLAND, at(30)) is ClockStatus.MISSED
	assert late["acknowledgement"].is_stopped
