"""Who the Code of Practice is for (Section 1, SOM-1), and where a case goes when it belongs to another
procedure."""

from __future__ import annotations

from fairness_app.procedure.defaults import STAFF_COMPLAINT
from fairness_app.procedure.routes import Redirect
from fairness_app.procedure.snapshots import CaseSnapshot, CaseType, PartyKind, PartyRole

STAFF = frozenset({PartyKind.EMPLOYEE, PartyKind.AGENCY_WORKER, PartyKind.CASUAL_WORKER})

# Behaviours the Code covers; a complaint whose every allegation is "Other" is a general complaint.
BULLYING_HARASSMENT_OR_DISCRIMINATION = frozenset(
	{"bullying", "harassment", "victimisation", "discrimination", "abuse_or_violence"}
)

# Party tags that mark school teaching and non-teaching staff, who use the schools' own recording procedure.
SCHOOL_STAFF_TAGS = frozenset({"headteacher", "teacher", "school_staff"})

CORPORATE_COMPLAINTS = Redirect(
	"the Corporate Complaints Procedure",
	"This complaint is not about bullying, harassment or discrimination, so it is dealt with under the "
	"Corporate Complaints Procedure instead. Pass it on and tell the person who will contact them.",
	"SOM-1",
)

SCHOOLS_PROCEDURE = Redirect(
	"the schools' own recording procedure",
	"School teaching and non-teaching staff report abuse from service users through the separate schools "
	"procedure (Appendix G), not this Code. Pass it to the school and tell the member of staff.",
	"SOM-1",
)

FAIRNESS_AND_DIGNITY_AT_WORK = Redirect(
	"the Fairness and Dignity at Work policy",
	"A complaint by a member of staff about another member of staff is dealt with under the Fairness and "
	"Dignity at Work policy. The member of staff can also talk to the Listeners Service, Care First or their "
	"HR officer.",
	"SOM-1",
)


def redirect_for(case: CaseSnapshot) -> Redirect | None:
	"""The other procedure a case belongs to, or None when this Code applies."""
	if _not_about_bullying_harassment_or_discrimination(case):
		return CORPORATE_COMPLAINTS
	if _about_school_staff(case):
		return SCHOOLS_PROCEDURE
	if _staff_about_staff(case):
		return FAIRNESS_AND_DIGNITY_AT_WORK
	return None


def follows_this_code(case: CaseSnapshot) -> bool:
	"""Whether Somerset's Code governs the case's deadlines, messages and records."""
	return case.procedure != STAFF_COMPLAINT and redirect_for(case) is None


def subject_kinds(case: CaseSnapshot) -> frozenset[PartyKind]:
	return frozenset(party.kind for party in case.parties_in(PartyRole.SUBJECT))


def the_person_harmed(case: CaseSnapshot):
	"""The complainant of a complaint, or the member of staff harmed in an incident."""
	role = PartyRole.VICTIM if case.case_type is CaseType.INCIDENT else PartyRole.COMPLAINANT
	return case.first_party(role)


def _not_about_bullying_harassment_or_discrimination(case: CaseSnapshot) -> bool:
	# With no allegation recorded yet we cannot tell, so the case stays here rather than be turned away.
	return (
		case.case_type is CaseType.COMPLAINT
		and bool(case.behaviours)
		and not (set(case.behaviours) & BULLYING_HARASSMENT_OR_DISCRIMINATION)
	)


def _about_school_staff(case: CaseSnapshot) -> bool:
	person = the_person_harmed(case)
	in_school = case.case_type is CaseType.INCIDENT and "school" in case.flags
	return in_school or bool(person and person.kind in STAFF and person.tags & SCHOOL_STAFF_TAGS)


def _staff_about_staff(case: CaseSnapshot) -> bool:
	complainant = case.first_party(PartyRole.COMPLAINANT)
	return (
		case.case_type is CaseType.COMPLAINT
		and complainant is not None
		and complainant.kind in STAFF
		and bool(subject_kinds(case) & STAFF)
	)
