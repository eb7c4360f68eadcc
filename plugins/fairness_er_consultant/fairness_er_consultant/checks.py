"""Moves the formal procedure refuses: starting it before the complaint is formal (FHB-1), an appeal that arrived
after the 5 working days for appealing, and an appeal arranged or decided by someone already involved in the
complaint: named in it, with a declared interest, the manager who received the form, its investigator, the chair
of its complaint meeting or the manager who sent the decision (FHB-12)."""

from __future__ import annotations

from datetime import date

from fairness_app.procedure.calendar import as_date
from fairness_app.procedure.independence import earlier_part
from fairness_app.procedure.routes import first_manager_not_involved
from fairness_app.procedure.snapshots import CaseSnapshot, TeamRole, Transition
from fairness_er_consultant.clocks import CF2_APPEAL
from fairness_er_consultant.procedure import (
	ACKNOWLEDGED,
	APPEAL,
	APPEAL_MEETING,
	DECISION_SENT,
	FORMAL,
	RECEIVED,
	applies,
)

NOT_YET_FORMAL = (
	"This complaint is not recorded as formal yet, so the formal procedure cannot start. It is used only "
	"when informal ways of sorting things out have been tried, or an ER consultant agrees they would not "
	"work (for example, for very serious or sexual allegations). Speak to an ER consultant, then set "
	"'Informal or formal' to Formal and try again."
)

LATE_APPEAL = (
	"This appeal cannot be accepted. Form CF2 arrived on {arrived}, but the last day to appeal was {last_day}: "
	"5 working days after the decision letter. After that the decision stands. Choose 'No appeal' to close the "
	"case, and write to the employee to explain. If the form in fact arrived earlier, enter the day it arrived "
	"under 'Appeal received on' and try again."
)

INVOLVED_IN_APPEAL = (
	"You cannot arrange or decide this appeal because you have already been involved in the complaint: you "
	"are named in it, you received the complaint form, or you have declared a conflict of interest. "
)
TOOK_PART_BEFORE = "You cannot arrange or decide this appeal because you {part}. "
NEW_APPEAL_MANAGER = (
	"The appeal must be heard by a manager who has not been involved before. Ask an ER consultant to find "
	"another manager."
)
# The parts in the complaint that rule a manager out of hearing its appeal: investigating it, chairing the
# complaint meeting, or deciding it.
EARLIER_TEAM_ROLES = (TeamRole.INVESTIGATOR, TeamRole.COMPLAINT_CHAIR)
DECIDING_STAGES = (DECISION_SENT,)


def refusal(case: CaseSnapshot, transition: Transition) -> str | None:
	if not applies(case):
		return None
	if (transition.from_state, transition.to_state) == (RECEIVED, ACKNOWLEDGED) and case.formality != FORMAL:
		return NOT_YET_FORMAL
	if transition.to_state == APPEAL:
		return late_appeal(case, transition)
	if APPEAL_MEETING in (transition.from_state, transition.to_state):
		return involvement(case, transition.user)
	return None


def involvement(case: CaseSnapshot, user: str) -> str | None:
	"""Why `user` may not arrange or decide the appeal (FHB-12), or None when they are new to the complaint."""
	if user in involved(case):
		return INVOLVED_IN_APPEAL + NEW_APPEAL_MANAGER
	part = earlier_part(case, user, team_roles=EARLIER_TEAM_ROLES, stages=DECIDING_STAGES)
	return TOOK_PART_BEFORE.format(part=part) + NEW_APPEAL_MANAGER if part else None


def late_appeal(case: CaseSnapshot, transition: Transition) -> str | None:
	"""FHB-12: an appeal on form CF2 more than 5 working days after the decision letter is refused. The appeal
	arrived on the day the case records, or else on the day it is entered."""
	window = case.deadline(CF2_APPEAL.key)
	arrived = case.appeal_received_on or (as_date(transition.at) if transition.at else None)
	if window is None or arrived is None or not window.is_late(arrived):
		return None
	return LATE_APPEAL.format(arrived=_day(arrived), last_day=_day(window.due))


def _day(day: date) -> str:
	return f"{as_date(day):%A %-d %B %Y}"


def involved(case: CaseSnapshot) -> frozenset[str]:
	"""Who has been involved so far, as far as a snapshot tells: the parties, anyone with a declared conflict,
	and the manager who received form CF1 (FHB-3)."""
	cf1_manager = first_manager_not_involved(case)
	return case.involved_users() | ({cf1_manager} if cf1_manager else set())
