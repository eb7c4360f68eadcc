"""Who the Code says to tell, and when: the receiving officer's first duties (SOM-7, SOM-5), the complainant
kept informed at every stage and told of support (SOM-14, SOM-18), the actions a manager must take (SOM-15),
the satisfaction questionnaire after closure (SOM-2) and the departmental quarterly return (SOM-20, SOM-2).

Messages name a case only by its reference, so they never carry more than the reader may already see (SOM-12).
"""

from __future__ import annotations

from fairness_app import roles
from fairness_app.procedure.decisions import Notification, Recipient
from fairness_app.procedure.defaults import PUBLIC_COMPLAINT
from fairness_app.procedure.snapshots import CaseEvent, CaseSnapshot, CaseType, PartyRole
from fairness_somerset.clocks import WRITTEN_OR_PHONED
from fairness_somerset.references import financial_quarter
from fairness_somerset.routing import directorate_hr_officer, receiving_officer
from fairness_somerset.scope import STAFF, follows_this_code, subject_kinds

# The hook documentation names the first event both "recorded" and "received".
RECORDED = frozenset({"recorded", "received"})
STAGE_CHANGED = "stage_changed"
CLOSED = "closed"

# Stages in which the manager decides what to do about the complaint.
ACTION_STAGES = frozenset({"Informal resolution", "Formal investigation"})

UNHAPPY = (
	"If you are not happy with how your complaint is being handled, you can contact the Customer Care and "
	"Equalities Manager at any time."
)

# What each stage means for the complainant, in plain words.
STAGE_NEWS = {
	"Acknowledged": (
		"We have your complaint and have written to you to say what we will do and who is dealing with it. "
		"Community and voluntary groups can also help you with advice, counselling and practical help: ask "
		"us for their details."
	),
	"Informal resolution": "We are trying to put things right quickly and informally, in the way you asked.",
	"Formal investigation": "A formal investigation into your complaint has started.",
	"Waiting for the complainant": (
		"We need some more information from you before we can go on. The person dealing with your complaint "
		"will tell you what."
	),
	"Outcome sent": "We have sent you the outcome of your complaint.",
	"Closed": "Your complaint is now closed. Thank you for telling us.",
	"Referred to the Monitoring Officer": (
		"Your complaint is about a councillor, so we have passed it to the County Solicitor, who deals with "
		"complaints about councillors. They will contact you."
	),
	"Withdrawn": "Your complaint has been withdrawn. If this is not what you wanted, please contact us.",
}


def notifications(case: CaseSnapshot, event: CaseEvent) -> list[Notification] | None:
	if not follows_this_code(case):
		return None
	found: list[Notification] = []
	if event.name in RECORDED:
		found += intake_duties(case) + quarterly_return(case)
	elif event.name == STAGE_CHANGED and event.stage:
		found += keep_informed(case, event.stage) + actions_to_take(case, event.stage)
	elif event.name == CLOSED:
		found += satisfaction_questionnaire(case)
	return found or None


def intake_duties(case: CaseSnapshot) -> list[Notification]:
	"""SOM-7 and SOM-5: what the officer who received a complaint must do straight away."""
	if case.case_type is not CaseType.COMPLAINT:
		return []
	steps = []
	if "immediate_danger" in case.flags:
		steps.append("Someone may be in danger: call 999 now if you have not already done so.")
	if "under_17" in case.flags:
		steps.append("The person harmed is under 17: contact their parents or guardians as soon as possible.")
	if case.intake_channel in WRITTEN_OR_PHONED:
		steps.append("Contact the person and arrange a time to talk in person within 3 working days.")
	steps += [
		"Offer a quiet, private place to talk, and check whether an interpreter or British Sign Language is "
		"needed.",
		"Explain that we keep things confidential wherever we can, but may not be able to if the complaint "
		"is serious or someone is at risk, and tick the box on the case to say you have told them.",
		"Tell the person what will happen next.",
	]
	return [
		Notification(
			(receiving_officer(case),),
			f"What to do now for complaint {case.label}",
			"\n".join(f"- {step}" for step in steps),
		)
	]


def quarterly_return(case: CaseSnapshot) -> list[Notification]:
	"""SOM-20 and SOM-2: each department's HR officer sends a quarterly return to the County HR Officer."""
	quarter = financial_quarter(case.received_on)
	hr_officer = directorate_hr_officer(case, "sends the department's quarterly return (SOM-20)")
	department = f"the {case.directorate} " if case.directorate else "your "
	return [
		Notification(
			(hr_officer,),
			f"Case {case.label} for the quarterly return",
			f"Case {case.label} was recorded on {case.received_on:%-d %B %Y}. Include it in {department}"
			f"return to the County HR Officer for {quarter}.",
		)
	]


def keep_informed(case: CaseSnapshot, stage: str) -> list[Notification]:
	"""SOM-14: the complainant is kept informed at every stage."""
	if case.case_type is not CaseType.COMPLAINT or not case.parties_in(PartyRole.COMPLAINANT):
		return []
	news = STAGE_NEWS.get(stage, f"Your complaint has moved on to a new stage: {stage}.")
	return [
		Notification(
			(Recipient.party(PartyRole.COMPLAINANT, "kept informed at every stage (SOM-14)"),),
			f"An update on your complaint {case.label}",
			f"{news}\n\n{UNHAPPY}",
		)
	]


def actions_to_take(case: CaseSnapshot, stage: str) -> list[Notification]:
	"""SOM-15: what the manager must do, whatever else they decide."""
	if case.procedure != PUBLIC_COMPLAINT or stage not in ACTION_STAGES:
		return []
	return [
		Notification(
			(
				Recipient.role(roles.LINE_MANAGER, "leads the case (SOM-15)"),
				Recipient.role(roles.CASE_OFFICER, "advises on the case (SOM-15)"),
			),
			f"Actions you must take on case {case.label}",
			"- Keep the person harmed away from the alleged perpetrator, where that is appropriate.\n"
			"- Write an action plan with clear dates and who does each action, and record it under Actions.\n"
			"You may also seek an apology, put right a disadvantage, warn the alleged perpetrator in "
			"writing, arrange training, withdraw or move a service, arrange mediation, or refer the person "
			"to an outside organisation if they agree.",
		)
	]


def satisfaction_questionnaire(case: CaseSnapshot) -> list[Notification]:
	"""SOM-2: after a complaint about an employee, the HR officer organises a satisfaction questionnaire."""
	if case.procedure != PUBLIC_COMPLAINT or not subject_kinds(case) & STAFF:
		return []
	hr_officer = directorate_hr_officer(case, "organises the satisfaction questionnaire (SOM-2)")
	return [
		Notification(
			(hr_officer,),
			f"Satisfaction questionnaire for case {case.label}",
			f"Case {case.label} is closed. Please send the complainant the follow-up questionnaire about how "
			"their complaint was handled.",
		)
	]
