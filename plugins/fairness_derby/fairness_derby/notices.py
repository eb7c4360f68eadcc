"""Who Derby tells as a Fairness at Work complaint moves on: a delay and its new timescale (DER-3, DER-13),
the formal investigation with the right to a companion and to welfare support (DER-4, DER-6, DER-13), the
report and how to appeal (DER-16), the governors' referral (DER-1) and an appeal, to everyone concerned at
once (DER-17).

Before the letters of paragraph 7.2.7 go out, the person complained about may not know of the complaint, so
only the complainant hears of delays to those first steps.
"""

from __future__ import annotations

from collections.abc import Callable

from fairness_app import roles
from fairness_app.procedure.decisions import Notification, Recipient
from fairness_app.procedure.snapshots import CaseEvent, CaseSnapshot, PartyKind, PartyRole
from fairness_derby.policy import (
	APPEAL,
	CORPORATE_PERSONNEL,
	DECISION_SENT,
	DIRECTOR_OF_EDUCATION,
	INVESTIGATION,
	STAFF_COMPLAINT,
	is_complaint,
)
from fairness_derby.routing import exemption

# The step each clock times, as the complainant would say it: "we have not been able to ...".
DELAYED_STEPS = {
	"acknowledgement": "confirm that we have your complaint",
	"letters_to_parties": "write to you about the formal investigation",
	"investigation": "finish the investigation",
	"report_to_parties": "send you the investigation report",
	"appeal_hearing": "arrange the appeal hearing",
	"appeal_decision": "send you the decision on the appeal",
	"reinvestigation": "finish the further investigation the Chief Executive asked for",
}
BEFORE_THE_LETTERS = frozenset({"acknowledgement", "letters_to_parties"})

COMPANION = (
	"You can bring one companion to any meeting: a trade union representative, a solicitor, a colleague or "
	"a friend. Tell us in writing who it will be before the meeting. If you need an interpreter, a signer "
	"or other support, tell us and we will arrange it."
)
WELFARE = "You can also talk in confidence to the council's Welfare Officers at any time."


def notifications(case: CaseSnapshot, event: CaseEvent) -> list[Notification] | None:
	if not is_complaint(case) or case.procedure != STAFF_COMPLAINT or exemption(case) is not None:
		return None
	if event.name == "clock_missed":
		return _delay(case, dict(event.detail).get("clock", ""))
	if event.name == "stage_changed":
		tell = STAGE_NOTICES.get(event.stage or "")
		return tell(case) if tell else None
	return None


def _delay(case: CaseSnapshot, clock: str) -> list[Notification] | None:
	step = DELAYED_STEPS.get(clock)
	if step is None:
		return None  # not a Derby step, or the complainant's own appeal period
	who = [_party(PartyRole.COMPLAINANT, "DER-3")]
	if clock not in BEFORE_THE_LETTERS:
		who.append(_party(PartyRole.SUBJECT, "DER-3, DER-13"))
	return [
		Notification(
			tuple(who),
			"A delay on your case",
			f"We are sorry: we have not been able to {step} on case {case.label} in the time our Fairness "
			"at Work policy sets. The person handling the case will write to you to explain why and tell "
			"you the new date.",
		)
	]


def _investigation(case: CaseSnapshot) -> list[Notification]:
	return [
		Notification(
			(_party(PartyRole.COMPLAINANT, "DER-13"), _party(PartyRole.SUBJECT, "DER-13")),
			"Your case: the formal investigation",
			f"Case {case.label} is now being investigated formally. The investigator will write to you "
			"with a plan and timescales. It should be finished within 12 weeks of the letters saying it "
			"had started; if it will take longer, you will be told why and given the new date. "
			f"{COMPANION} {WELFARE}",
		)
	]


def _report_sent(case: CaseSnapshot) -> list[Notification]:
	sent = (
		f"The investigation report on case {case.label} has been sent to you, "
		"with a letter saying what happens next."
	)
	notices = [
		Notification(
			(_party(PartyRole.COMPLAINANT, "DER-16"),),
			"Your case: the investigation report",
			f"{sent} If you are unhappy with the outcome, you can appeal to the Chief Executive. Write "
			"within 14 days of getting the report, say why you are unhappy and include any documents you "
			"want to rely on.",
		),
		Notification((_party(PartyRole.SUBJECT, "DER-16"),), "Your case: the investigation report", sent),
	]
	if any(party.kind is PartyKind.SCHOOL_GOVERNOR for party in case.parties):
		notices.append(
			Notification(
				(Recipient.team(DIRECTOR_OF_EDUCATION, "a school governor is involved (DER-1)"),),
				f"Case {case.label}: refer the outcome to the governors",
				f"The investigation of case {case.label}, which involves a school governor, is complete. "
				"Refer it to the Chair or Vice Chair of Governors to decide what to do under the School "
				"Governance Regulations (Fairness at Work, paragraph 2.7).",
			)
		)
	return notices


def _appeal(case: CaseSnapshot) -> list[Notification]:
	return [
		Notification(
			(_party(PartyRole.SUBJECT, "DER-17"),),
			"Your case: an appeal",
			f"The complainant has appealed to the Chief Executive about the outcome of case {case.label}. "
			f"You will be told about the appeal hearing and its outcome. {WELFARE}",
		),
		Notification(
			(
				Recipient.team(
					CORPORATE_PERSONNEL, "everyone concerned is told of an appeal at once (DER-17)"
				),
				Recipient.role(roles.CASE_OFFICER, "DER-17"),
			),
			f"Case {case.label}: appeal to the Chief Executive",
			f"An appeal has been received on case {case.label}. Tell the departmental Chief Officers and "
			"the Departmental Personnel Officers of both parties now. Hold the hearing within 21 days of "
			"the appeal letter where possible, and ask both sides for their written statement of case at "
			"least 7 days before it. The Assistant Director (Personnel) or a nominated personnel officer "
			"attends as adviser, and may not advise at any later disciplinary hearing in the same case.",
		),
	]


STAGE_NOTICES: dict[str, Callable[[CaseSnapshot], list[Notification]]] = {
	INVESTIGATION: _investigation,
	DECISION_SENT: _report_sent,
	APPEAL: _appeal,
}


def _party(role: PartyRole, why: str) -> Recipient:
	return Recipient.party(role, why)
