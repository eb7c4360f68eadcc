"""The Fairness at Work timescales (DER-9 to DER-19) as clocks on the staff_complaint procedure, and what
happens when one falls due or is missed (DER-3: the employee is told why and given the new timescale).

Each clock starts and stops on an event the staff_complaint template raises, on the appeal hearing being
recorded as held, or on an interview record being entered and sent for signature (a clock for each record).
Where there is no event for a step of Derby's procedure, the nearest one is used and the README says so:
- "Hearing" (hearing_arranged) is when the investigator's report reaches the Chief Officer, which completes
  the investigation (paragraph 7.2.24);
- the 28-day re-investigation is counted from the appeal hearing held until the six-month review starts, the
  move that says any re-investigation is finished.
"""

from __future__ import annotations

from datetime import date, datetime

from fairness_app import roles
from fairness_app.procedure.calendar import as_date
from fairness_app.procedure.clocks import ClockAlert, ClockRule, ClockStatus, ClockUnit
from fairness_app.procedure.decisions import Escalation, EscalationAction, Recipient
from fairness_app.procedure.meetings import MeetingType
from fairness_app.procedure.snapshots import (
	DISCIPLINARY_HEARING_HELD,
	DISCIPLINARY_LETTER_RECEIVED,
	INTERVIEW_RECORD_SENT,
	INTERVIEW_RECORD_TAKEN,
	STATEMENTS_OF_CASE_RECEIVED,
	CaseSnapshot,
)
from fairness_derby.policy import (
	CORPORATE_PERSONNEL,
	FORMER_EMPLOYEE_TWO_STEP,
	QUESTIONNAIRE,
	STAFF_COMPLAINT,
	is_complaint,
)
from fairness_derby.routing import exemption

ACKNOWLEDGEMENT = ClockRule(
	"acknowledgement",
	"Record the complaint form, acknowledge it and nominate an investigator",
	2,
	ClockUnit.WORKING_DAYS,
	"received",
	("acknowledged",),
	"DER-9",
	"We will write to you within 2 working days to say we have your complaint. "
	"The person who will look into it will then contact you within 14 days.",
)
LETTERS = ClockRule(
	"letters_to_parties",
	"Write to both parties, with a copy of the complaint form, to start the formal investigation",
	28,
	ClockUnit.CALENDAR_DAYS,
	"received",
	("investigation_started",),
	"DER-11",
	"If your complaint is investigated formally, we will write to you about it within 28 days of recording "
	"it.",
)
# A complaint tried informally first reaches the Corporate Personnel Adviser when acknowledged as formal.
LETTERS_AFTER_STAGE_ONE = ClockRule(
	LETTERS.key,
	LETTERS.label,
	28,
	ClockUnit.CALENDAR_DAYS,
	"acknowledged",
	("investigation_started",),
	"DER-11",
	LETTERS.complainant_text,
)
INVESTIGATION = ClockRule(
	"investigation",
	"Finish the investigation and give the report to the Chief Officer",
	12,
	ClockUnit.WEEKS,
	"investigation_started",
	("hearing_arranged",),
	"DER-13",
	"The investigation should be finished within 12 weeks of the letters saying it has started. "
	"If it will take longer, we will tell you why and give you the new date.",
)
REPORT_TO_PARTIES = ClockRule(
	"report_to_parties",
	"Send the report to both parties, with a covering letter and how to appeal",
	14,
	ClockUnit.CALENDAR_DAYS,
	"hearing_arranged",
	("decision_sent",),
	"DER-16",
	"You will get a copy of the investigator's report within 14 days of it being finished, "
	"with a letter saying what happens next and how to appeal.",
)
APPEAL_WINDOW = ClockRule(
	"appeal_window",
	"Time for the complainant to appeal to the Chief Executive",
	14,
	ClockUnit.CALENDAR_DAYS,
	"decision_sent",
	("appeal_received", "review_started"),
	"DER-16",
	"If you are unhappy with the outcome, you can appeal to the Chief Executive. "
	"Write within 14 days of getting the report and say why.",
	party_window=True,
)
APPEAL_HEARING_HELD = MeetingType.APPEAL_HEARING.held_event
APPEAL_HEARING = ClockRule(
	"appeal_hearing",
	"Hold the appeal hearing within 21 days of the appeal letter",
	21,
	ClockUnit.CALENDAR_DAYS,
	"appeal_received",
	(APPEAL_HEARING_HELD,),
	"DER-17",
	"Where possible, the Chief Executive will hear your appeal within 21 days of getting your letter.",
)
# Paragraph 7.3.4: counted back from the appeal hearing recorded under Meetings, and moved when it is put off.
STATEMENTS_OF_CASE = ClockRule(
	"statements_of_case",
	"Both sides' written statements of case, at least 7 days before the appeal hearing",
	7,
	ClockUnit.CALENDAR_DAYS,
	MeetingType.APPEAL_HEARING.arranged_event,
	(STATEMENTS_OF_CASE_RECEIVED,),
	"DER-17",
	"Send your written statement of case so that it reaches us at least 7 days before the appeal hearing.",
	counts_back=True,
)
APPEAL_DECISION = ClockRule(
	"appeal_decision",
	"Confirm the appeal decision in writing, within 7 days of the hearing",
	7,
	ClockUnit.CALENDAR_DAYS,
	APPEAL_HEARING_HELD,
	("appeal_decided",),
	"DER-18",
	"You will get the Chief Executive's decision in writing within 7 days of the appeal hearing.",
)
REINVESTIGATION = ClockRule(
	"reinvestigation",
	"Finish any re-investigation the Chief Executive asked for and send the outcome",
	28,
	ClockUnit.CALENDAR_DAYS,
	APPEAL_HEARING_HELD,
	("review_started",),
	"DER-18",
	"If the Chief Executive asks for more investigation, it should be finished within 28 days of the appeal "
	"hearing and you will be told the outcome in writing.",
)
SIX_MONTH_REVIEW = ClockRule(
	"six_month_review",
	"Six-month review: ask each party the three review questions",
	6,
	ClockUnit.MONTHS,
	"hearing_arranged",
	("closed",),
	"DER-19",
	"About six months after the investigation, we will contact you to ask how things have been since.",
	pausable=False,  # six months on in the calendar: waiting in the Six-month review stage does not put it back
)

# One clock for each interview record: each must go for signature within 7 days of the interview.
INTERVIEW_RECORDS = ClockRule(
	"interview_record",
	"Send the written record of the interview to the person interviewed, for signature",
	7,
	ClockUnit.CALENDAR_DAYS,
	INTERVIEW_RECORD_TAKEN,
	(INTERVIEW_RECORD_SENT,),
	"DER-14",
	repeats=True,
)

# The second of the two steps agreed with a former employee (section 10.2).
WRITTEN_RESPONSE = ClockRule(
	"written_response",
	"Send the former employee the council's full written response",
	28,
	ClockUnit.CALENDAR_DAYS,
	"received",
	("response_sent",),
	"DER-21",
	"We will send you our full written response to your complaint within 28 days of getting it.",
)

# Paragraph 7.2.28: the chair of any disciplinary hearing that follows sends the adviser a copy of the outcome letter.
DISCIPLINARY_LETTER = ClockRule(
	"disciplinary_letter",
	"Copy of the disciplinary outcome letter to the Corporate Personnel Adviser, within 7 days of the hearing",
	7,
	ClockUnit.CALENDAR_DAYS,
	DISCIPLINARY_HEARING_HELD,
	(DISCIPLINARY_LETTER_RECEIVED,),
	"DER-16",
)

AFTER_STAGE_TWO_STARTS = (
	INVESTIGATION,
	INTERVIEW_RECORDS,
	DISCIPLINARY_LETTER,
	REPORT_TO_PARTIES,
	APPEAL_WINDOW,
	APPEAL_HEARING,
	STATEMENTS_OF_CASE,
	APPEAL_DECISION,
	REINVESTIGATION,
	SIX_MONTH_REVIEW,
)

REVIEW_QUESTIONS = (
	"whether the investigation and report dealt with the complaint well",
	"whether the recommendations have been carried out in full",
	"what effect the recommendations have had",
)


def clock_rules(case: CaseSnapshot) -> list[ClockRule] | None:
	if not is_complaint(case):
		return None
	if exemption(case) is not None or QUESTIONNAIRE in case.flags:
		return []  # referred to another procedure, or a questionnaire (DER-22): no Fairness at Work deadlines
	if case.procedure == FORMER_EMPLOYEE_TWO_STEP:
		return [WRITTEN_RESPONSE]
	if case.procedure != STAFF_COMPLAINT:
		return None
	# Stage One has no timescale; the formal ones start from the complaint form (paragraph 7.2.5).
	first = [LETTERS_AFTER_STAGE_ONE] if case.formality == "informal" else [ACKNOWLEDGEMENT, LETTERS]
	return [*first, *AFTER_STAGE_TWO_STARTS]


def is_derby_clock(rule: ClockRule) -> bool:
	return rule.requirement.startswith("DER-")


def escalation(case: CaseSnapshot, alert: ClockAlert) -> Escalation | None:
	if case.procedure not in (STAFF_COMPLAINT, FORMER_EMPLOYEE_TWO_STEP) or not is_derby_clock(alert.clock.rule):
		return None
	if alert.clock.key == APPEAL_WINDOW.key:
		return _appeal_window(case, alert)
	if alert.clock.key == SIX_MONTH_REVIEW.key:
		return _review(case, alert)
	if alert.clock.key == DISCIPLINARY_LETTER.key:
		return _disciplinary_letter(case, alert)
	if alert.clock.key == STATEMENTS_OF_CASE.key:
		return _statements_of_case(case, alert)
	label, due = alert.clock.label, _day(alert.due)
	if alert.status is ClockStatus.MISSED:
		return Escalation(
			EscalationAction.ESCALATE,
			(
				_handlers("a Fairness at Work deadline was missed (DER-3)"),
				_central("missed deadline (DER-3)"),
			),
			f"The deadline for '{label}' on case {case.label} passed on {due}. Write to the employee now "
			"to explain why and give them the new timescale, and record the new date and the reason on "
			"the case (Fairness at Work, paragraph 3.2).",
		)
	return Escalation(
		EscalationAction.REMIND,
		(_handlers("a Fairness at Work deadline is due (DER-3)"),),
		f"'{label}' on case {case.label} is due today, {due}. If it cannot be done in time, record the new "
		"date and the reason on the case, and write to the employee to explain why and give them the new "
		"timescale (Fairness at Work, paragraph 3.2).",
	)


def _appeal_window(case: CaseSnapshot, alert: ClockAlert) -> Escalation:
	# The complainant's own time limit: reaching it is not the council's delay, but it unlocks the next steps.
	if alert.status is ClockStatus.CLOSED:
		message = (
			f"No appeal on case {case.label} was recorded within 14 days of the report. If none has "
			"arrived, choose 'No appeal'. The Chief Officer now makes sure the recommendations are "
			"carried out, and any disciplinary hearing may now be arranged (Fairness at Work, paragraphs "
			"7.2.26 and 7.2.27)."
		)
	else:
		message = (
			f"The complainant's 14 days to appeal on case {case.label} end today. Do not arrange any "
			"disciplinary hearing before then, or while an appeal is waiting to be decided (paragraph "
			"7.2.26)."
		)
	return Escalation(EscalationAction.REMIND, (_handlers("the appeal period (DER-16)"),), message)


def _review(case: CaseSnapshot, alert: ClockAlert) -> Escalation:
	questions = "; ".join(f"{number}) {question}" for number, question in enumerate(REVIEW_QUESTIONS, 1))
	overdue = " It is now overdue." if alert.status is ClockStatus.MISSED else ""
	return Escalation(
		EscalationAction.ESCALATE if overdue else EscalationAction.NOTIFY_TEAM,
		(_central("the six-month review (DER-19)"),),
		f"The six-month review of case {case.label} is due on {_day(alert.due)}.{overdue} Contact the "
		"complainant, the person complained about and the managers concerned, and ask each of them: "
		f"{questions}.",
	)


def _statements_of_case(case: CaseSnapshot, alert: ClockAlert) -> Escalation:
	# Both sides' own step before the hearing: the adviser checks they are in, and the hearing goes ahead or moves.
	late = alert.status is ClockStatus.MISSED
	return Escalation(
		EscalationAction.REMIND,
		(_handlers("statements of case before the appeal hearing (DER-17)"),),
		f"The written statements of case for the appeal hearing on case {case.label} "
		f"{'were due by' if late else 'are due today,'} {_day(alert.due)}: 7 days before the hearing (Fairness "
		"at Work, paragraph 7.3.4). Check that both sides' statements have arrived and record the day the last "
		"one did. If one is missing, ask the Chief Executive whether the hearing goes ahead or is put off.",
	)


def _disciplinary_letter(case: CaseSnapshot, alert: ClockAlert) -> Escalation:
	# The chair of the disciplinary hearing is outside the case: the adviser asks them for the copy.
	late = alert.status is ClockStatus.MISSED
	return Escalation(
		EscalationAction.ESCALATE if late else EscalationAction.NOTIFY_TEAM,
		(_central("the copy of a disciplinary outcome letter (DER-16)"),),
		f"The copy of the letter confirming the disciplinary outcome on case {case.label} "
		f"{'was due by' if late else 'is due today,'} {_day(alert.due)}: 7 days after the disciplinary hearing "
		"(Fairness at Work, paragraph 7.2.28). Ask the chair of the hearing for it, and record the day it arrives.",
	)


def _handlers(why: str) -> Recipient:
	return Recipient.role(roles.CASE_OFFICER, why)


def _central(why: str) -> Recipient:
	return Recipient.team(CORPORATE_PERSONNEL, why)


def _day(moment: date | datetime) -> str:
	return as_date(moment).strftime("%-d %B %Y")
