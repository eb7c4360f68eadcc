"""The built-in rules: a plugin registered `trylast`, so any council plugin that answers a hook overrides it, and
a case still gets a route, a reference and clocks when a council plugin fails or says nothing.

These are deliberately plain and council-neutral; each council's own policy belongs in its own plugin.
"""

from __future__ import annotations

from datetime import date

import pluggy

from fairness_app import roles
from fairness_app.hookspecs import PROJECT
from fairness_app.procedure.calendar import WorkingCalendar, add_years
from fairness_app.procedure.clocks import ClockAlert, ClockRule, ClockStatus, ClockUnit
from fairness_app.procedure.decisions import Escalation, EscalationAction, Recipient
from fairness_app.procedure.meetings import MeetingRules
from fairness_app.procedure.references import ReferenceCounter, financial_year_label
from fairness_app.procedure.retention import RetentionRule
from fairness_app.procedure.routes import Route, first_manager_not_involved
from fairness_app.procedure.snapshots import CaseSnapshot, CaseType, PartyKind, PartyRole
from fairness_app.procedure.time_limits import TimeLimit

hookimpl = pluggy.HookimplMarker(PROJECT)

NAME = "builtin"

# Procedure keys of the built-in routes; the workflow templates carry the same keys.
PUBLIC_COMPLAINT = "public_complaint"
STAFF_COMPLAINT = "staff_complaint"
COUNCILLOR_REFERRAL = "councillor_referral"
THIRD_PARTY_INCIDENT = "third_party_incident"
FORMER_EMPLOYEE_TWO_STEP = "former_employee_two_step"

# The complaint's "Two-step procedure agreed in writing" (DER-21), as a flag.
TWO_STEP_AGREED = "two_step_agreed"

RETENTION_YEARS = 6

# Three months, as for an employment tribunal claim; a council's plugin sets its own (DER-2).
TIME_LIMIT = TimeLimit(3, "a senior manager")

_STAFF = {PartyKind.EMPLOYEE, PartyKind.AGENCY_WORKER, PartyKind.CASUAL_WORKER}

ACKNOWLEDGEMENT = ClockRule(
	key="acknowledgement",
	label="Acknowledge the complaint in writing",
	length=5,
	unit=ClockUnit.WORKING_DAYS,
	starts_on="received",
	stops_on=("acknowledged", "response_sent"),  # the two-step procedure's written response acknowledges it too
	complainant_text="We will write to you to confirm we have your complaint and tell you who is handling it.",
)

MANAGER_MEETING = ClockRule(
	key="manager_meeting",
	label="Manager meets the member of staff",
	length=3,
	unit=ClockUnit.WORKING_DAYS,
	starts_on="received",
	stops_on=("manager_met",),
	complainant_text="Your manager will meet you to talk about what happened and the support you need.",
)


def _case_officers(why: str) -> Recipient:
	return Recipient.role(roles.CASE_OFFICER, why)


class BuiltinRules:
	@hookimpl(trylast=True)
	def fairness_route_case(self, case: CaseSnapshot) -> Route:
		if case.case_type is CaseType.INCIDENT:
			manager = first_manager_not_involved(case, PartyRole.VICTIM)
			handler = Recipient.user(manager, "the member of staff's manager") if manager else None
			return Route(THIRD_PARTY_INCIDENT, (handler or _case_officers("no manager is recorded"),))
		subject_kinds = {party.kind for party in case.parties_in(PartyRole.SUBJECT)}
		if PartyKind.COUNCILLOR in subject_kinds:
			return Route(COUNCILLOR_REFERRAL, (_case_officers("refer to the Monitoring Officer (standards)"),))
		complainant = case.first_party(PartyRole.COMPLAINANT)
		if TWO_STEP_AGREED in case.flags and complainant and complainant.kind is PartyKind.FORMER_EMPLOYEE:
			return Route(FORMER_EMPLOYEE_TWO_STEP, (_case_officers("the two-step procedure was agreed in writing"),))
		if complainant and complainant.kind in _STAFF and subject_kinds & _STAFF:
			manager = first_manager_not_involved(case)
			handler = Recipient.user(manager, "the complainant's manager") if manager else None
			return Route(STAFF_COMPLAINT, (handler or _case_officers("no manager is free to act"),))
		return Route(PUBLIC_COMPLAINT, (_case_officers("complaint from the public or a service user"),))

	@hookimpl(trylast=True)
	def fairness_case_reference(self, case: CaseSnapshot, counter: ReferenceCounter) -> str:
		prefix = "FI" if case.case_type is CaseType.INCIDENT else "FC"
		series = f"{prefix}/{financial_year_label(case.received_on)}"
		return f"{series}/{counter.next(series):04d}"

	@hookimpl(trylast=True)
	def fairness_clock_rules(self, case: CaseSnapshot) -> list[ClockRule]:
		return [MANAGER_MEETING] if case.case_type is CaseType.INCIDENT else [ACKNOWLEDGEMENT]

	@hookimpl(trylast=True)
	def fairness_working_calendar(self, nation: str, closures: tuple[date, ...]) -> WorkingCalendar:
		return WorkingCalendar(nation, closures)

	@hookimpl(trylast=True)
	def fairness_clock_escalation(self, case: CaseSnapshot, alert: ClockAlert) -> Escalation:
		label = alert.clock.label
		if alert.status is ClockStatus.CLOSED:
			return Escalation(
				EscalationAction.REMIND,
				(_case_officers("a party's time to act has ended"),),
				f"The time for '{label}' on case {case.label} has ended and nothing was recorded. If nothing "
				"arrived in time, move the case on.",
			)
		if alert.status is ClockStatus.MISSED:
			return Escalation(
				EscalationAction.ESCALATE,
				(
					_case_officers("a deadline was missed"),
					Recipient.role(roles.LINE_MANAGER, "a deadline was missed"),
				),
				f"The deadline for '{label}' on case {case.label} has passed.",
			)
		return Escalation(
			EscalationAction.REMIND,
			(_case_officers("a deadline is due"),),
			f"'{label}' on case {case.label} is due today.",
		)

	@hookimpl(trylast=True)
	def fairness_time_limit(self, case: CaseSnapshot) -> TimeLimit:
		return TIME_LIMIT

	@hookimpl(trylast=True)
	def fairness_meeting_rules(self, case: CaseSnapshot) -> MeetingRules:
		return MeetingRules()

	@hookimpl(trylast=True)
	def fairness_retention(self, case: CaseSnapshot) -> RetentionRule:
		rule = f"{RETENTION_YEARS} years after the case closed (built-in rule)"
		keep_until = add_years(case.closed_on, RETENTION_YEARS) if case.closed_on else None
		return RetentionRule(keep_until, rule)
