"""Checks on every move of a case: nobody moves a case involving someone they have declared an interest in,
or that they are part of (KEN-10), and an incident's risk assessment is reviewed before actions are agreed
(KEN-5)."""

from __future__ import annotations

from fairness_app.plugins import hookimpl
from fairness_app.procedure.snapshots import CaseSnapshot, Transition

from fairness_kent.routing import is_kent_incident

# States of the third_party_incident procedure (fairness_app/workflows/templates/third_party_incident.json).
MEETING_HELD = "Manager meeting held"
RISK_REVIEWED = "Risk assessment reviewed"
ACTIONS_AGREED = "Actions agreed"
REVIEW_ACTION = "Record risk assessment review"


def conflict_refusal(case: CaseSnapshot, user: str) -> str | None:
	"""KEN-10: the declarations of interest work as a conflict register for everyone who acts on a case."""
	if user in case.conflicted_users:
		return (
			"You have declared an interest involving someone in this case, so you cannot take it forward. "
			"Nothing has been changed. Please ask the next manager up, or your Personnel team, "
			"to take this step."
		)
	if any(party.user == user for party in case.parties):
		return (
			"You are one of the people involved in this case, so you cannot take it forward. "
			"Nothing has been changed. Please ask the next manager up, or your Personnel team, "
			"to take this step."
		)
	return None


def risk_review_refusal(case: CaseSnapshot, transition: Transition) -> str | None:
	"""KEN-5: the meeting decides the level of risk; the risk assessment is reviewed before actions are
	agreed."""
	if not is_kent_incident(case):
		return None
	if transition.from_state == MEETING_HELD and transition.to_state == ACTIONS_AGREED:
		return (
			"The risk assessment needs to be reviewed before actions are agreed: look at what has happened "
			"before with this person, the case notes and what would keep the member of staff safe. "
			f"Choose '{REVIEW_ACTION}' first, then agree the actions."
		)
	return None


class KentChecks:
	@hookimpl
	def fairness_validate_transition(self, case: CaseSnapshot, transition: Transition) -> str | None:
		return conflict_refusal(case, transition.user) or risk_review_refusal(case, transition)
