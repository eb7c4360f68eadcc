"""Moves Derby refuses: working a referred complaint (DER-1), Stage One by someone named in it (DER-7), an
investigator (DER-9) or appeal officer (DER-17) who is not independent of the parties, and an appeal heard by
whoever investigated or decided Stage Two (DER-17)."""

from datetime import datetime

import pytest
from fairness_derby import Derby

from fairness_app import roles
from fairness_app.procedure.snapshots import StageMove, TeamMember, TeamRole, Transition
from fairness_app.testing import make_case, make_party, plugin_manager

PLUGINS = plugin_manager(Derby())


def staff_case(subject="employee", **fields):
	fields.setdefault("procedure", "staff_complaint")
	return make_case(
		parties=[
			make_party("complainant", "employee", user="clare", manager_chain=("mina", "nadia")),
			make_party("subject", subject, user="sam", manager_chain=("mo", "nadia")),
			make_party("witness", "employee", user="wes", manager_chain=("wanda",)),
		],
		**fields,
	)


def move(to_state, user, from_state="Acknowledged", action="Move", case=None):
	transition = Transition(action, from_state, to_state, user, frozenset({roles.LINE_MANAGER}))
	return [veto.message for veto in PLUGINS.validate_transition(case or staff_case(), transition)]


@pytest.mark.req("DER-9")
@pytest.mark.parametrize("to_state", ["Investigation", "Hearing"])
@pytest.mark.parametrize(
	"user, why",
	[
		("mina", "You manage the complainant directly"),
		("mo", "You manage a person complained about directly"),
		("sam", "You are named in this complaint"),
		("clare", "You are named in this complaint"),
	],
)
def test_an_investigator_with_direct_responsibility_for_either_party_is_refused(to_state, user, why):
	[message] = move(to_state, user)
	assert message.startswith(why)
	assert "carry out or report on the formal investigation" in message
	assert "nominate an investigator who has no direct responsibility for either party" in message


@pytest.mark.req("DER-9")
def test_an_investigator_who_declared_an_interest_in_a_party_is_refused():
	[message] = move("Investigation", "ivan", case=staff_case(conflicted_users={"ivan"}))
	assert message.startswith("You have declared an interest in someone named in this complaint")


@pytest.mark.req("DER-9")
@pytest.mark.parametrize("user", ["ivan", "nadia", "wanda"])
def test_an_investigator_from_elsewhere_may_investigate(user):
	# nadia manages both managers, not the parties themselves; wanda manages only a witness.
	assert move("Investigation", user) == []
	assert move("Hearing", user, from_state="Investigation") == []


@pytest.mark.req("DER-17")
@pytest.mark.parametrize("to_state", ["Appeal hearing", "Appeal decided"])
@pytest.mark.parametrize("user", ["mina", "mo", "sam"])
def test_nobody_named_in_the_case_or_managing_a_party_hears_the_appeal(to_state, user):
	[message] = move(to_state, user, from_state="Appeal")
	assert "so you cannot hear or decide the appeal" in message
	assert "The appeal goes to the Chief Executive" in message


@pytest.mark.req("DER-17")
def test_the_chief_executive_hears_the_appeal():
	assert move("Appeal hearing", "chief_executive", from_state="Appeal") == []
	[message] = move(
		"Appeal decided", "chief_executive", case=staff_case(conflicted_users={"chief_executive"})
	)
	assert "declared an interest" in message


@pytest.mark.req("DER-7")
def test_the_alleged_harasser_cannot_handle_stage_one_but_the_complainants_manager_can():
	[message] = move("Informal stage", "sam", from_state="Received")
	assert message.startswith(
		"You are named in this complaint, so you cannot handle this complaint informally."
	)
	assert "next manager in line" in message
	assert move("Informal stage", "mina", from_state="Received") == []


@pytest.mark.req("DER-1")
def test_a_referred_complaint_can_only_be_closed_here():
	referred = staff_case(subject="service_user")
	[message] = move("Acknowledged", "ivan", from_state="Received", case=referred)
	assert (
		"not dealt with under Fairness at Work: it goes to the Abuse, Aggression and Violence Code" in message
	)
	assert "close it here with 'Withdraw'" in message
	assert move("Withdrawn", "ivan", from_state="Received", action="Withdraw", case=referred) == []


@pytest.mark.req("DER-1")
def test_a_referred_public_complaint_can_only_be_closed_here():
	case = make_case(
		procedure="public_complaint",
		parties=[
			make_party("complainant", "member_of_public"),
			make_party("subject", "employee", user="sam"),
		],
	)
	[message] = move("Acknowledged", "ivan", from_state="Received", case=case)
	assert "the Corporate Complaints Procedure" in message


def test_other_moves_and_other_procedures_are_allowed():
	assert move("Decision sent", "mina", from_state="Hearing") == []
	assert move("Investigation", "mina", case=staff_case(procedure="er_consultant_formal")) == []
	assert move("Manager meeting held", "mina", case=make_case(case_type="incident")) == []


def decided_case(**fields):
	"""Stage Two investigated by ivan and decided by the Chief Officer, cora."""
	return staff_case(
		team=[TeamMember("ivan", TeamRole.INVESTIGATOR), TeamMember("pat", TeamRole.CASE_OFFICER)],
		history=[
			StageMove("Acknowledged", "Investigation", by="cora", at=datetime(2026, 5, 4, 10)),
			StageMove("Hearing", "Decision sent", by="cora", at=datetime(2026, 7, 6, 15)),
			StageMove("Decision sent", "Appeal", by="pat", at=datetime(2026, 7, 14, 9)),
		],
		**fields,
	)


@pytest.mark.req("DER-17")
@pytest.mark.parametrize("to_state", ["Appeal hearing", "Appeal decided"])
@pytest.mark.parametrize(
	"user, part",
	[("ivan", "You are this case's investigator"), ("cora", "You moved this case to 'Decision sent' on Monday 6 July")],
)
def test_whoever_investigated_or_decided_stage_two_cannot_hear_the_appeal(to_state, user, part):
	[message] = move(to_state, user, from_state="Appeal", case=decided_case())
	assert message.startswith(part)
	assert "so you cannot hear or decide the appeal" in message
	assert "has not been involved in the case" in message


@pytest.mark.req("DER-17")
def test_the_personnel_officer_who_administered_stage_two_may_arrange_the_appeal_hearing():
	assert move("Appeal hearing", "pat", from_state="Appeal", case=decided_case()) == []
	assert move("Appeal hearing", "chief_executive", from_state="Appeal", case=decided_case()) == []
