"""The deadlines of the formal procedure, measured between the workflow's moves and the meetings recorded as held
(FHB-4, FHB-5, FHB-8, FHB-10, FHB-12)."""

from __future__ import annotations

import dataclasses

from fairness_app.procedure.clocks import ClockRule, ClockUnit
from fairness_app.procedure.snapshots import CaseSnapshot
from fairness_er_consultant.procedure import (
	EVENT_ACKNOWLEDGED,
	EVENT_APPEAL_HEARING_HELD,
	EVENT_APPEAL_RECEIVED,
	EVENT_CLOSED,
	EVENT_COMPLAINT_MEETING_ARRANGED,
	EVENT_COMPLAINT_MEETING_HELD,
	EVENT_DECISION_SENT,
	EVENT_INVESTIGATION_INTERVIEW_HELD,
	EVENT_INVESTIGATION_STARTED,
	EVENT_MADE_FORMAL,
	EVENT_RECEIVED,
	INFORMAL,
	applies,
)
from fairness_er_consultant.routing import is_grievance

ACKNOWLEDGEMENT = ClockRule(
	key="cf1_acknowledgement",
	label="Acknowledge form CF1 in writing and send it to the HR Service Desk",
	length=2,
	unit=ClockUnit.WORKING_DAYS,
	starts_on=EVENT_RECEIVED,
	stops_on=(EVENT_ACKNOWLEDGED,),
	requirement="FHB-4",
	complainant_text="Your manager will write to you within 2 working days to say they have your form.",
)

# FHB-4 for a complaint that started informal: form CF1 arrives when it is made formal, so the 2 working days count
# from then. It never starts on a complaint that was formal from the start, as that is never "made formal".
ACKNOWLEDGEMENT_ONCE_FORMAL = dataclasses.replace(
	ACKNOWLEDGEMENT, key="cf1_acknowledgement_once_formal", starts_on=EVENT_MADE_FORMAL
)

COMPLAINT_MEETING = ClockRule(
	key="formal_complaint_meeting",
	label="Arrange the formal complaint meeting",
	length=10,
	unit=ClockUnit.WORKING_DAYS,
	starts_on=EVENT_ACKNOWLEDGED,
	stops_on=(EVENT_COMPLAINT_MEETING_ARRANGED,),
	requirement="FHB-5",
	complainant_text=(
		"An ER consultant will look at your complaint. A formal complaint meeting will normally be arranged "
		"within 10 working days of the letter saying we have your form."
	),
)

# FHB-8: a decision given at the meeting is confirmed in writing within 2 working days. A meeting that adjourns
# for an investigation gives no decision, so starting the investigation also stops this clock.
WRITTEN_CONFIRMATION = ClockRule(
	key="written_confirmation",
	label="Confirm the decision given at the formal complaint meeting in writing",
	length=2,
	unit=ClockUnit.WORKING_DAYS,
	starts_on=EVENT_COMPLAINT_MEETING_HELD,
	stops_on=(EVENT_DECISION_SENT, EVENT_INVESTIGATION_STARTED),
	requirement="FHB-8",
	complainant_text=(
		"If a decision is given at the formal complaint meeting, we will confirm it to you in writing within 2 "
		"working days."
	),
)

# FHB-10: the investigating officer meets the employee within 10 working days; the ER consultant's contact is
# when the investigation starts.
INVESTIGATION_INTERVIEW = ClockRule(
	key="investigation_interview",
	label="Investigating officer to meet the employee",
	length=10,
	unit=ClockUnit.WORKING_DAYS,
	starts_on=EVENT_INVESTIGATION_STARTED,
	stops_on=(EVENT_INVESTIGATION_INTERVIEW_HELD,),
	requirement="FHB-10",
	complainant_text="The investigating officer will meet you within 10 working days of the investigation starting.",
)

# FHB-12: the appeal decision, usually within 5 working days of the hearing; the final decision closes the case.
APPEAL_DECISION = ClockRule(
	key="appeal_decision",
	label="Decide the appeal, or tell the employee why it will take longer and when to expect it",
	length=5,
	unit=ClockUnit.WORKING_DAYS,
	starts_on=EVENT_APPEAL_HEARING_HELD,
	stops_on=(EVENT_CLOSED,),
	requirement="FHB-12",
	complainant_text=(
		"The manager who heard your appeal will usually decide within 5 working days of the hearing. If it will "
		"take longer, we will tell you why and when to expect the decision."
	),
)

# The employee's window to appeal, so that the outcome letter and the case form give its last day.
CF2_APPEAL = ClockRule(
	key="cf2_appeal",
	label="Time for the employee to appeal on form CF2",
	length=5,
	unit=ClockUnit.WORKING_DAYS,
	starts_on=EVENT_DECISION_SENT,
	stops_on=(EVENT_APPEAL_RECEIVED,),
	requirement="FHB-12",
	complainant_text=(
		"If you are not happy with the decision, you can appeal: fill in form CF2, saying why, and send it "
		"within 5 working days of getting the decision letter. After that the decision stands."
	),
	party_window=True,
)


AFTER_THE_MEETING = (WRITTEN_CONFIRMATION, INVESTIGATION_INTERVIEW, CF2_APPEAL, APPEAL_DECISION)


def clock_rules(case: CaseSnapshot) -> list[ClockRule] | None:
	if not applies(case):
		return None
	if is_grievance(case):
		return []  # FHB-2: referred to the Grievance procedure, which keeps its own timetable
	if case.formality == INFORMAL:
		# FHB-1: no form CF1 yet, so nothing to acknowledge; the meeting clock starts when it is acknowledged.
		return [COMPLAINT_MEETING, *AFTER_THE_MEETING]
	return [ACKNOWLEDGEMENT, ACKNOWLEDGEMENT_ONCE_FORMAL, COMPLAINT_MEETING, *AFTER_THE_MEETING]
