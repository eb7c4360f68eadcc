"""KEN-4: the line manager meets the member of staff within 24 hours after physical contact, a significant or
serious threat, or violence or threats of violence, and otherwise within 3 days; and what happens when that
meeting is due or late."""

from __future__ import annotations

from datetime import date, datetime

from fairness_app import roles
from fairness_app.plugins import hookimpl
from fairness_app.procedure.clocks import ClockAlert, ClockRule, ClockStatus, ClockUnit
from fairness_app.procedure.decisions import Escalation, EscalationAction, Recipient
from fairness_app.procedure.snapshots import CaseSnapshot, CaseType

from fairness_kent.routing import HEALTH_AND_SAFETY_TEAM, handling_manager, is_kent_incident, manager_above
from fairness_kent.taxonomy import needs_meeting_within_24_hours

MANAGER_MEETING = "manager_meeting"

_MEETING = (
	" to talk about what happened, what you would like to happen next, how to keep you safe and the support "
	"you can have."
)

WITHIN_24_HOURS = ClockRule(
	MANAGER_MEETING,
	"Manager meets the member of staff (physical contact, a serious threat or violence: within 24 hours)",
	24,
	ClockUnit.HOURS,
	"received",
	("manager_met",),
	"KEN-4",
	"Your manager will meet you within 24 hours" + _MEETING,
)

# "Within 3 days": read as working days, as meetings are held on working days.
WITHIN_3_DAYS = ClockRule(
	MANAGER_MEETING,
	"Manager meets the member of staff (within 3 working days)",
	3,
	ClockUnit.WORKING_DAYS,
	"received",
	("manager_met",),
	"KEN-4",
	"Your manager will meet you within 3 working days" + _MEETING,
)


def meeting_rule(case: CaseSnapshot) -> ClockRule:
	return WITHIN_24_HOURS if needs_meeting_within_24_hours(case) else WITHIN_3_DAYS


class KentClocks:
	@hookimpl
	def fairness_clock_rules(self, case: CaseSnapshot) -> list[ClockRule] | None:
		if case.case_type is not CaseType.INCIDENT:
			return None
		if not is_kent_incident(case):
			return []  # referred to another procedure (KEN-1), whose own deadlines apply there
		return [meeting_rule(case)]

	@hookimpl
	def fairness_clock_escalation(self, case: CaseSnapshot, alert: ClockAlert) -> Escalation | None:
		if alert.clock.key != MANAGER_MEETING or case.case_type is not CaseType.INCIDENT:
			return None
		manager = handling_manager(case)
		if alert.status is ClockStatus.DUE:
			return _reminder(case, manager, alert.due)
		if alert.status is ClockStatus.MISSED:
			return _escalation(case, manager)
		return None


def _reminder(case: CaseSnapshot, manager: str | None, due: date | datetime) -> Escalation:
	to = Recipient.user(manager, "handles the incident") if manager else _health_and_safety_officers()
	return Escalation(
		EscalationAction.REMIND,
		(to,),
		f"Please meet the member of staff about incident {case.label} by {_when(due)} and record the meeting "
		"on the case (Kent Respect and Dignity at Work, KEN-4).",
	)


def _escalation(case: CaseSnapshot, manager: str | None) -> Escalation:
	"""A late meeting goes to the next manager up who is free to act, and to the health and safety team."""
	above = manager_above(case, manager) if manager else None
	team = Recipient.team(HEALTH_AND_SAFETY_TEAM, "the manager meeting is late (KEN-4)")
	message = (
		f"The member of staff affected by incident {case.label} has not yet been met by their manager, and "
		"the time allowed has passed. Please make sure a meeting happens now and is recorded on the case "
		"(KEN-4)."
	)
	if above is None:
		return Escalation(EscalationAction.NOTIFY_TEAM, (team, _health_and_safety_officers()), message)
	return Escalation(
		EscalationAction.ESCALATE,
		(Recipient.user(above, "the next manager up (KEN-4, KEN-10)"), team),
		message,
	)


def _health_and_safety_officers() -> Recipient:
	return Recipient.role(roles.HEALTH_AND_SAFETY_OFFICER, "no manager is free to act (KEN-10)")


def _when(due: date | datetime) -> str:
	return due.strftime("%H:%M on %-d %B %Y" if isinstance(due, datetime) else "the end of %-d %B %Y")
