"""The independence building block: who has already taken part in a case, in words a refusal can use (FHB-12,
DER-17)."""

from datetime import datetime

import pytest

from fairness_app.procedure.independence import TEAM_ROLE_WORDS, earlier_part
from fairness_app.procedure.snapshots import StageMove, TeamMember, TeamRole
from fairness_app.testing import make_case

CASE = make_case(
	team=[TeamMember("ivy", "investigator"), TeamMember("olly", TeamRole.CASE_OFFICER)],
	history=[
		StageMove("Received", "Acknowledged", by="olly", at=datetime(2026, 4, 2, 9)),
		StageMove("Hearing", "Decision sent", by="dee", at=datetime(2026, 6, 5, 14)),
		StageMove("Appeal", "Decision sent", by="dee", at=datetime(2026, 7, 1, 10)),
	],
)


def test_the_snapshot_tells_who_holds_each_part_and_who_made_each_move():
	assert CASE.team_in(TeamRole.INVESTIGATOR) == {"ivy"}
	assert CASE.team_in("investigator", "case_officer") == {"ivy", "olly"}
	assert CASE.team_in(TeamRole.APPEAL_OFFICER) == frozenset()
	assert CASE.moved_into("Decision sent") == {"dee"}
	assert CASE.moved_into("Acknowledged", "Decision sent") == {"olly", "dee"}
	assert CASE.moved_into("Closed") == frozenset()


@pytest.mark.req("FHB-12", "DER-17")
def test_a_part_on_the_team_is_named():
	assert earlier_part(CASE, "ivy", team_roles=[TeamRole.INVESTIGATOR]) == "are this case's investigator"


@pytest.mark.req("FHB-12", "DER-17")
def test_a_deciding_move_is_named_with_its_first_day():
	part = earlier_part(CASE, "dee", stages=["Decision sent"])
	assert part == "moved this case to 'Decision sent' on Friday 5 June 2026"


@pytest.mark.req("FHB-12", "DER-17")
def test_only_the_parts_a_council_names_count():
	# The case officer acknowledged the case and is on its team, but neither part was asked about.
	assert earlier_part(CASE, "olly", team_roles=[TeamRole.INVESTIGATOR], stages=["Decision sent"]) is None
	assert earlier_part(CASE, "ivy", stages=["Decision sent"]) is None
	assert earlier_part(CASE, "newcomer", team_roles=list(TeamRole), stages=["Acknowledged"]) is None


def test_every_part_on_a_team_has_words():
	assert set(TEAM_ROLE_WORDS) == set(TeamRole)


def test_an_unknown_part_is_an_error_in_the_plugin():
	with pytest.raises(ValueError):
		earlier_part(CASE, "ivy", team_roles=["detective"])
