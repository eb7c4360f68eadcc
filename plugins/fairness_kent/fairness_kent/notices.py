"""Who Kent tells what, in plain English: the manager gets the support checklist for the meeting (KEN-6)
and, in serious cases, the immediate actions to consider (KEN-7); the member of staff is told when they will
be met (KEN-4) and, after the meeting, the legal help on offer (KEN-8) and, where they may have been hurt,
about criminal injuries compensation (KEN-9); the health and safety team is asked for the incident form
(KEN-3)."""

from __future__ import annotations

from fairness_app.plugins import hookimpl
from fairness_app.procedure.clocks import ClockUnit
from fairness_app.procedure.decisions import Notification, Recipient
from fairness_app.procedure.snapshots import CaseEvent, CaseSnapshot, PartyRole

from fairness_kent.checks import MEETING_HELD
from fairness_kent.clocks import meeting_rule
from fairness_kent.routing import HEALTH_AND_SAFETY_TEAM, handler, is_kent_incident
from fairness_kent.taxonomy import describe, is_serious

# The event the app raises when a case is recorded ("received" starts the clocks; the guide says "recorded").
RECORDED = frozenset({"received", "recorded"})
STAGE_CHANGED = "stage_changed"

CHECKLIST = (
	"let them describe what happened and say how they feel",
	"ask what they would like to happen and agree the next steps with them",
	"offer advice and information on: recording the incident on form HS157; working arrangements, including "
	"temporary changes; ways to handle the person responsible; the risk assessment; legal help; support "
	"services such as the Support Line; compassionate leave; and training",
	"think about contacting other agencies where that is right, such as partner agencies or the police",
	"review their working arrangements and personal safety",
)

SERIOUS_ACTIONS = (
	"This looks like a serious case (a threat of violence, an assault, or the same person again). "
	"Think now about what would stop the member of staff being abused again: withdrawing the service "
	"where there is an agreed process for it, or, with the member of staff's agreement, giving their work "
	"to someone else or moving where they work."
)

LEGAL_OPTIONS = (
	"a firm letter from the council's Legal Services telling the person to stop",
	"a ban on the person contacting you",
	"applying for an anti-social behaviour order, or supporting a police application for one",
	"applying for an injunction to stop particular things",
	"advice about how the courts work",
)

# KEN-9: "personal injury attributable to a violent crime". Physical contact or a RIDDOR injury may be that.
MAY_BE_HURT = frozenset({"physical_contact", "riddor"})


def _victim(why: str) -> Recipient:
	return Recipient.party(PartyRole.VICTIM, why)


def on_recording(case: CaseSnapshot) -> list[Notification]:
	rule = meeting_rule(case)
	within = "24 hours" if rule.unit is ClockUnit.HOURS else f"{rule.length} working days"
	checklist = "\n".join(f"- {item}" for item in CHECKLIST)
	to_manager = (
		f"Incident {case.label} has been recorded as {describe(case)}. Please meet the member of staff "
		f"within {within} (KEN-4). When you meet:\n{checklist}\n(Kent Respect and Dignity at Work, KEN-6.)"
	)
	if is_serious(case):
		to_manager += f"\n\n{SERIOUS_ACTIONS} (KEN-7)"
	return [
		Notification(
			(handler(case),), f"Incident {case.label}: meet the member of staff within {within}", to_manager
		),
		Notification(
			(_victim("what happens next (KEN-4)"),),
			"What happens next about the incident you reported",
			f"Thank you for telling us. {rule.complainant_text} "
			"Your trade union can also give you advice and support.",
		),
		Notification(
			(Recipient.team(HEALTH_AND_SAFETY_TEAM, "health and safety incident forms (KEN-3)"),),
			f"Incident {case.label}: health and safety incident form",
			f"Incident {case.label} ({describe(case)}) has been recorded. Please make sure it is on the "
			"health and safety incident forms HS157 and HS160, and that the form reference is kept on the "
			"case (KEN-3).",
		),
	]


def after_meeting(case: CaseSnapshot) -> list[Notification]:
	options = "\n".join(f"- {option}" for option in LEGAL_OPTIONS)
	sent = [
		Notification(
			(_victim("legal help the council can give (KEN-8)"),),
			"Legal help the council can give you",
			"The council can help you take action to protect yourself from abuse. For example:\n"
			f"{options}\n"
			"Talk to your manager if you would like any of these. If what you want and what the council "
			"wants are different, the council may arrange for someone separate to advise you.",
		)
	]
	if case.flags & MAY_BE_HURT:
		sent.append(
			Notification(
				(_victim("criminal injuries compensation (KEN-9)"),),
				"If you were hurt: criminal injuries compensation",
				"If you were hurt because of a violent crime, you or your family may be able to claim "
				"from the Criminal Injuries Compensation Authority. Your manager or the council's Risk "
				"Management Team can tell you more, and your trade union can help too.",
			)
		)
	return sent


class KentNotifications:
	@hookimpl
	def fairness_notifications(self, case: CaseSnapshot, event: CaseEvent) -> list[Notification] | None:
		if not is_kent_incident(case):
			return None
		if event.name in RECORDED:
			return on_recording(case)
		if event.name == STAGE_CHANGED and event.stage == MEETING_HELD:
			return after_meeting(case)
		return None
