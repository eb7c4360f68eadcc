"""The deadlines of the formal procedure that the workflow's events can measure (FHB-4, FHB-5)."""

from __future__ import annotations

from fairness_app.procedure.clocks import ClockRule, ClockUnit
from fairness_app.procedure.snapshots import CaseSnapshot
from fairness_er_consultant.procedure import (
	EVENT_ACKNOWLEDGED,
	EVENT_COMPLAINT_MEETING_ARRANGED,
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


def clock_rules(case: CaseSnapshot) -> list[ClockRule] | None:
	if not applies(case):
		return None
	if is_grievance(case):
		return []  # FHB-2: referred to the Grievance procedure, which keeps its own timetable
	if case.formality == INFORMAL:
		# FHB-1: no form CF1 yet, so nothing to acknowledge; the meeting clock starts when it is acknowledged.
		return [COMPLAINT_MEETING]
	return [ACKNOWLEDGEMENT, COMPLAINT_MEETING]
