"""Which incidents Kent handles under Respect and Dignity at Work (KEN-1) and who handles them: the member of
staff's line manager, passing over any manager who is part of the incident or has declared an interest
(KEN-10)."""

from __future__ import annotations

from fairness_app import roles
from fairness_app.plugins import hookimpl
from fairness_app.procedure.decisions import Recipient
from fairness_app.procedure.defaults import THIRD_PARTY_INCIDENT
from fairness_app.procedure.routes import Redirect, Route, first_manager_not_involved
from fairness_app.procedure.snapshots import CaseSnapshot, CaseType, PartyKind, PartyRole

# The team that keeps the HS157 and HS160 incident forms (KEN-3); set up as a central team on the site.
HEALTH_AND_SAFETY_TEAM = "health_and_safety"

STAFF = frozenset({PartyKind.EMPLOYEE, PartyKind.AGENCY_WORKER, PartyKind.CASUAL_WORKER})

# Whose manager meets: the member of staff affected, or who reported it when nobody is named as affected.
MEETS = (PartyRole.VICTIM, PartyRole.REPORTER)


def is_kent_incident(case: CaseSnapshot) -> bool:
	"""A third-party incident Kent handles here: not a case referred to another procedure."""
	return (
		case.case_type is CaseType.INCIDENT
		and case.procedure in (None, THIRD_PARTY_INCIDENT)
		and not staff_responsible(case)
	)


def staff_responsible(case: CaseSnapshot) -> bool:
	return any(party.kind in STAFF for party in case.parties_in(PartyRole.SUBJECT))


def handling_manager(case: CaseSnapshot) -> str | None:
	"""The manager who meets the member of staff: their line manager, or the next one up free to act."""
	for role in MEETS:
		if case.first_party(role) is not None:
			return first_manager_not_involved(case, role)
	return None


def manager_above(case: CaseSnapshot, user: str) -> str | None:
	"""The next manager above `user` in the member of staff's line who is free to act (not involved, no
	declared interest)."""
	party = next((case.first_party(role) for role in MEETS if case.first_party(role) is not None), None)
	if party is None or user not in party.manager_chain:
		return None
	above = party.manager_chain[party.manager_chain.index(user) + 1 :]
	involved = case.involved_users()
	return next((manager for manager in above if manager not in involved), None)


def handler(case: CaseSnapshot) -> Recipient:
	manager = handling_manager(case)
	if manager is not None:
		return Recipient.user(
			manager, "the member of staff's manager, free of any declared interest (KEN-4, KEN-10)"
		)
	return Recipient.role(
		roles.HEALTH_AND_SAFETY_OFFICER, "no manager in the member of staff's line is free to act (KEN-10)"
	)


class KentRouting:
	@hookimpl
	def fairness_route_case(self, case: CaseSnapshot) -> Route | None:
		if case.case_type is not CaseType.INCIDENT:
			return None  # complaints follow the app's own routes
		if staff_responsible(case):
			return _referred(case)
		return Route(
			THIRD_PARTY_INCIDENT,
			(handler(case),),
			copies=(
				Recipient.team(HEALTH_AND_SAFETY_TEAM, "recorded on the health and safety forms (KEN-3)"),
			),
			requirement="KEN-1",
		)


def _referred(case: CaseSnapshot) -> Route:
	"""KEN-1: incidents caused by a member of staff belong to other procedures; Personnel refers them on."""
	personnel = Recipient.role(roles.CASE_OFFICER, "refers the incident to the right procedure (KEN-1)")
	copies = (Recipient.team(HEALTH_AND_SAFETY_TEAM, "recorded on the health and safety forms (KEN-3)"),)
	if any(party.kind in STAFF for party in case.parties_in(PartyRole.VICTIM)):
		redirect = Redirect(
			"the Harassment Procedure",
			"A complaint by one member of staff about another is dealt with under the Harassment Procedure.",
			"KEN-1",
		)
	else:
		redirect = Redirect(
			"the complaints procedure",
			"A complaint about a member of staff is dealt with under the directorate or corporate complaints "
			"procedure, and a serious one may also need the Disciplinary Procedure.",
			"KEN-1",
		)
	return Route(THIRD_PARTY_INCIDENT, (personnel,), copies=copies, redirect=redirect, requirement="KEN-1")
