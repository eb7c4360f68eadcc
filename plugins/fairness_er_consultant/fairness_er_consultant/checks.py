"""Moves the formal procedure refuses: starting it before the complaint is formal (FHB-1), and an appeal
arranged or decided by someone already involved in the complaint (FHB-12)."""

from __future__ import annotations

from fairness_app.procedure.routes import first_manager_not_involved
from fairness_app.procedure.snapshots import CaseSnapshot, Transition
from fairness_er_consultant.procedure import ACKNOWLEDGED, APPEAL_MEETING, FORMAL, RECEIVED, applies

NOT_YET_FORMAL = (
	"This complaint is not recorded as formal yet, so the formal procedure cannot start. It is used only "
	"when informal ways of sorting things out have been tried, or an ER consultant agrees they would not "
	"work (for example, for very serious or sexual allegations). Speak to an ER consultant, then set "
	"'Informal or formal' to Formal and try again."
)

INVOLVED_IN_APPEAL = (
	"You cannot arrange or decide this appeal because you have already been involved in the complaint: you "
	"are named in it, you received the complaint form, or you have declared a conflict of interest. The "
	"appeal must be heard by a manager who has not been involved before. Ask an ER consultant to find "
	"another manager."
)


def refusal(case: CaseSnapshot, transition: Transition) -> str | None:
	if not applies(case):
		return None
	if (transition.from_state, transition.to_state) == (RECEIVED, ACKNOWLEDGED) and case.formality != FORMAL:
		return NOT_YET_FORMAL
	if APPEAL_MEETING in (transition.from_state, transition.to_state) and transition.user in involved(case):
		return INVOLVED_IN_APPEAL
	return None


def involved(case: CaseSnapshot) -> frozenset[str]:
	"""Who has been involved so far, as far as a snapshot tells: the parties, anyone with a declared conflict,
	and the manager who received form CF1 (FHB-3)."""
	cf1_manager = first_manager_not_involved(case)
	return case.involved_users() | ({cf1_manager} if cf1_manager else set())
