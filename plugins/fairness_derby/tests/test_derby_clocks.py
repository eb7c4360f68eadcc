"""Derby's Fairness at Work timescales (DER-9 to DER-19), walked through the app's staff_complaint template
with the app's own clock core, on the English bank-holiday calendar."""

import dataclasses
import json
from datetime import date, datetime
from importlib.resources import files

import pytest
from fairness_derby import Derby

from fairness_app.procedure.clocks import ClockStatus, ClockUnit, Occurrence, apply_event, reschedule
from fairness_app.procedure.meetings import MeetingType
from fairness_app.procedure.snapshots import (
	DISCIPLINARY_HEARING_HELD,
	DISCIPLINARY_LETTER_RECEIVED,
	INTERVIEW_RECORD_SENT,
	INTERVIEW_RECORD_TAKEN,
	STATEMENTS_OF_CASE_RECEIVED,
	StageCategory,
)
from fairness_app.procedure.stages import clocks_after_stage_change
from fairness_app.testing import make_case, make_party, plugin_manager

PLUGINS = plugin_manager(Derby())
CALENDAR = PLUGINS.calendar
TEMPLATE = json.loads(
	(files("fairness_app") / "workflows" / "templates" / "staff_complaint.json").read_text()
)
STATES = {row["state"]: (StageCategory(row["category"]), row["event"]) for row in TEMPLATE["states"]}


def staff_case(**fields):
	fields.setdefault("parties", [make_party("complainant", "employee"), make_party("subject", "employee")])
	fields.setdefault("procedure", "staff_complaint")
	return make_case(**fields)


def rules_for(case):
	decision = PLUGINS.clock_rules(case)
	assert decision.decided_by == "derby"
	return {rule.key: rule for rule in decision.value}


def on(day, hour=10):
	return datetime(2026, *day, hour) if len(day) == 2 else datetime(*day, hour)


class Walk:
	"""A case moving through the staff_complaint template, its clocks kept as the app keeps them."""

	def __init__(self, case, received_at):
		self.case = case
		self.clocks = apply_event((), PLUGINS.clock_rules(case).value, "received", received_at)

	def move(self, state, at):
		category, event = STATES[state]
		self.case = dataclasses.replace(self.case, stage=state, stage_category=category)
		self.clocks = clocks_after_stage_change(
			self.clocks, PLUGINS.clock_rules(self.case).value, event, category, at
		)
		return self

	def hold(self, meeting_type: MeetingType, at):
		"""A meeting recorded as held, in the stage the case is in."""
		category = self.case.stage_category or StageCategory.OPEN
		rules = PLUGINS.clock_rules(self.case).value
		self.clocks = clocks_after_stage_change(self.clocks, rules, meeting_type.held_event, category, at)
		return self

	def interview(self, event: str, record: str, at):
		"""An interview record given, or sent for signature, in the stage the case is in."""
		category = self.case.stage_category or StageCategory.OPEN
		rules = PLUGINS.clock_rules(self.case).value
		occurrence = Occurrence(record, f"interview {record}")
		self.clocks = clocks_after_stage_change(self.clocks, rules, event, category, at, occurrence=occurrence)
		return self

	def clock(self, key):
		return next(clock for clock in self.clocks if clock.key == key)

	def due(self, key):
		return self.clock(key).due(CALENDAR)

	def status(self, key, at):
		return self.clock(key).status(CALENDAR, at)


def formal_walk_to_the_report():
	"""Received Wednesday 1 April 2026; letters sent on day 28; report to the Chief Officer after 12 weeks."""
	return (
		Walk(staff_case(formality="formal"), on((4, 1), 9))
		.move("Acknowledged", on((4, 7)))
		.move("Investigation", on((4, 29)))
		.move("Hearing", on((7, 22)))
	)


@pytest.mark.req("DER-9", "X-1")
def test_the_form_is_acknowledged_within_2_working_days_not_counting_easter():
	# Wednesday 1 April 2026: Thursday 2 April is the first working day; Good Friday, the weekend and Easter
	# Monday do not count, so Tuesday 7 April is the second.
	walk = Walk(staff_case(formality="formal"), on((4, 1), 9))
	assert walk.due("acknowledgement") == date(2026, 4, 7)
	assert walk.clock("acknowledgement").rule.unit is ClockUnit.WORKING_DAYS
	assert walk.status("acknowledgement", on((4, 6))) is ClockStatus.RUNNING
	assert walk.status("acknowledgement", on((4, 8))) is ClockStatus.MISSED
	assert walk.move("Acknowledged", on((4, 7), 16)).status("acknowledgement", on((5, 1))) is ClockStatus.MET


@pytest.mark.req("DER-9")
def test_the_acknowledgement_tells_the_complainant_an_investigator_will_be_in_touch_within_14_days():
	text = rules_for(staff_case())["acknowledgement"].complainant_text
	assert "2 working days" in text and "within 14 days" in text


@pytest.mark.req("DER-11")
def test_letters_to_both_parties_go_within_28_calendar_days_of_recording():
	walk = Walk(staff_case(formality="formal"), on((4, 1), 9))
	assert walk.due("letters_to_parties") == date(2026, 4, 29)
	late = Walk(staff_case(formality="formal"), on((4, 1), 9)).move("Acknowledged", on((4, 2)))
	assert (
		late.move("Investigation", on((4, 30))).status("letters_to_parties", on((5, 1))) is ClockStatus.MISSED
	)
	on_time = walk.move("Acknowledged", on((4, 2))).move("Investigation", on((4, 29), 17))
	assert on_time.status("letters_to_parties", on((5, 1))) is ClockStatus.MET


@pytest.mark.req("DER-13")
def test_the_investigation_finishes_within_12_weeks_of_the_letters():
	walk = Walk(staff_case(formality="formal"), on((4, 1), 9)).move("Acknowledged", on((4, 7)))
	walk.move("Investigation", on((4, 29)))
	assert walk.due("investigation") == date(2026, 7, 22)
	assert walk.move("Hearing", on((7, 22))).status("investigation", on((8, 1))) is ClockStatus.MET


@pytest.mark.req("DER-13", "DER-3")
def test_time_on_hold_moves_the_investigation_deadline_on():
	walk = Walk(staff_case(formality="formal"), on((4, 1), 9)).move("Acknowledged", on((4, 7)))
	walk.move("Investigation", on((4, 29))).move("On hold", on((5, 4))).move("Investigation", on((5, 18)))
	assert walk.due("investigation") == date(2026, 8, 5)  # 22 July plus the 14 days on hold


@pytest.mark.req("DER-16")
def test_the_report_reaches_both_parties_within_14_days_and_the_appeal_window_is_14_days():
	walk = formal_walk_to_the_report()
	assert walk.due("report_to_parties") == date(2026, 8, 5)
	walk.move("Decision sent", on((8, 5)))
	assert walk.status("report_to_parties", on((8, 6))) is ClockStatus.MET
	assert walk.due("appeal_window") == date(2026, 8, 19)
	# The complainant's own time to appeal: when it ends unused it closes; the council missed nothing.
	assert walk.status("appeal_window", on((8, 20))) is ClockStatus.CLOSED


@pytest.mark.req("DER-16")
def test_choosing_no_appeal_closes_the_appeal_window():
	walk = formal_walk_to_the_report().move("Decision sent", on((8, 5))).move("Six-month review", on((8, 20)))
	assert walk.clock("appeal_window").met_at == on((8, 20))


@pytest.mark.req("DER-17", "DER-18")
def test_the_appeal_is_heard_within_21_days_and_decided_in_writing_7_days_after():
	walk = formal_walk_to_the_report().move("Decision sent", on((8, 5))).move("Appeal", on((8, 12)))
	assert walk.status("appeal_window", on((8, 13))) is ClockStatus.MET
	assert walk.due("appeal_hearing") == date(2026, 9, 2)
	# Arranging the hearing is not holding it: the 21 days run until it is held.
	walk.move("Appeal hearing", on((8, 20)))
	assert walk.status("appeal_hearing", on((8, 21))) is ClockStatus.RUNNING
	assert "appeal_decision" not in {clock.key for clock in walk.clocks}
	walk.hold(MeetingType.APPEAL_HEARING, on((8, 27), 14))
	assert walk.status("appeal_hearing", on((8, 28))) is ClockStatus.MET
	assert walk.due("appeal_decision") == date(2026, 9, 3)  # 7 days from the hearing, not from the letter
	walk.move("Appeal decided", on((9, 3)))
	assert walk.status("appeal_decision", on((9, 10))) is ClockStatus.MET


@pytest.mark.req("DER-17")
def test_an_appeal_hearing_held_after_21_days_misses_its_deadline():
	walk = formal_walk_to_the_report().move("Decision sent", on((8, 5))).move("Appeal", on((8, 12)))
	walk.move("Appeal hearing", on((8, 20))).hold(MeetingType.APPEAL_HEARING, on((9, 3)))
	assert walk.status("appeal_hearing", on((9, 4))) is ClockStatus.MISSED
	assert walk.due("appeal_decision") == date(2026, 9, 10)


@pytest.mark.req("DER-18")
def test_a_re_investigation_is_finished_within_28_days_of_the_appeal_hearing():
	walk = formal_walk_to_the_report().move("Decision sent", on((8, 5))).move("Appeal", on((8, 12)))
	walk.move("Appeal hearing", on((8, 14)))
	assert "reinvestigation" not in {clock.key for clock in walk.clocks}  # arranged, not yet held
	walk.hold(MeetingType.APPEAL_HEARING, on((8, 20), 14)).move("Appeal decided", on((8, 26)))
	assert walk.due("reinvestigation") == date(2026, 9, 17)  # from the hearing, not the decision a week later
	assert (
		walk.move("Six-month review", on((9, 21))).status("reinvestigation", on((9, 22)))
		is ClockStatus.MISSED
	)


@pytest.mark.req("DER-18")
def test_an_appeal_upheld_moves_to_the_review_and_meets_the_re_investigation_deadline():
	walk = formal_walk_to_the_report().move("Decision sent", on((8, 5))).move("Appeal", on((8, 12)))
	walk.move("Appeal hearing", on((8, 14))).hold(MeetingType.APPEAL_HEARING, on((8, 20), 14))
	walk.move("Appeal decided", on((8, 26))).move("Six-month review", on((8, 27)))
	assert walk.status("reinvestigation", on((12, 1))) is ClockStatus.MET


@pytest.mark.req("DER-19")
def test_the_review_falls_six_months_after_the_investigation_is_complete():
	walk = formal_walk_to_the_report()
	assert walk.due("six_month_review") == date(2027, 1, 22)
	assert walk.clock("six_month_review").rule.stops_on == ("closed",)


@pytest.mark.req("DER-19")
def test_the_review_falls_due_while_the_case_waits_in_the_six_month_review_stage():
	walk = formal_walk_to_the_report().move("Decision sent", on((8, 5))).move("Six-month review", on((8, 20)))
	assert walk.clock("appeal_window").is_stopped
	assert walk.due("six_month_review") == date(2027, 1, 22)
	assert walk.status("six_month_review", datetime(2027, 1, 21, 9)) is ClockStatus.RUNNING
	assert walk.status("six_month_review", datetime(2027, 1, 22, 9)) is ClockStatus.DUE
	assert walk.status("six_month_review", datetime(2027, 1, 25, 9)) is ClockStatus.MISSED


@pytest.mark.req("DER-7", "DER-11")
def test_stage_one_has_no_deadline_and_the_letters_count_from_the_formal_acknowledgement():
	walk = Walk(staff_case(formality="informal"), on((4, 1), 9)).move("Informal stage", on((4, 2)))
	assert [clock.key for clock in walk.clocks] == []
	walk.move("Acknowledged", on((5, 11)))
	assert walk.due("letters_to_parties") == date(2026, 6, 8)


@pytest.mark.req("DER-22")
def test_a_discrimination_questionnaire_runs_no_deadlines():
	assert rules_for(staff_case(flags={"questionnaire"})) == {}


@pytest.mark.req("DER-1")
def test_a_complaint_referred_elsewhere_runs_no_fairness_at_work_deadlines():
	referred = staff_case(
		parties=[make_party("complainant", "employee"), make_party("subject", "service_user")]
	)
	assert rules_for(referred) == {}
	assert (
		rules_for(staff_case(procedure="councillor_referral", parties=[make_party("subject", "councillor")]))
		== {}
	)


@pytest.mark.req("DER-14")
def test_each_interview_record_goes_for_signature_within_7_days_of_its_interview():
	walk = Walk(staff_case(formality="formal"), on((4, 1), 9)).move("Acknowledged", on((4, 7)))
	walk.move("Investigation", on((4, 29)))
	walk.interview(INTERVIEW_RECORD_TAKEN, "complainant", on((5, 5)))
	walk.interview(INTERVIEW_RECORD_TAKEN, "subject", on((5, 8)))
	assert (walk.due("interview_record:complainant"), walk.due("interview_record:subject")) == (
		date(2026, 5, 12),
		date(2026, 5, 15),
	)
	walk.interview(INTERVIEW_RECORD_SENT, "subject", on((5, 11)))
	assert walk.status("interview_record:subject", on((5, 20))) is ClockStatus.MET
	assert walk.status("interview_record:complainant", on((5, 13))) is ClockStatus.MISSED


@pytest.mark.req("DER-21")
def test_under_the_two_step_procedure_the_written_response_is_sent_within_28_days():
	template = json.loads(
		(files("fairness_app") / "workflows" / "templates" / "former_employee_two_step.json").read_text()
	)
	states = {row["state"]: (StageCategory(row["category"]), row["event"]) for row in template["states"]}
	case = staff_case(procedure="former_employee_two_step", flags={"two_step_agreed"})
	rules = PLUGINS.clock_rules(case).value
	assert [rule.key for rule in rules] == ["written_response"]
	clocks = apply_event((), rules, "received", on((4, 1), 9))
	assert clocks[0].due(CALENDAR) == date(2026, 4, 29)
	category, event = states["Response sent"]
	sent = clocks_after_stage_change(clocks, rules, event, category, on((4, 28)))
	assert sent[0].status(CALENDAR, on((5, 10))) is ClockStatus.MET


@pytest.mark.req("DER-16")
def test_a_copy_of_the_disciplinary_outcome_letter_arrives_within_7_days_of_the_hearing():
	walk = formal_walk_to_the_report().move("Decision sent", on((7, 30)))
	rules = PLUGINS.clock_rules(walk.case).value
	walk.clocks = apply_event(walk.clocks, rules, DISCIPLINARY_HEARING_HELD, on((9, 1)))
	assert walk.due("disciplinary_letter") == date(2026, 9, 8)
	received = apply_event(walk.clocks, rules, DISCIPLINARY_LETTER_RECEIVED, on((9, 8), 16))
	assert next(c for c in received if c.key == "disciplinary_letter").status(CALENDAR, on((9, 9))) is ClockStatus.MET
	assert walk.status("disciplinary_letter", on((9, 9))) is ClockStatus.MISSED


@pytest.mark.req("DER-17")
def test_statements_of_case_arrive_7_days_before_the_appeal_hearing_wherever_it_is_moved_to():
	walk = formal_walk_to_the_report().move("Decision sent", on((7, 30))).move("Appeal", on((8, 3)))
	rules = PLUGINS.clock_rules(walk.case).value
	hearing = Occurrence("row1", "appeal hearing", on=on((8, 20)))
	walk.clocks = apply_event(walk.clocks, rules, MeetingType.APPEAL_HEARING.arranged_event, on((8, 4)), hearing)
	assert walk.due("statements_of_case") == date(2026, 8, 13)
	walk.clocks = reschedule(walk.clocks, [dataclasses.replace(hearing, on=on((8, 24)))])
	assert walk.due("statements_of_case") == date(2026, 8, 17)
	received = apply_event(walk.clocks, rules, STATEMENTS_OF_CASE_RECEIVED, on((8, 17), 15))
	assert next(c for c in received if c.key == "statements_of_case").status(CALENDAR, on((8, 18))) is ClockStatus.MET


# Deadlines the complainant does not wait on: someone else's interview record, and a letter between officers.
NOT_THE_COMPLAINANTS = {"interview_record", "disciplinary_letter"}


@pytest.mark.req("DER-9", "DER-11", "DER-13", "DER-14", "DER-16", "DER-17", "DER-18", "DER-19")
def test_every_clock_starts_and_stops_on_an_event_the_staff_complaint_template_a_meeting_or_a_record_raises():
	events = {event for _category, event in STATES.values()} | {kind.held_event for kind in MeetingType}
	events |= {kind.arranged_event for kind in MeetingType} | {INTERVIEW_RECORD_TAKEN, INTERVIEW_RECORD_SENT}
	events |= {DISCIPLINARY_HEARING_HELD, DISCIPLINARY_LETTER_RECEIVED, STATEMENTS_OF_CASE_RECEIVED}
	for formality in ("formal", "informal"):
		for rule in rules_for(staff_case(formality=formality)).values():
			assert rule.starts_on in events and set(rule.stops_on) <= events, rule.key
			assert rule.requirement.startswith("DER-")
			assert bool(rule.complainant_text) is (rule.key not in NOT_THE_COMPLAINANTS), rule.key


def test_other_procedures_are_left_to_the_next_plugin():
	assert PLUGINS.clock_rules(make_case(procedure="er_consultant_formal")).decided_by == "builtin"
	assert PLUGINS.clock_rules(make_case(case_type="incident")).decided_by == "builtin"
