"""Which complaints follow the formal harassment and bullying procedure, and who receives form CF1 (FHB-1 to
FHB-5)."""

from __future__ import annotations

from fairness_app.procedure.decisions import Recipient
from fairness_app.procedure.routes import Redirect, Route, first_manager_not_involved
from fairness_app.procedure.snapshots import CaseSnapshot, CaseType, PartyKind, PartyRole
from fairness_er_consultant.procedure import HR_SERVICE_DESK, PROCEDURE, er_consultants

# The people the handbook calls employees: the same staff the app's own staff route covers.
STAFF = frozenset({PartyKind.EMPLOYEE, PartyKind.AGENCY_WORKER, PartyKind.CASUAL_WORKER})

# FHB-2: a staff complaint none of whose allegations is bullying, harassment or the like is a grievance.
GRIEVANCE_ONLY = frozenset({"other"})

GRIEVANCE = Redirect(
	"the Grievance Policy and procedure",
	"None of the allegations is of bullying, harassment, victimisation, discrimination, abuse or violence. "
	"Other complaints about work are dealt with under the Grievance Policy.",
	requirement="FHB-2",
)


def route(case: CaseSnapshot) -> Route | None:
	if not is_staff_complaint(case):
		return None  # not this handbook's business: the next plugin or the built-in rules decide
	if is_grievance(case):
		# Recorded under this procedure so an ER consultant can refer it on; the redirect says where.
		why = "refer the complaint to the Grievance procedure (FHB-2)"
		return Route(PROCEDURE, (er_consultants(why),), redirect=GRIEVANCE, requirement="FHB-2")
	# An informal complaint is recorded here too and waits at "Received" until it becomes formal (FHB-1,
	# checks.py): a case's procedure is chosen once, when it is recorded.
	return Route(PROCEDURE, (cf1_receiver(case),), copies=copies(), requirement="FHB-3")


def is_grievance(case: CaseSnapshot) -> bool:
	return bool(case.behaviours) and set(case.behaviours) <= GRIEVANCE_ONLY


def is_staff_complaint(case: CaseSnapshot) -> bool:
	if case.case_type is not CaseType.COMPLAINT or "questionnaire" in case.flags:
		return False
	complainant = case.first_party(PartyRole.COMPLAINANT)
	subjects = {party.kind for party in case.parties_in(PartyRole.SUBJECT)}
	return complainant is not None and complainant.kind in STAFF and bool(subjects & STAFF)


def cf1_receiver(case: CaseSnapshot) -> Recipient:
	"""FHB-3: the line manager receives form CF1, or the manager's manager when the complaint is about the
	line manager. With nobody free in the line of management, an ER consultant takes it."""
	manager = first_manager_not_involved(case)
	if manager is None:
		return er_consultants("no manager in the complainant's line is free to receive form CF1 (FHB-3)")
	complainant = case.first_party(PartyRole.COMPLAINANT)
	if manager == complainant.line_manager:
		return Recipient.user(manager, "the complainant's line manager receives form CF1 (FHB-3)")
	return Recipient.user(
		manager, "the line manager is involved, so the next manager up receives form CF1 (FHB-3)"
	)


def copies() -> tuple[Recipient, ...]:
	return (
		er_consultants("an ER consultant decides the next step (FHB-5)"),
		Recipient.team(HR_SERVICE_DESK, "form CF1 goes to the HR Service Desk (FHB-4)"),
	)
