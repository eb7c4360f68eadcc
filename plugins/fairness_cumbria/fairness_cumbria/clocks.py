"""The deadlines of a Cumbria incident and what happens when one falls due or is missed.

The policy asks for each step "as soon as possible" and gives no number of days. The lengths below are this
plugin's working limits for those words; change them here if the council agrees others. Each clock starts and
stops on events the incident procedure raises: received (Reported), manager_met (Manager meeting held),
risk_assessment_reviewed (Risk assessment reviewed) and actions_agreed (Actions agreed).
"""

from __future__ import annotations

from fairness_app.procedure.clocks import ClockAlert, ClockRule, ClockStatus, ClockUnit
from fairness_app.procedure.decisions import Escalation, EscalationAction, Recipient
from fairness_app.procedure.snapshots import CaseSnapshot
from fairness_cumbria import routing

DEBRIEF_DAYS = 3
RISK_REVIEW_DAYS = 5
SUPPORT_AGREED_DAYS = 10

DEBRIEF = ClockRule(
	key="debrief",
	label="Meet the member of staff for a debrief and complete the incident form",
	length=DEBRIEF_DAYS,
	unit=ClockUnit.WORKING_DAYS,
	starts_on="received",
	stops_on=("manager_met",),
	requirement="CUM-4",
	complainant_text=(
		"Your manager will meet you to talk about what happened and how you are, and will report it to "
		"health and safety."
	),
)

RISK_ASSESSMENT_REVIEW = ClockRule(
	key="risk_assessment_review",
	label="Review the risk assessments linked to the incident with the member of staff",
	length=RISK_REVIEW_DAYS,
	unit=ClockUnit.WORKING_DAYS,
	starts_on="manager_met",
	stops_on=("risk_assessment_reviewed",),
	requirement="CUM-10",
	complainant_text=(
		"Your manager will look again at the risks in your work with you, to stop it happening again."
	),
)

SUPPORT_AGREED = ClockRule(
	key="support_agreed",
	label="Agree the actions and support, including regular check-ins, with the member of staff",
	length=SUPPORT_AGREED_DAYS,
	unit=ClockUnit.WORKING_DAYS,
	starts_on="manager_met",
	stops_on=("actions_agreed",),
	requirement="CUM-8",
	complainant_text=(
		"Your manager will agree with you what will be done and the support you will get, such as regular "
		"check-ins."
	),
)

RULES = (DEBRIEF, RISK_ASSESSMENT_REVIEW, SUPPORT_AGREED)


def escalation(case: CaseSnapshot, alert: ClockAlert) -> Escalation | None:
	"""Due: remind whoever handles the incident. Missed: tell the next manager up, as the policy sends the
	member of staff to their manager's manager when their manager is not available (CUM-3). With nobody above
	(a headteacher's chair of governors), the built-in rule tells the Fairness administrators."""
	label = alert.clock.label
	if alert.status is ClockStatus.DUE:
		return Escalation(
			EscalationAction.REMIND,
			(routing.handler_recipient(case),),
			f"'{label}' for incident {case.label} is due today.",
		)
	senior = routing.senior_manager(case)
	if alert.status is not ClockStatus.MISSED or senior is None:
		return None
	return Escalation(
		EscalationAction.ESCALATE,
		(Recipient.user(senior, "the manager's manager steps in when the manager cannot (CUM-3)"),),
		f"'{label}' for incident {case.label} was not done in time. Please make sure it is done now, and "
		"step in if the member of staff's manager is not available.",
	)
