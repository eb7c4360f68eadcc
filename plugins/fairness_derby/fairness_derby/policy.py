"""Names the Derby plugin shares between its modules: the procedures and stages of the app's workflow
templates it works with, the central teams it tells, and the people the policy names."""

from __future__ import annotations

from fairness_app.procedure.snapshots import CaseSnapshot, CaseType

# Procedure keys (fairness_app/workflows/templates).
STAFF_COMPLAINT = "staff_complaint"
PUBLIC_COMPLAINT = "public_complaint"
COUNCILLOR_REFERRAL = "councillor_referral"
FORMER_EMPLOYEE_TWO_STEP = "former_employee_two_step"  # section 10.2, agreed in writing (DER-21)

# States of the staff_complaint template.
INFORMAL_STAGE = "Informal stage"
INVESTIGATION = "Investigation"
HEARING = "Hearing"  # in Derby: the investigator's report is with the Chief Officer (paragraph 7.2.24)
DECISION_SENT = "Decision sent"
APPEAL = "Appeal"
APPEAL_HEARING = "Appeal hearing"
APPEAL_DECIDED = "Appeal decided"
WITHDRAWN = "Withdrawn"

# Central teams configured on the site; told through notifications, never added to a case's team.
CORPORATE_PERSONNEL = (
	"corporate_personnel"  # the Corporate Personnel Adviser - Operations, Policy Directorate
)
MONITORING_OFFICER = "monitoring_officer"  # the Director of Corporate Services
DIRECTOR_OF_EDUCATION = "director_of_education"

AD_PERSONNEL = "the Assistant Director (Personnel)"

QUESTIONNAIRE = "questionnaire"
TWO_STEP_AGREED = "two_step_agreed"
GRIEVANCE_FLAG = "grievance"  # about terms and conditions or working conditions: the grievance procedure's (DER-1)


def is_complaint(case: CaseSnapshot) -> bool:
	return case.case_type is CaseType.COMPLAINT
