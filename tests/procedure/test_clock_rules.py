"""Clocks as data: rules, status at a moment, pauses and extensions (DER-3, DER-13), and case events."""

import dataclasses
from datetime import date, datetime

import pytest

from fairness_app.procedure.calendar import WorkingCalendar
from fairness_app.procedure.clocks import (
	ClockRule,
	ClockStatus,
	ClockUnit,
	Occurrence,
	apply_event,
	cancel_occurrences,
	clock_from_dict,
	clock_to_dict,
	reschedule,
	restart,
)

ENGLAND = WorkingCalendar("ENG")


def rule(length=2, unit=ClockUnit.WORKING_DAYS, key="acknowledgement", starts_on="received", stops_on=("acknowledged",)):
	return ClockRule(key=key, label="Acknowledge", length=length, unit=unit, starts_on=starts_on, stops_on=stops_on)


def at(day, hour=9, minute=0):
	return datetime(*day, hour, minute)


@pytest.mark.parametrize(
	"fields, message",
	[
		({"key": "ack nowledge"}, "letters, digits and underscores"),
		({"length": 0}, "at least one"),
		({"stops_on": ()}, "at least one that stops it"),
	],
)
def test_a_rule_that_makes_no_sense_is_refused_plainly(fields, message):
	with pytest.raises(ValueError, match=message):
		dataclasses.replace(rule(), **fields)


def test_a_rule_takes_its_unit_in_words():
	assert rule(unit="calendar days").unit is ClockUnit.CALENDAR_DAYS


@pytest.mark.req("DER-9")
def test_a_working_day_clock_is_running_then_due_then_missed():
	# Received Wednesday 24 December 2025: 2 working days are the 29th and 30th.
	clock = rule().start(at((2025, 12, 24)))
	assert clock.due(ENGLAND) == date(2025, 12, 30)
	assert clock.status(ENGLAND, at((2025, 12, 29))) is ClockStatus.RUNNING
	assert clock.status(ENGLAND, at((2025, 12, 30), 17)) is ClockStatus.DUE
	assert clock.status(ENGLAND, at((2025, 12, 31))) is ClockStatus.MISSED


@pytest.mark.req("DER-9")
def test_met_on_the_due_day_is_met_and_met_late_is_missed():
	clock = rule().start(at((2025, 12, 24)))
	assert clock.meet(at((2025, 12, 30), 16)).status(ENGLAND, at((2026, 2, 1))) is ClockStatus.MET
	assert clock.meet(at((2025, 12, 31))).status(ENGLAND, at((2026, 2, 1))) is ClockStatus.MISSED
	# Before the moment it was met, the clock was still running.
	assert clock.meet(at((2025, 12, 30))).status(ENGLAND, at((2025, 12, 29))) is ClockStatus.RUNNING


@pytest.mark.req("DER-11", "DER-13", "DER-19")
@pytest.mark.parametrize(
	"unit, length, due",
	[
		(ClockUnit.CALENDAR_DAYS, 28, date(2026, 1, 21)),
		(ClockUnit.WEEKS, 12, date(2026, 3, 18)),
		(ClockUnit.MONTHS, 6, date(2026, 6, 24)),
	],
)
def test_calendar_clocks(unit, length, due):
	assert rule(length=length, unit=unit).start(at((2025, 12, 24))).due(ENGLAND) == due


@pytest.mark.req("KEN-4")
def test_a_24_hour_clock_runs_through_the_weekend():
	clock = rule(length=24, unit=ClockUnit.HOURS, key="manager_meeting").start(at((2026, 3, 6), 18, 30))
	assert clock.due(ENGLAND) == datetime(2026, 3, 7, 18, 30)
	assert clock.status(ENGLAND, at((2026, 3, 7), 18)) is ClockStatus.DUE
	assert clock.status(ENGLAND, at((2026, 3, 7), 18, 31)) is ClockStatus.MISSED
	assert clock.meet(at((2026, 3, 7), 12)).status(ENGLAND, at((2026, 3, 9))) is ClockStatus.MET


def test_a_pause_moves_a_working_day_deadline_by_the_working_days_paused():
	clock = rule(length=5).start(at((2026, 3, 2)))  # due Monday 9 March
	paused = clock.pause(at((2026, 3, 3)), "waiting for the complainant")
	assert paused.status(ENGLAND, at((2026, 3, 20))) is ClockStatus.PAUSED
	assert paused.due(ENGLAND) is None
	# Paused Tuesday 3 March to Tuesday 10 March: 5 working days, so the deadline moves from the 9th to the 16th.
	assert paused.resume(at((2026, 3, 10))).due(ENGLAND) == date(2026, 3, 16)


def test_a_pause_over_easter_counts_only_working_days():
	clock = rule(length=5).start(at((2026, 3, 30)))  # due Wednesday 8 April, after Good Friday and Easter Monday
	assert clock.due(ENGLAND) == date(2026, 4, 8)
	# Paused Thursday 2 to Tuesday 7 April: only the Tuesday was a working day.
	resumed = clock.pause(at((2026, 4, 2))).resume(at((2026, 4, 7)))
	assert resumed.due(ENGLAND) == date(2026, 4, 9)


def test_pauses_move_calendar_and_hour_clocks_by_the_time_paused():
	days = rule(length=14, unit=ClockUnit.CALENDAR_DAYS).start(at((2026, 3, 2)))
	assert days.pause(at((2026, 3, 3))).resume(at((2026, 3, 6))).due(ENGLAND) == date(2026, 3, 19)
	hours = rule(length=24, unit=ClockUnit.HOURS).start(at((2026, 3, 2)))
	assert hours.pause(at((2026, 3, 2), 10)).resume(at((2026, 3, 2), 13)).due(ENGLAND) == at((2026, 3, 3), 12)


def test_meeting_a_paused_clock_resumes_it():
	clock = rule().start(at((2026, 3, 2))).pause(at((2026, 3, 3)))
	met = clock.meet(at((2026, 3, 4)))
	assert not met.is_paused
	assert met.status(ENGLAND, at((2026, 3, 9))) is ClockStatus.MET


@pytest.mark.req("DER-3", "DER-13")
def test_an_extension_records_why_and_who_and_sets_a_later_deadline():
	clock = rule(length=12, unit=ClockUnit.WEEKS).start(at((2026, 1, 5)))  # due 30 March
	extended = clock.extend(date(2026, 4, 27), "A witness is in hospital", "ad.personnel", at((2026, 3, 20)), ENGLAND)
	assert extended.due(ENGLAND) == date(2026, 4, 27)
	assert extended.extensions[-1].reason == "A witness is in hospital"
	assert extended.status(ENGLAND, at((2026, 4, 1))) is ClockStatus.RUNNING
	again = extended.extend(date(2026, 5, 11), "Second interview", "ad.personnel", at((2026, 4, 20)), ENGLAND)
	assert again.due(ENGLAND) == date(2026, 5, 11)


@pytest.mark.req("DER-3")
@pytest.mark.parametrize(
	"new_due, reason, granted_by, message",
	[
		(date(2026, 3, 1), "Illness", "hr", "later than the current one"),
		(date(2026, 5, 1), "  ", "hr", "Say why"),
		(date(2026, 5, 1), "Illness", "", "who agreed"),
		(datetime(2026, 5, 1, 9), "Illness", "hr", "needs a date"),
	],
)
def test_an_extension_that_makes_no_sense_is_refused(new_due, reason, granted_by, message):
	clock = rule(length=12, unit=ClockUnit.WEEKS).start(at((2026, 1, 5)))
	with pytest.raises(ValueError, match=message):
		clock.extend(new_due, reason, granted_by, at((2026, 2, 1)), ENGLAND)


@pytest.mark.req("DER-3")
@pytest.mark.parametrize("stop", ["meet", "cancel"])
def test_a_deadline_that_has_stopped_cannot_be_extended(stop):
	clock = getattr(rule(length=10).start(at((2026, 3, 2))), stop)(at((2026, 3, 4)))
	with pytest.raises(ValueError, match="already been met or cancelled"):
		clock.extend(date(2026, 4, 1), "New evidence", "hr", at((2026, 3, 6)), ENGLAND)


def test_pauses_after_an_extension_move_it_and_pauses_before_do_not():
	clock = rule(length=10).start(at((2026, 3, 2)))
	clock = clock.pause(at((2026, 3, 3))).resume(at((2026, 3, 5)))
	clock = clock.extend(date(2026, 4, 1), "New evidence", "hr", at((2026, 3, 6)), ENGLAND)
	assert clock.due(ENGLAND) == date(2026, 4, 1)
	clock = clock.pause(at((2026, 3, 9))).resume(at((2026, 3, 11)))  # 2 working days
	# Two working days on from Wednesday 1 April 2026 skip Good Friday and Easter Monday.
	assert clock.due(ENGLAND) == date(2026, 4, 7)


def test_a_clock_cannot_resume_before_it_was_paused_nor_pause_once_stopped():
	clock = rule().start(at((2026, 3, 2)))
	with pytest.raises(ValueError, match="cannot resume before"):
		clock.pause(at((2026, 3, 3))).resume(at((2026, 3, 2)))
	with pytest.raises(ValueError, match="cannot be paused"):
		clock.meet(at((2026, 3, 3))).pause(at((2026, 3, 4)))


def test_a_cancelled_clock_says_so():
	clock = rule().start(at((2026, 3, 2))).cancel(at((2026, 3, 3)))
	assert clock.status(ENGLAND, at((2026, 4, 1))) is ClockStatus.CANCELLED


def test_clocks_are_immutable():
	clock = rule().start(at((2026, 3, 2)))
	with pytest.raises(dataclasses.FrozenInstanceError):
		clock.met_at = at((2026, 3, 3))


def test_case_events_start_and_stop_clocks_and_never_restart_one():
	ack, meeting = rule(), rule(key="meeting", starts_on="acknowledged", stops_on=("met",), length=10)
	clocks = apply_event((), [ack, meeting], "received", at((2026, 3, 2)))
	assert [c.key for c in clocks] == ["acknowledgement"]
	clocks = apply_event(clocks, [ack, meeting], "acknowledged", at((2026, 3, 3)))
	assert [(c.key, c.met_at) for c in clocks] == [("acknowledgement", at((2026, 3, 3))), ("meeting", None)]
	again = apply_event(clocks, [ack, meeting], "received", at((2026, 3, 4)))
	assert again == clocks


def test_a_clock_survives_storage_exactly():
	clock = rule(length=24, unit=ClockUnit.HOURS).start(at((2026, 3, 2)))
	clock = clock.pause(at((2026, 3, 2), 10), "waiting").resume(at((2026, 3, 2), 11))
	clock = clock.extend(at((2026, 3, 5)), "Police asked us to wait", "hs", at((2026, 3, 2), 12), ENGLAND)
	assert clock_from_dict(clock_to_dict(clock)) == clock


def test_a_clock_stored_before_rules_could_be_unpausable_reads_as_pausable():
	review_rule = dataclasses.replace(rule(key="review", length=6, unit=ClockUnit.MONTHS), pausable=False)
	review = review_rule.start(at((2026, 3, 2)))
	assert clock_from_dict(clock_to_dict(review)).rule.pausable is False
	stored = clock_to_dict(rule().start(at((2026, 3, 2))))
	del stored["rule"]["pausable"]
	assert clock_from_dict(stored).rule.pausable is True


# The sweep's alerts: "due" on the deadline day, "missed" once it has passed, each once per deadline.


@pytest.mark.req("DER-9", "X-1")
def test_a_clock_alerts_due_on_its_deadline_day_then_missed_the_day_after():
	clock = rule().start(at((2025, 12, 24)))  # due Tuesday 30 December
	assert clock.alert(ENGLAND, at((2025, 12, 29))) is None
	assert clock.next_alert_on(ENGLAND) == date(2025, 12, 30)

	due = clock.alert(ENGLAND, at((2025, 12, 30), 7))
	assert (due.status, due.due, due.at) == (ClockStatus.DUE, date(2025, 12, 30), at((2025, 12, 30), 7))
	assert clock.alert(ENGLAND, at((2025, 12, 30), 18), alerted=ClockStatus.DUE) is None
	assert clock.next_alert_on(ENGLAND, alerted=ClockStatus.DUE) == date(2025, 12, 31)

	missed = clock.alert(ENGLAND, at((2025, 12, 31)), alerted=ClockStatus.DUE)
	assert missed.status is ClockStatus.MISSED
	assert clock.alert(ENGLAND, at((2026, 1, 5)), alerted=ClockStatus.MISSED) is None
	assert clock.next_alert_on(ENGLAND, alerted=ClockStatus.MISSED) is None


def test_a_sweep_that_ran_late_raises_missed_without_due():
	clock = rule().start(at((2025, 12, 24)))
	assert clock.alert(ENGLAND, at((2026, 1, 2))).status is ClockStatus.MISSED


@pytest.mark.req("KEN-4")
def test_an_hour_clock_is_looked_at_again_the_same_day_it_falls_due():
	clock = rule(length=24, unit=ClockUnit.HOURS, key="manager_meeting").start(at((2026, 3, 6), 18, 30))
	assert clock.next_alert_on(ENGLAND) == date(2026, 3, 7)
	assert clock.alert(ENGLAND, at((2026, 3, 7), 9)).status is ClockStatus.DUE
	assert clock.next_alert_on(ENGLAND, alerted=ClockStatus.DUE) == date(2026, 3, 7)
	assert clock.alert(ENGLAND, at((2026, 3, 7), 18), alerted=ClockStatus.DUE) is None
	assert clock.alert(ENGLAND, at((2026, 3, 7), 18, 31), alerted=ClockStatus.DUE).status is ClockStatus.MISSED


def test_stopped_and_paused_clocks_raise_no_alert_and_are_not_looked_at():
	clock = rule().start(at((2025, 12, 24)))
	for quiet in (clock.meet(at((2025, 12, 26))), clock.cancel(at((2025, 12, 26))), clock.pause(at((2025, 12, 26)))):
		assert quiet.alert(ENGLAND, at((2026, 1, 5))) is None
		assert quiet.next_alert_on(ENGLAND) is None


@pytest.mark.req("DER-3")
def test_an_extended_clock_alerts_again_for_its_new_deadline():
	clock = rule().start(at((2025, 12, 24))).extend(
		date(2026, 1, 9), "The investigator is ill", "manager@example.org", at((2025, 12, 31)), ENGLAND
	)
	assert clock.alert(ENGLAND, at((2026, 1, 5))) is None
	assert clock.next_alert_on(ENGLAND) == date(2026, 1, 9)
	assert clock.alert(ENGLAND, at((2026, 1, 9))).status is ClockStatus.DUE


# A party's time to act, such as the time to appeal: it closes when it ends unused, and nobody missed anything.


def appeal_window():
	return dataclasses.replace(
		rule(length=5, key="appeal_window", starts_on="decision_sent", stops_on=("appeal_received",)), party_window=True
	)


@pytest.mark.req("FHB-12", "DER-16")
def test_a_partys_window_that_ends_unused_closes_rather_than_being_missed():
	window = appeal_window().start(at((2026, 5, 20), 15))  # 5 working days past the spring bank holiday: 28 May
	assert window.due(ENGLAND) == date(2026, 5, 28)
	assert window.status(ENGLAND, at((2026, 5, 28))) is ClockStatus.DUE
	assert window.status(ENGLAND, at((2026, 5, 29))) is ClockStatus.CLOSED
	assert window.meet(at((2026, 5, 28), 16)).status(ENGLAND, at((2026, 6, 1))) is ClockStatus.MET
	# An appeal accepted late, or a case withdrawn after the window ended, leaves it closed, not missed.
	assert window.meet(at((2026, 6, 2))).status(ENGLAND, at((2026, 6, 3))) is ClockStatus.CLOSED
	assert window.cancel(at((2026, 6, 2))).status(ENGLAND, at((2026, 6, 3))) is ClockStatus.CLOSED
	assert window.cancel(at((2026, 5, 21))).status(ENGLAND, at((2026, 6, 3))) is ClockStatus.CANCELLED


@pytest.mark.req("FHB-12", "X-1")
def test_the_sweep_raises_closed_once_for_a_partys_window():
	window = appeal_window().start(at((2026, 5, 20), 15))
	assert window.alert(ENGLAND, at((2026, 5, 28))).status is ClockStatus.DUE
	closed = window.alert(ENGLAND, at((2026, 5, 29)), alerted=ClockStatus.DUE)
	assert closed.status is ClockStatus.CLOSED
	assert window.alert(ENGLAND, at((2026, 6, 1)), alerted=ClockStatus.CLOSED) is None
	assert window.next_alert_on(ENGLAND, alerted=ClockStatus.CLOSED) is None


def test_a_window_is_kept_as_one_and_clocks_stored_before_windows_existed_are_deadlines():
	window = appeal_window().start(at((2026, 5, 20), 15))
	assert clock_from_dict(clock_to_dict(window)).rule.party_window is True
	stored = clock_to_dict(window)
	del stored["rule"]["party_window"]
	assert clock_from_dict(stored).rule.party_window is False


# A clock for each of several like things: each interview record goes for signature within 7 days (DER-14).


def records_rule():
	return ClockRule(
		"interview_record", "Send the record for signature", 7, ClockUnit.CALENDAR_DAYS, "record_taken",
		("record_sent",), repeats=True,
	)


FIRST = Occurrence("row1", "interview on 2 March 2026")
SECOND = Occurrence("row2", "interview on 4 March 2026")


@pytest.mark.req("DER-14")
def test_a_repeating_rule_runs_a_clock_for_each_occurrence_and_each_is_met_on_its_own():
	rules = [records_rule()]
	clocks = apply_event((), rules, "record_taken", at((2026, 3, 2)), FIRST)
	clocks = apply_event(clocks, rules, "record_taken", at((2026, 3, 4)), SECOND)
	assert [c.key for c in clocks] == ["interview_record:row1", "interview_record:row2"]
	assert [c.due(ENGLAND) for c in clocks] == [date(2026, 3, 9), date(2026, 3, 11)]
	assert clocks[0].label == "Send the record for signature (interview on 2 March 2026)"
	clocks = apply_event(clocks, rules, "record_sent", at((2026, 3, 5)), SECOND)
	assert [c.met_at for c in clocks] == [None, at((2026, 3, 5))]
	assert apply_event(clocks, rules, "record_taken", at((2026, 3, 6)), FIRST) == clocks  # never restarted
	assert clocks[0].status(ENGLAND, at((2026, 3, 10))) is ClockStatus.MISSED


@pytest.mark.req("DER-14")
def test_an_event_about_nothing_in_particular_meets_every_clock_of_a_repeating_rule():
	rules = [records_rule()]
	clocks = apply_event((), rules, "record_taken", at((2026, 3, 2)), FIRST)
	clocks = apply_event(clocks, rules, "record_taken", at((2026, 3, 3)), SECOND)
	assert all(c.met_at for c in apply_event(clocks, rules, "record_sent", at((2026, 3, 4))))


def test_a_rule_that_does_not_repeat_ignores_what_an_event_is_about():
	clocks = apply_event((), [rule()], "received", at((2026, 3, 2)), FIRST)
	assert [(c.key, c.occurrence, c.label) for c in clocks] == [("acknowledgement", None, "Acknowledge")]
	clocks = apply_event(clocks, [rule()], "acknowledged", at((2026, 3, 3)), SECOND)
	assert clocks[0].met_at == at((2026, 3, 3))


@pytest.mark.req("DER-14")
def test_the_clock_of_an_occurrence_that_is_gone_is_cancelled_and_a_miss_stays_missed():
	rules = [records_rule()]
	clocks = apply_event((), rules, "record_taken", at((2026, 3, 2)), FIRST)
	clocks = apply_event(clocks, rules, "record_taken", at((2026, 3, 4)), SECOND)
	early = cancel_occurrences(clocks, ["row2"], at((2026, 3, 5)))
	assert [c.status(ENGLAND, at((2026, 3, 5))) for c in early] == [ClockStatus.RUNNING, ClockStatus.CANCELLED]
	late = cancel_occurrences(clocks, ["row1"], at((2026, 3, 12)))
	assert late[0].status(ENGLAND, at((2026, 3, 12))) is ClockStatus.MISSED


@pytest.mark.req("DER-14", "DER-16")
def test_a_clock_runs_again_from_a_corrected_day_and_only_for_what_was_corrected():
	rules = [records_rule(), rule(7, ClockUnit.CALENDAR_DAYS, "letter", "hearing_held", ("letter_received",))]
	clocks = apply_event((), rules, "record_taken", at((2026, 3, 2)), FIRST)
	clocks = apply_event(clocks, rules, "record_taken", at((2026, 3, 4)), SECOND)
	clocks = apply_event(clocks, rules, "hearing_held", at((2026, 3, 4)))
	corrected = dataclasses.replace(FIRST, about="interview on 3 March 2026")
	clocks = restart(clocks, "record_taken", at((2026, 3, 3)), corrected)
	assert [c.due(ENGLAND) for c in clocks] == [date(2026, 3, 10), date(2026, 3, 11), date(2026, 3, 11)]
	assert clocks[0].label == "Send the record for signature (interview on 3 March 2026)"
	assert restart(clocks, "record_taken", at((2026, 3, 1))) == clocks  # about no record: no record's clock moves
	moved = restart(clocks, "hearing_held", at((2026, 3, 2)))
	assert [c.due(ENGLAND) for c in moved] == [date(2026, 3, 10), date(2026, 3, 11), date(2026, 3, 9)]
	met = apply_event(moved, rules, "letter_received", at((2026, 3, 5)))
	assert restart(met, "hearing_held", at((2026, 3, 1))) == met  # a deadline already met stays as it was


def test_a_clock_for_an_occurrence_survives_storage_and_older_clocks_are_for_none():
	clock = records_rule().start(at((2026, 3, 2)), FIRST)
	assert clock_from_dict(clock_to_dict(clock)) == clock
	stored = clock_to_dict(rule().start(at((2026, 3, 2))))
	del stored["occurrence"], stored["rule"]["repeats"]
	assert clock_from_dict(stored) == rule().start(at((2026, 3, 2)))


def test_an_occurrence_needs_a_plain_key():
	with pytest.raises(ValueError, match="letters, digits, hyphens and underscores"):
		Occurrence("row 1")


# A deadline counted back from a hearing: statements of case 7 days before the appeal hearing (DER-17).


def statements_rule():
	return ClockRule(
		"statements_of_case", "Statements of case", 7, ClockUnit.CALENDAR_DAYS, "appeal_hearing_arranged",
		("statements_received",), counts_back=True,
	)


HEARING = Occurrence("row9", "appeal hearing", on=datetime(2026, 6, 22, 10, 0))


@pytest.mark.req("DER-17")
def test_a_deadline_counted_back_from_a_hearing_falls_before_it_and_moves_with_it():
	rules = [statements_rule()]
	[clock] = apply_event((), rules, "appeal_hearing_arranged", at((2026, 6, 1)), HEARING)
	assert (clock.key, clock.due(ENGLAND)) == ("statements_of_case", date(2026, 6, 15))
	[moved] = reschedule([clock], [dataclasses.replace(HEARING, on=datetime(2026, 7, 6, 10, 0))])
	assert moved.due(ENGLAND) == date(2026, 6, 29)
	[met] = apply_event([moved], rules, "statements_received", at((2026, 6, 29), 16))
	assert met.status(ENGLAND, at((2026, 7, 1))) is ClockStatus.MET
	assert reschedule([met], [HEARING]) == (met,)  # a deadline already met stays as it was


def test_a_rule_that_counts_back_starts_only_from_an_event_that_gives_a_time():
	rules = [statements_rule()]
	assert apply_event((), rules, "appeal_hearing_arranged", at((2026, 6, 1))) == ()
	assert apply_event((), rules, "appeal_hearing_arranged", at((2026, 6, 1)), Occurrence("row9")) == ()


def test_a_clock_counted_back_survives_storage():
	clock = statements_rule().start(at((2026, 6, 1)), HEARING)
	assert clock_from_dict(clock_to_dict(clock)) == clock
