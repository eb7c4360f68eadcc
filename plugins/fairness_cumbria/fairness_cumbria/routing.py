"""Who handles a third-party incident (CUM-1, CUM-3) and which senior manager is told of the risk (CUM-6)."""

from __future__ import annotations

from fairness_app import roles
from fairness_app.procedure.decisions import Recipient
from fairness_app.procedure.routes import Redirect, Route, first_manager_not_involved
from fairness_app.procedure.snapshots import CaseSnapshot, PartyRole
from fairness_cumbria import policy

BULLYING_PROCEDURE = "the Bullying and Harassment Procedure"


def handler(case: CaseSnapshot) -> str | None:
	"""The member of staff's manager, or that manager's manager when the manager is involved (CUM-3). For a
	headteacher this is the chair of governors, recorded as the headteacher's line manager (CUM-1)."""
	return first_manager_not_involved(case, PartyRole.VICTIM)


def senior_manager(case: CaseSnapshot) -> str | None:
	"""The next manager up from the one handling the incident, who is told of the risk (CUM-6). None for a
	headteacher: the chair of governors has no manager above them in the school."""
	person = policy.victim(case)
	lead = handler(case)
	if person is None or lead is None or policy.headteacher_is_victim(case):
		return None
	above = person.manager_chain[person.manager_chain.index(lead) + 1 :]
	involved = case.involved_users()
	return next((manager for manager in above if manager not in involved), None)


def handler_recipient(case: CaseSnapshot) -> Recipient:
	lead = handler(case)
	if lead is None:
		return Recipient.role(roles.CASE_OFFICER, "no manager is recorded for the member of staff")
	if policy.headteacher_is_victim(case):
		return Recipient.user(lead, "the chair of governors acts as the headteacher's manager (CUM-1)")
	return Recipient.user(lead, "the member of staff's manager (CUM-3)")


def senior_recipients(case: CaseSnapshot) -> tuple[Recipient, ...]:
	"""The senior manager, when a particular person outside the staff is named as responsible (CUM-6)."""
	senior = senior_manager(case)
	if senior is None or not policy.named_third_party(case):
		return ()
	return (Recipient.user(senior, "senior manager told of the risk from a named person (CUM-6)"),)


def route(case: CaseSnapshot) -> Route:
	requirement = "CUM-1" if policy.headteacher_is_victim(case) else "CUM-3"
	redirect = None
	if policy.staff_only_subjects(case):
		requirement = "CUM-1"
		redirect = Redirect(
			BULLYING_PROCEDURE,
			"The person responsible works for the Council or the School, so this is dealt with under the "
			"Bullying and Harassment Procedure rather than as abuse by a third party.",
			"CUM-1",
		)
	return Route(
		policy.THIRD_PARTY_INCIDENT,
		recipients=(handler_recipient(case),),
		copies=senior_recipients(case),
		redirect=redirect,
		requirement=requirement,
	)
