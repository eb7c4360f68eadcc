"""The routing table of Section 5, "Who do I send the recording form onto?" (SOM-10, with flow charts 1 and 2:
SOM-2, SOM-3), and the redirects of Section 1 (SOM-1).

The officer who receives the complaint keeps the original and references it; a copy goes to the directorate's
HR officer (the alleged perpetrator is an employee), its Equality and Harassment Adviser (a service user,
member of the public or contractor) or the County Solicitor (a councillor), always to the Customer Access and
Equalities Team, and to the investigating manager when that is someone else.
"""

from __future__ import annotations

from fairness_app import roles
from fairness_app.procedure.decisions import Recipient
from fairness_app.procedure.defaults import (
	COUNCILLOR_REFERRAL,
	PUBLIC_COMPLAINT,
	STAFF_COMPLAINT,
	THIRD_PARTY_INCIDENT,
)
from fairness_app.procedure.routes import Route, first_manager_not_involved
from fairness_app.procedure.snapshots import CaseSnapshot, CaseType, PartyKind, PartyRole
from fairness_somerset.scope import FAIRNESS_AND_DIGNITY_AT_WORK, STAFF, redirect_for, subject_kinds

# Central teams the site names. Directorate contacts are teams named after the directorate code, such as
# "eha_env" and "hr_officer_env".
CENTRAL_TEAM = "central_equalities"  # the Customer Access and Equalities Team ("CAT")
COUNTY_SOLICITOR = "county_solicitor"
COUNTY_HR_OFFICER = "county_hr_officer"

PUBLIC = frozenset({PartyKind.SERVICE_USER, PartyKind.MEMBER_OF_PUBLIC, PartyKind.CONTRACTOR})


def route_case(case: CaseSnapshot) -> Route:
	redirect = redirect_for(case)
	if redirect is FAIRNESS_AND_DIGNITY_AT_WORK:
		return Route(
			STAFF_COMPLAINT,
			(
				_manager_of(case, PartyRole.COMPLAINANT, "the member of staff's manager")
				or receiving_officer(case),
			),
			copies=(directorate_hr_officer(case, "the member of staff may need HR advice (SOM-1)"),),
			redirect=redirect,
			requirement="SOM-1",
		)
	if redirect is not None:
		procedure = THIRD_PARTY_INCIDENT if case.case_type is CaseType.INCIDENT else PUBLIC_COMPLAINT
		return Route(procedure, (receiving_officer(case),), redirect=redirect, requirement="SOM-1")
	return Route(_procedure(case), (investigating_manager(case),), copies=copies(case), requirement="SOM-10")


def _procedure(case: CaseSnapshot) -> str:
	if case.case_type is CaseType.INCIDENT:
		return THIRD_PARTY_INCIDENT
	# SOM-10: a councillor's conduct is for the County Solicitor under the Members' Code of Conduct.
	return COUNCILLOR_REFERRAL if PartyKind.COUNCILLOR in subject_kinds(case) else PUBLIC_COMPLAINT


def investigating_manager(case: CaseSnapshot) -> Recipient:
	"""Who leads the case: the manager of the member of staff complained about (flow 1), else the manager of
	the member of staff harassed (flow 2), else the officer who received it and keeps the original."""
	subjects = case.parties_in(PartyRole.SUBJECT)
	if subjects and subjects[0].kind in STAFF:
		found = _manager_of(case, PartyRole.SUBJECT, "manages the member of staff complained about (SOM-2)")
		if found:
			return found
	harmed = PartyRole.VICTIM if case.case_type is CaseType.INCIDENT else PartyRole.COMPLAINANT
	person = case.first_party(harmed)
	if person and person.kind in STAFF:
		found = _manager_of(case, harmed, "manages the member of staff harassed (SOM-3)")
		if found:
			return found
	return receiving_officer(case)


def receiving_officer(case: CaseSnapshot) -> Recipient:
	if case.case_officer and case.case_officer.user:
		return Recipient.user(
			case.case_officer.user, "received the complaint and keeps the original (SOM-10)"
		)
	return Recipient.role(roles.CASE_OFFICER, "nobody is recorded as receiving it (SOM-10)")


def copies(case: CaseSnapshot) -> tuple[Recipient, ...]:
	"""The copies the routing table asks for: one row per kind of alleged perpetrator, then the central
	team."""
	kinds = subject_kinds(case)
	found = []
	if kinds & STAFF:
		found.append(
			directorate_hr_officer(case, "HR advice is needed: the complaint is about an employee (SOM-10)")
		)
	if kinds & PUBLIC or not kinds:
		found.append(
			directorate_eha(case, "advises on complaints about service users or the public (SOM-10)")
		)
	if PartyKind.COUNCILLOR in kinds:
		found.append(Recipient.team(COUNTY_SOLICITOR, "the complaint is about a councillor (SOM-10)"))
	found.append(Recipient.team(CENTRAL_TEAM, "tracks every case by its reference (SOM-10, SOM-12)"))
	return once_each(found)


def directorate_hr_officer(case: CaseSnapshot, why: str) -> Recipient:
	if case.directorate:
		return Recipient.team(f"hr_officer_{case.directorate.lower()}", why)
	return Recipient.team(COUNTY_HR_OFFICER, f"{why}; no directorate is recorded")


def directorate_eha(case: CaseSnapshot, why: str) -> Recipient:
	if case.directorate:
		return Recipient.team(f"eha_{case.directorate.lower()}", why)
	# The central team's own advisers cover cases with no directorate.
	return Recipient.team(CENTRAL_TEAM, f"{why}; no directorate is recorded")


def once_each(recipients: list[Recipient]) -> tuple[Recipient, ...]:
	# With no directorate the adviser falls back to the central team, which is told anyway: tell it once.
	first = {}
	for recipient in recipients:
		first.setdefault((recipient.kind, recipient.value), recipient)
	return tuple(first.values())


def _manager_of(case: CaseSnapshot, role: PartyRole, why: str) -> Recipient | None:
	manager = first_manager_not_involved(case, role)
	return Recipient.user(manager, why) if manager else None
