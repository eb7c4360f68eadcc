"""Who is told what as a formal complaint moves on (FHB-1, FHB-4, FHB-6, FHB-7, FHB-9, FHB-12 to FHB-15).

Messages hold categories and the case reference only: the plugin never sees the complaint form's words, so the
person named in a complaint learns its nature and never its contents (FHB-6).
"""

from __future__ import annotations

from collections.abc import Callable

from fairness_app.procedure.decisions import Notification, Recipient
from fairness_app.procedure.snapshots import CaseEvent, CaseSnapshot, PartyRole
from fairness_er_consultant.procedure import (
	ACKNOWLEDGED,
	APPEAL,
	APPEAL_MEETING,
	CLOSED,
	COMPLAINT_MEETING,
	DECISION_SENT,
	HR_SERVICE_DESK,
	INFORMAL,
	applies,
	er_consultants,
	nature_of,
)

RECORDED = "recorded"
STAGE_CHANGED = "stage_changed"

COMPANIONS = (
	"You may bring a trade union representative or a workplace colleague with you. Solicitors and other "
	"legal representatives cannot come to any meeting in this procedure."
)
UPHELD = {"upheld", "partly_upheld"}
NOT_UPHELD = "not_upheld"
# FHB-1: allegations this serious, or sexual, are often not suited to informal resolution.
SERIOUS_BEHAVIOURS = {"abuse_or_violence"}
SERIOUS_FLAGS = {"immediate_danger"}
SEXUAL = "sexual"


def complainant(why: str) -> Recipient:
	return Recipient.party(PartyRole.COMPLAINANT, why)


def subject(why: str) -> Recipient:
	return Recipient.party(PartyRole.SUBJECT, why)


def notifications(case: CaseSnapshot, event: CaseEvent) -> list[Notification] | None:
	if not applies(case):
		return None
	if event.name == RECORDED:
		return on_recorded(case)
	if event.name == STAGE_CHANGED and event.stage in ON_STAGE:
		return ON_STAGE[event.stage](case)
	return None


def on_recorded(case: CaseSnapshot) -> list[Notification]:
	sexual = SEXUAL in case.harassment_types
	serious = bool(set(case.behaviours) & SERIOUS_BEHAVIOURS or case.flags & SERIOUS_FLAGS or sexual)
	if case.formality != INFORMAL or not serious:
		return []
	danger = " Someone may be in immediate danger." if case.flags & SERIOUS_FLAGS else ""
	if sexual:
		danger = " Some of it is said to be sexual." + danger
	return [
		Notification(
			(er_consultants("serious allegations need early ER consultant advice (FHB-1)"),),
			f"Serious complaint recorded as informal: {case.label}",
			f"Complaint {case.label} is recorded as informal, but it alleges {nature_of(case)}.{danger} "
			"Allegations this serious are often not suited to informal resolution. Please contact the "
			"employee's manager now to agree the right next step.",
		)
	]


def on_acknowledged(case: CaseSnapshot) -> list[Notification]:
	return [
		Notification(
			(complainant("written acknowledgement of form CF1 (FHB-4)"),),
			f"We have your complaint form: {case.label}",
			f"Your manager has received your formal complaint form (CF1), reference {case.label}. An ER "
			"consultant will now decide the next step and tell you and your manager. Normally a formal "
			"complaint meeting is arranged within 10 working days.",
		),
		Notification(
			(Recipient.team(HR_SERVICE_DESK, "form CF1 goes to the HR Service Desk (FHB-4)"),),
			f"Formal complaint form CF1 received: {case.label}",
			f"A formal complaint form (CF1) for case {case.label} has been acknowledged. Please pass it to "
			"an ER consultant, who decides the next step.",
		),
	]


def on_complaint_meeting(case: CaseSnapshot) -> list[Notification]:
	return [
		Notification(
			(complainant("formal complaint meeting (FHB-7)"),),
			f"Your formal complaint meeting: {case.label}",
			f"A formal complaint meeting is being arranged for your complaint {case.label}. You will be told "
			f"the date, time and place in writing. {COMPANIONS}",
		),
		Notification(
			(subject("named people are told the nature of the complaint, never the form itself (FHB-6)"),),
			f"A formal complaint that names you: {case.label}",
			f"A formal complaint has been made that names you (reference {case.label}). It is about "
			f"{nature_of(case)}. An ER consultant will contact you to explain what happens next and the "
			"support you can have. You will not be sent the complaint form itself.",
		),
	]


def on_decision_sent(case: CaseSnapshot) -> list[Notification]:
	return [
		Notification(
			(complainant("the decision, with reasons and the right of appeal (FHB-9, FHB-12)"),),
			f"The decision on your complaint: {case.label}",
			f"The decision on your complaint {case.label}, and the reasons for it, are in your outcome "
			"letter. If you are not happy with it, you can appeal: fill in form CF2, saying why you are "
			"unhappy and what you would like to happen instead, and send it to the Director or Assistant "
			"Director within 5 working days of getting the letter. If you do not appeal in that time, the "
			"decision stands and a late appeal cannot be accepted.",
		)
	]


def on_appeal(case: CaseSnapshot) -> list[Notification]:
	return [
		Notification(
			(subject("named people are told an appeal has been made (FHB-12)"),),
			f"An appeal has been made: {case.label}",
			f"An appeal has been made about the formal complaint that names you (reference {case.label}). An "
			"ER consultant will keep you informed.",
		),
		Notification(
			(er_consultants("arrange the appeal hearing (FHB-12)"),),
			f"Appeal form CF2 received: {case.label}",
			f"An appeal (form CF2) has been received for case {case.label}. Arrange the appeal hearing with "
			"a manager who has not been involved in the case, and give the employee at least 5 working "
			"days' notice in writing. The decision should follow within 5 working days of the hearing; if "
			"it cannot, the employee must be told why and when to expect it.",
		),
	]


def on_appeal_meeting(case: CaseSnapshot) -> list[Notification]:
	return [
		Notification(
			(complainant("appeal hearing notice and companions (FHB-12, FHB-7)"),),
			f"Your appeal hearing: {case.label}",
			f"Your appeal hearing for complaint {case.label} is being arranged. You will be told the date, "
			f"time and place in writing at least 5 working days before it. {COMPANIONS}",
		)
	]


def on_closed(case: CaseSnapshot) -> list[Notification]:
	found = [
		Notification(
			(complainant("the decision is final (FHB-12)"),),
			f"Your complaint has ended: {case.label}",
			f"The complaint procedure for {case.label} has ended. The decision is final.",
		),
		Notification(
			(subject("the outcome, in writing, after the appeal stage (FHB-15)"),),
			f"The outcome of the complaint that names you: {case.label}",
			f"The complaint procedure for {case.label} has ended. An ER consultant will write to you with "
			"the outcome, a summary of the findings and how the decision was reached.",
		),
	]
	return found + after_outcome(case)


def after_outcome(case: CaseSnapshot) -> list[Notification]:
	"""FHB-13 and FHB-14: what the ER consultant does next depends on the final decision."""
	if case.outcome in UPHELD:
		# The ER consultant tells the appropriate manager: the manager is not on the case team, so the app
		# does not write to them directly.
		return [
			Notification(
				(er_consultants("an upheld complaint: tell the manager and advise on next steps (FHB-13)"),),
				f"Complaint upheld: {case.label}",
				f"The final decision on complaint {case.label} upholds it. Please tell the appropriate "
				"manager and advise on next steps. These normally include a disciplinary hearing, and may "
				"include suspension, mediation, closer supervision or counselling. An upheld complaint does "
				"not by itself mean dismissal, which is only for gross misconduct.",
			)
		]
	if case.outcome == NOT_UPHELD:
		return [
			Notification(
				(er_consultants("support for both parties after a complaint not upheld (FHB-14)"),),
				f"Complaint not upheld: {case.label}",
				f"The final decision on complaint {case.label} does not uphold it. Please offer advice and "
				"support to both the employee and the person named, such as mediation or counselling.",
			)
		]
	return []


ON_STAGE: dict[str, Callable[[CaseSnapshot], list[Notification]]] = {
	ACKNOWLEDGED: on_acknowledged,
	COMPLAINT_MEETING: on_complaint_meeting,
	DECISION_SENT: on_decision_sent,
	APPEAL: on_appeal,
	APPEAL_MEETING: on_appeal_meeting,
	CLOSED: on_closed,
}
