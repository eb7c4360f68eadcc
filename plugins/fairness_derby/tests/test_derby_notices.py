"""Who Derby tells, and what happens when a deadline falls due or is missed: delays and new timescales
(DER-3), the investigation (DER-4, DER-13), the report and appeal rights (DER-16), an appeal (DER-17), the
governors (DER-1) and the six-month review (DER-19)."""

from datetime import date, datetime

import pytest
from fairness_derby import Derby
from fairness_derby.clocks import (
	APPEAL_WINDOW,
	DISCIPLINARY_LETTER,
	INVESTIGATION,
	LETTERS,
	SIX_MONTH_REVIEW,
	STATEMENTS_OF_CASE,
)

from fairness_app import roles
from fairness_app.procedure.clocks import ClockAlert, ClockRule, ClockStatus, ClockUnit, Occurrence
from fairness_app.procedure.decisions import EscalationAction, RecipientKind
from fairness_app.procedure.snapshots import CaseEvent
from fairness_app.testing import make_case, make_party, plugin_manager

PLUGINS = plugin_manager(Derby())
AT = datetime(2026, 7, 22, 7)


def staff_case(subject="employee", **fields):
	fields.setdefault("procedure", "staff_complaint")
	parties = [make_party("complainant", "employee"), make_party("subject", subject)]
	return make_case(reference="FAW/0001", parties=parties, **fields)


def told(case, name, stage=None, **detail):
	event = CaseEvent(name, AT, stage=stage, detail=tuple(detail.items()))
	contributions = PLUGINS.notifications(case, event)
	assert all(plugin == "derby" for plugin, _ in contributions.items)
	return contributions.values


def people(notification):
	return {(recipient.kind, recipient.value) for recipient in notification.recipients}


COMPLAINANT = (RecipientKind.PARTY, "complainant")
SUBJECT = (RecipientKind.PARTY, "subject")


@pytest.mark.req("DER-3", "DER-13")
def test_a_missed_deadline_during_the_investigation_is_explained_to_both_parties():
	[notice] = told(staff_case(), "clock_missed", clock="investigation")
	assert people(notice) == {COMPLAINANT, SUBJECT}
	assert "not been able to finish the investigation on case FAW/0001" in notice.message
	assert "explain why and tell you the new date" in notice.message


@pytest.mark.req("DER-3")
def test_before_the_letters_only_the_complainant_hears_of_a_delay():
	[notice] = told(staff_case(), "clock_missed", clock="acknowledgement")
	assert people(notice) == {COMPLAINANT}


@pytest.mark.req("DER-3")
def test_the_complainants_own_appeal_period_is_not_a_delay():
	assert told(staff_case(), "clock_missed", clock="appeal_window") == ()


@pytest.mark.req("DER-4", "DER-13")
def test_both_parties_hear_the_investigation_has_started_with_its_timescale_and_their_rights():
	[notice] = told(staff_case(), "stage_changed", stage="Investigation")
	assert people(notice) == {COMPLAINANT, SUBJECT}
	for words in ("within 12 weeks", "one companion", "a trade union representative, a solicitor", "Welfare"):
		assert words in notice.message


@pytest.mark.req("DER-16", "DER-17")
def test_the_complainant_is_told_how_to_appeal_when_the_report_is_sent():
	complainant, subject = told(staff_case(), "stage_changed", stage="Decision sent")
	assert people(complainant) == {COMPLAINANT} and people(subject) == {SUBJECT}
	assert "appeal to the Chief Executive. Write within 14 days" in complainant.message
	assert "appeal" not in subject.message


@pytest.mark.req("DER-1")
def test_the_director_of_education_refers_a_governors_case_to_the_governors():
	notices = told(staff_case(subject="school_governor"), "stage_changed", stage="Decision sent")
	[governors] = [
		notice for notice in notices if (RecipientKind.TEAM, "director_of_education") in people(notice)
	]
	assert "Chair or Vice Chair of Governors" in governors.message


@pytest.mark.req("DER-17")
def test_everyone_concerned_is_told_of_an_appeal_at_once():
	subject, staff = told(staff_case(), "stage_changed", stage="Appeal")
	assert people(subject) == {SUBJECT}
	assert people(staff) == {
		(RecipientKind.TEAM, "corporate_personnel"),
		(RecipientKind.ROLE, roles.CASE_OFFICER),
	}
	for words in (
		"Chief Officers",
		"within 21 days",
		"at least 7 days before",
		"may not advise at any later",
	):
		assert words in staff.message


def test_nothing_is_sent_for_other_events_or_referred_cases():
	assert told(staff_case(), "stage_changed", stage="Acknowledged") == ()
	assert told(staff_case(subject="service_user"), "stage_changed", stage="Investigation") == ()
	assert told(staff_case(procedure="er_consultant_formal"), "stage_changed", stage="Investigation") == ()


def alert(rule: ClockRule, status: ClockStatus, due=date(2026, 7, 22)):
	hearing = Occurrence("row1", "appeal hearing", on=datetime(2026, 7, 29, 10))  # for a rule counted back from one
	return ClockAlert(rule.start(datetime(2026, 4, 29, 10), hearing), status, due, AT)


def escalated(case, rule, status):
	decision = PLUGINS.clock_escalation(case, alert(rule, status))
	assert decision.decided_by == "derby"
	return decision.value


@pytest.mark.req("DER-3")
def test_a_due_deadline_reminds_the_handlers_to_give_the_employee_a_new_timescale():
	escalation = escalated(staff_case(), INVESTIGATION, ClockStatus.DUE)
	assert escalation.action is EscalationAction.REMIND
	assert "due today, 22 July 2026" in escalation.message
	assert "explain why and give them the new timescale" in escalation.message


@pytest.mark.req("DER-16")
def test_the_adviser_is_asked_to_chase_the_copy_of_a_disciplinary_outcome_letter():
	due = escalated(staff_case(), DISCIPLINARY_LETTER, ClockStatus.DUE)
	missed = escalated(staff_case(), DISCIPLINARY_LETTER, ClockStatus.MISSED)
	assert (due.action, missed.action) == (EscalationAction.NOTIFY_TEAM, EscalationAction.ESCALATE)
	assert [r.value for r in missed.recipients] == ["corporate_personnel"]
	assert "Ask the chair of the hearing for it" in missed.message and "was due by 22 July 2026" in missed.message
	assert "new timescale" not in missed.message  # nothing to explain to the employee: this is between officers


@pytest.mark.req("DER-17")
def test_the_adviser_checks_both_statements_of_case_are_in_before_the_appeal_hearing():
	escalation = escalated(staff_case(), STATEMENTS_OF_CASE, ClockStatus.MISSED)
	assert escalation.action is EscalationAction.REMIND
	assert [r.value for r in escalation.recipients] == [roles.CASE_OFFICER]
	assert "were due by 22 July 2026" in escalation.message and "Chief Executive" in escalation.message
	assert "new timescale" not in escalation.message  # both sides' step, not a council delay


@pytest.mark.req("DER-3")
def test_a_missed_deadline_goes_to_the_corporate_personnel_adviser():
	escalation = escalated(staff_case(), LETTERS, ClockStatus.MISSED)
	assert escalation.action is EscalationAction.ESCALATE
	assert (RecipientKind.TEAM, "corporate_personnel") in people(escalation)
	assert "passed on 22 July 2026. Write to the employee now" in escalation.message


@pytest.mark.req("DER-16")
def test_the_end_of_the_appeal_period_unlocks_the_recommendations_and_any_disciplinary_hearing():
	due = escalated(staff_case(), APPEAL_WINDOW, ClockStatus.DUE)
	assert "Do not arrange any disciplinary hearing before then" in due.message
	ended = escalated(staff_case(), APPEAL_WINDOW, ClockStatus.CLOSED)
	assert ended.action is EscalationAction.REMIND
	assert (
		"choose 'No appeal'" in ended.message and "disciplinary hearing may now be arranged" in ended.message
	)


@pytest.mark.req("DER-19")
def test_the_six_month_review_asks_each_party_the_three_questions():
	escalation = escalated(staff_case(), SIX_MONTH_REVIEW, ClockStatus.DUE)
	assert escalation.action is EscalationAction.NOTIFY_TEAM
	assert people(escalation) == {(RecipientKind.TEAM, "corporate_personnel")}
	for question in (
		"dealt with the complaint well",
		"carried out in full",
		"what effect the recommendations",
	):
		assert question in escalation.message
	assert escalated(staff_case(), SIX_MONTH_REVIEW, ClockStatus.MISSED).action is EscalationAction.ESCALATE


def test_clocks_that_are_not_derbys_are_left_to_the_next_plugin():
	other = ClockRule("manager_meeting", "Meet", 3, ClockUnit.WORKING_DAYS, "received", ("manager_met",))
	assert PLUGINS.clock_escalation(staff_case(), alert(other, ClockStatus.DUE)).decided_by == "builtin"
