"""Moves Derby's policy forbids: working a complaint that belongs to another procedure (DER-1), handling Stage
One while named in the complaint (DER-7), investigating without independence (DER-9) and hearing an appeal
without it, or after investigating or deciding Stage Two (DER-17). People named in a case, or who have declared
an interest in someone named in it, never work it."""

from __future__ import annotations

from fairness_app.procedure.independence import earlier_part
from fairness_app.procedure.routes import Redirect
from fairness_app.procedure.snapshots import CaseSnapshot, PartyRole, TeamRole, Transition
from fairness_derby.policy import (
	APPEAL_DECIDED,
	APPEAL_HEARING,
	DECISION_SENT,
	HEARING,
	INFORMAL_STAGE,
	INVESTIGATION,
	PUBLIC_COMPLAINT,
	STAFF_COMPLAINT,
	WITHDRAWN,
	is_complaint,
)
from fairness_derby.routing import exemption

# Starting, resuming, re-opening or reporting on the investigation: the investigator's moves.
INVESTIGATOR_STATES = frozenset({INVESTIGATION, HEARING})
APPEAL_STATES = frozenset({APPEAL_HEARING, APPEAL_DECIDED})

NEW_INVESTIGATOR = (
	"The Corporate Personnel Adviser will nominate an investigator who has no direct responsibility for "
	"either party, ideally from another service area (Fairness at Work, paragraph 7.2.5)."
)
NEW_APPEAL_OFFICER = (
	"The appeal goes to the Chief Executive, advised by the Assistant Director (Personnel) or a nominated "
	"personnel officer who has not been involved in the case (paragraphs 7.3.3 to 7.3.8)."
)
NEXT_MANAGER = (
	"The next manager in line, or another manager, should deal with it (Fairness at Work, paragraph 7.1.3)."
)


def transition_refusal(case: CaseSnapshot, transition: Transition) -> str | None:
	if not is_complaint(case) or case.procedure not in (STAFF_COMPLAINT, PUBLIC_COMPLAINT):
		return None
	redirect = exemption(case)
	if redirect is not None:
		return _referral_only(redirect, transition)
	if case.procedure != STAFF_COMPLAINT:
		return None
	if transition.to_state == INFORMAL_STAGE:
		return _involvement(case, transition.user, "handle this complaint informally", NEXT_MANAGER)
	if transition.to_state in INVESTIGATOR_STATES:
		return _independence(
			case, transition.user, "carry out or report on the formal investigation", NEW_INVESTIGATOR
		)
	if transition.to_state in APPEAL_STATES:
		task = "hear or decide the appeal"
		return _independence(case, transition.user, task, NEW_APPEAL_OFFICER) or _stage_two_part(
			case, transition.user, task
		)
	return None


def _stage_two_part(case: CaseSnapshot, user: str, task: str) -> str | None:
	"""Whoever investigated the complaint or decided Stage Two cannot hear its appeal (DER-17)."""
	part = earlier_part(case, user, team_roles=(TeamRole.INVESTIGATOR,), stages=(DECISION_SENT,))
	return f"You {part}, so you cannot {task}. {NEW_APPEAL_OFFICER}" if part else None


def _referral_only(redirect: Redirect, transition: Transition) -> str | None:
	if transition.to_state == WITHDRAWN:
		return None
	return (
		f"This complaint is not dealt with under Fairness at Work: it goes to {redirect.procedure_name}. "
		f"{redirect.reason} Refer it there, then close it here with 'Withdraw', giving the referral as the "
		"reason."
	)


def _involvement(case: CaseSnapshot, user: str, task: str, instead: str) -> str | None:
	"""Why someone named in the case, or with a declared interest, may not do `task`; None when neither."""
	if user in {party.user for party in case.parties if party.user}:
		return f"You are named in this complaint, so you cannot {task}. {instead}"
	if user in case.conflicted_users:
		interest = "You have declared an interest in someone named in this complaint"
		return f"{interest}, so you cannot {task}. {instead}"
	return None


def _independence(case: CaseSnapshot, user: str, task: str, instead: str) -> str | None:
	"""As _involvement, and nor may the line manager of the complainant or of anyone complained about."""
	if refusal := _involvement(case, user, task, instead):
		return refusal
	for role, who in (
		(PartyRole.COMPLAINANT, "the complainant"),
		(PartyRole.SUBJECT, "a person complained about"),
	):
		if any(party.line_manager == user for party in case.parties_in(role)):
			return f"You manage {who} directly, so you cannot {task}. {instead}"
	return None
