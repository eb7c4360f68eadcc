"""Independence: the building block for policies that want a later stage decided by someone with no earlier part in
the case, such as an appeal heard by a manager not previously involved (FHB-12) or an appeal officer who did not
investigate (DER-17). Each council says which parts count; this finds them and puts them in plain words."""

from __future__ import annotations

from collections.abc import Iterable

from fairness_app.procedure.calendar import as_date
from fairness_app.procedure.snapshots import CaseSnapshot, TeamRole

# How a refusal describes each part on the case team, after "You are ...".
TEAM_ROLE_WORDS = {
	TeamRole.HANDLER: "the person handling this case",
	TeamRole.CASE_OFFICER: "this case's case officer",
	TeamRole.MANAGER: "a manager on this case's team",
	TeamRole.INVESTIGATOR: "this case's investigator",
	TeamRole.COMPLAINT_CHAIR: "the chair of this case's complaint meeting",
	TeamRole.APPEAL_OFFICER: "this case's appeal officer",
	TeamRole.RECORDER: "the person who recorded this case",
	TeamRole.KEPT_INFORMED: "kept informed of this case",
}


def earlier_part(
	case: CaseSnapshot, user: str, *, team_roles: Iterable[TeamRole | str] = (), stages: Iterable[str] = ()
) -> str | None:
	"""How `user` has already taken part in the case, in words that follow "You" in a refusal, or None when they
	have not: on the case team in one of `team_roles`, or the person who moved the case into one of `stages` (the
	first such move). Parties and declared interests are `case.involved_users()`, checked separately."""
	for role in map(TeamRole, team_roles):
		if user in case.team_in(role):
			return f"are {TEAM_ROLE_WORDS[role]}"
	stages = set(stages)
	move = next((move for move in case.history if move.by == user and move.to_stage in stages), None)
	if move is not None:
		return f"moved this case to '{move.to_stage}' on {as_date(move.at):%A %-d %B %Y}"
	return None
