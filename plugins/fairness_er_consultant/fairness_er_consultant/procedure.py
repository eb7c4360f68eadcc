"""The names this plugin shares with the app's "er_consultant_formal" workflow template (states and the case
events entering them raise), and the few plain-English words every module uses."""

from __future__ import annotations

from fairness_app import roles
from fairness_app.procedure.decisions import Recipient
from fairness_app.procedure.meetings import MeetingType
from fairness_app.procedure.snapshots import MADE_FORMAL, CaseSnapshot

PROCEDURE = "er_consultant_formal"

# Workflow states (fairness_app/workflows/templates/er_consultant_formal.json).
RECEIVED = "Received"
ACKNOWLEDGED = "Acknowledged"
COMPLAINT_MEETING = "Complaint meeting"
INVESTIGATION = "Investigation"
DECISION_SENT = "Decision sent"
APPEAL = "Appeal"
APPEAL_MEETING = "Appeal meeting"
CLOSED = "Closed"
WITHDRAWN = "Withdrawn"

# The case events those states raise, and those of meetings held: clocks start and stop on these only.
EVENT_RECEIVED = "received"
EVENT_ACKNOWLEDGED = "acknowledged"
EVENT_COMPLAINT_MEETING_ARRANGED = "complaint_meeting_arranged"
EVENT_DECISION_SENT = "decision_sent"
EVENT_INVESTIGATION_STARTED = "investigation_started"
EVENT_APPEAL_RECEIVED = "appeal_received"
EVENT_CLOSED = "closed"

# The case events raised when a meeting of each kind is recorded as held.
EVENT_COMPLAINT_MEETING_HELD = MeetingType.FORMAL_COMPLAINT.held_event
EVENT_INVESTIGATION_INTERVIEW_HELD = MeetingType.INVESTIGATION_INTERVIEW.held_event
EVENT_APPEAL_HEARING_HELD = MeetingType.APPEAL_HEARING.held_event

# Raised when a complaint recorded as informal is set to formal.
EVENT_MADE_FORMAL = MADE_FORMAL

FORMAL = "formal"
INFORMAL = "informal"

# The central team the site configures for the HR Service Desk (FHB-4).
HR_SERVICE_DESK = "hr_service_desk"

# ER consultants hold the case officer role on this council's sites.
ER_CONSULTANTS = roles.CASE_OFFICER

BEHAVIOUR_WORDS = {
	"bullying": "bullying",
	"harassment": "harassment",
	"victimisation": "victimisation",
	"discrimination": "discrimination",
	"abuse_or_violence": "abuse or violence",
	"other": "other behaviour at work",
}
# Grounds that say nothing about what the complaint is about.
NO_GROUND = {"other", "not_related_to_a_protected_characteristic"}


def applies(case: CaseSnapshot) -> bool:
	return case.procedure == PROCEDURE


def er_consultants(why: str) -> Recipient:
	return Recipient.role(ER_CONSULTANTS, why)


def nature_of(case: CaseSnapshot) -> str:
	"""What the complaint is about in categories only ("bullying and harassment, related to race"): the plugin
	never receives the complaint's own words, so it cannot pass them on."""
	behaviours = [BEHAVIOUR_WORDS.get(key, key.replace("_", " ")) for key in case.behaviours]
	grounds = [key.replace("_", " ") for key in case.grounds if key not in NO_GROUND]
	about = _join(behaviours) or "behaviour at work"
	return f"{about}, related to {_join(grounds)}" if grounds else about


def _join(words: list[str]) -> str:
	if len(words) < 2:
		return "".join(words)
	return ", ".join(words[:-1]) + f" and {words[-1]}"
