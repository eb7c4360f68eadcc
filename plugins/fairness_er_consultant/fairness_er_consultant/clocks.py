"""The deadlines of the formal procedure that the workflow's events can measure (FHB-4, FHB-5, FHB-12)."""

from __future__ import annotations

from fairness_app.procedure.clocks import ClockRule, ClockUnit
from fairness_app.procedure.snapshots import CaseSnapshot
from fairness_er_consultant.procedure import (
	EVENT_ACKNOWLEDGED,
	EVENT_APPEAL_RECEIVED,
	EVENT_COMPLAINT_MEETING_ARRANGED,
	EVENT_DECISION_SENT,
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
)


def clock_rules(case: CaseSnapshot) -> list[ClockRule] | None:
	if not applies(case):
		return None
	if is_grievance(case):
		return []  # FHB-2: referred to the Grievance procedure, which keeps its own timetable
	if case.formality == INFORMAL:
		# FHB-1: no form CF1 yet, so nothing to acknowledge; the meeting clock starts when it is acknowledged.
		return [COMPLAINT_MEETING, CF2_APPEAL]
	return [ACKNOWLEDGEMENT, COMPLAINT_MEETING, CF2_APPEAL]
