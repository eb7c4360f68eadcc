"""Which procedure a Derby complaint follows and who receives it: the exemptions of section 2 (DER-1), Stage
One with the manager not involved (DER-7), the formal complaint form to the Corporate Personnel Adviser
(DER-8) and former employees, who follow the three stages too unless both sides agreed in writing to the
two-step procedure (DER-21)."""

from __future__ import annotations

from fairness_app import roles
from fairness_app.procedure.decisions import Recipient
from fairness_app.procedure.routes import Redirect, Route, first_manager_not_involved
from fairness_app.procedure.snapshots import CaseSnapshot, PartyKind, PartyRole, PartySnapshot
from fairness_derby.policy import (
	CORPORATE_PERSONNEL,
	COUNCILLOR_REFERRAL,
	DIRECTOR_OF_EDUCATION,
	FORMER_EMPLOYEE_TWO_STEP,
	GRIEVANCE_FLAG,
	MONITORING_OFFICER,
	PUBLIC_COMPLAINT,
	STAFF_COMPLAINT,
	TWO_STEP_AGREED,
	is_complaint,
)

# Fairness at Work covers council employees (paragraph 1.11), including those who have left (section 10).
STAFF = frozenset(
	{PartyKind.EMPLOYEE, PartyKind.FORMER_EMPLOYEE, PartyKind.AGENCY_WORKER, PartyKind.CASUAL_WORKER}
)
PUBLIC = frozenset({PartyKind.SERVICE_USER, PartyKind.MEMBER_OF_PUBLIC})
OTHER_EMPLOYERS = frozenset({PartyKind.CONTRACTOR, PartyKind.EXTERNAL_EMPLOYEE})

TEACHER = "teacher"
SENIOR_STAFF_TAGS = frozenset({"chief_executive", "chief_officer", "assistant_director", "jnc"})

TEACHERS = Redirect(
	"the school's own procedure for teachers",
	"Fairness at Work does not cover teachers.",
	"DER-1",
)
SENIOR_STAFF = Redirect(
	"the senior staff procedure under the Local Authorities Regulations 2001",
	"It involves the Chief Executive, a Chief Officer, an Assistant Director or someone else on JNC terms.",
	"DER-1",
)
COUNCILLORS = Redirect(
	"the Standards Committee procedure, through the Monitoring Officer (the Director of Corporate Services)",
	"It involves a councillor.",
	"DER-1",
)
ABUSE_CODE = Redirect(
	"the Abuse, Aggression and Violence Code",
	"It is about a member of the public or a service user.",
	"DER-1",
)
CORPORATE_COMPLAINTS = Redirect(
	"the Corporate Complaints Procedure (and, if needed, the disciplinary procedure)",
	"It was made by someone who does not work for the council, about a council employee.",
	"DER-1",
)
RECRUITMENT = Redirect(
	"the Recruitment Complaint Procedure",
	"It was made by a job applicant about recruitment and selection.",
	"DER-1",
)
GRIEVANCE = Redirect(
	"the Council's Grievance Procedure",
	"It is about terms and conditions of employment, health and safety, new working practices or the working "
	"environment (paragraph 2.9).",
	"DER-1",
)
OTHER_EMPLOYER = Redirect(
	"the contractor's or other employer's own procedures",
	"It is about someone who works for a contractor, sub-contractor or another organisation.",
	"DER-1",
)


def exemption(case: CaseSnapshot) -> Redirect | None:
	"""Where a complaint goes instead of Fairness at Work, checked in the order of paragraph 1.11 and
	section 2; None when Fairness at Work applies. School governors stay in it (paragraph 2.7)."""
	if not is_complaint(case):
		return None
	complainant = case.first_party(PartyRole.COMPLAINANT)
	people = case.parties_in(PartyRole.COMPLAINANT, PartyRole.SUBJECT)
	if any(TEACHER in person.tags for person in people):
		return TEACHERS
	if any(person.tags & SENIOR_STAFF_TAGS for person in people):
		return SENIOR_STAFF
	if any(person.kind is PartyKind.COUNCILLOR for person in people):
		return COUNCILLORS
	if complainant is not None and complainant.kind is PartyKind.JOB_APPLICANT:
		return RECRUITMENT
	if complainant is not None and complainant.kind in PUBLIC | OTHER_EMPLOYERS:
		return CORPORATE_COMPLAINTS
	if GRIEVANCE_FLAG in case.flags:
		return GRIEVANCE
	return _exemption_for_subjects(case.parties_in(PartyRole.SUBJECT))


def _exemption_for_subjects(subjects: tuple[PartySnapshot, ...]) -> Redirect | None:
	# Only when nobody complained about works for the council: an employee among them keeps Fairness at Work.
	kinds = {subject.kind for subject in subjects}
	if not kinds or kinds & (STAFF | {PartyKind.SCHOOL_GOVERNOR}):
		return None
	if kinds & PUBLIC:
		return ABUSE_CODE
	if kinds & OTHER_EMPLOYERS:
		return OTHER_EMPLOYER
	return None


def route(case: CaseSnapshot) -> Route | None:
	if not is_complaint(case):
		return None  # third-party incidents are not part of Derby's Fairness at Work policy
	redirect = exemption(case)
	if redirect is COUNCILLORS:
		return Route(
			COUNCILLOR_REFERRAL,
			(_adviser("refer it to the Monitoring Officer (DER-1)"),),
			copies=(Recipient.team(MONITORING_OFFICER, "a complaint involving a councillor (DER-1)"),),
			redirect=redirect,
			requirement="DER-1",
		)
	if redirect is not None:
		# Recorded, then referred and closed: the adviser refers it (the clocks and checks see to the rest).
		return Route(
			_referral_procedure(case),
			(_adviser(f"refer it to {redirect.procedure_name} (DER-1)"),),
			redirect=redirect,
			requirement="DER-1",
		)
	return _fairness_at_work(case)


def _referral_procedure(case: CaseSnapshot) -> str:
	complainant = case.first_party(PartyRole.COMPLAINANT)
	return STAFF_COMPLAINT if complainant is None or complainant.kind in STAFF else PUBLIC_COMPLAINT


def _fairness_at_work(case: CaseSnapshot) -> Route:
	copies = [
		Recipient.team(CORPORATE_PERSONNEL, "every Fairness at Work complaint is recorded centrally (DER-8)")
	]
	if any(party.kind is PartyKind.SCHOOL_GOVERNOR for party in case.parties):
		copies.append(
			Recipient.team(
				DIRECTOR_OF_EDUCATION,
				"a school governor is involved: refer the outcome to the governors (DER-1)",
			)
		)
	if _two_step(case):
		why = "a former employee's complaint under the two-step procedure agreed in writing (DER-21)"
		return Route(FORMER_EMPLOYEE_TWO_STEP, (_adviser(why),), tuple(copies), requirement="DER-21")
	adviser = _adviser("the Corporate Personnel Adviser receives the formal complaint form (DER-8)")
	manager = first_manager_not_involved(case)
	if case.formality == "formal" or manager is None:
		return Route(STAFF_COMPLAINT, (adviser,), tuple(copies), requirement="DER-8")
	stage_one = Recipient.user(
		manager, "the complainant's manager, or the next one up if that manager is involved (DER-7)"
	)
	return Route(STAFF_COMPLAINT, (stage_one, adviser), tuple(copies), requirement="DER-7")


def _two_step(case: CaseSnapshot) -> bool:
	"""Section 10.2: a former employee and the council may agree in writing to two steps instead of three."""
	complainant = case.first_party(PartyRole.COMPLAINANT)
	return TWO_STEP_AGREED in case.flags and complainant is not None and complainant.kind is PartyKind.FORMER_EMPLOYEE


def _adviser(why: str) -> Recipient:
	return Recipient.role(roles.CASE_OFFICER, why)
