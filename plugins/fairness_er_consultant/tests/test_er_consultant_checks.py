"""Moves the formal procedure refuses (FHB-1, FHB-12)."""

from datetime import datetime

import pytest
from fairness_er_consultant import ErConsultant

from fairness_app import roles
from fairness_app.procedure.snapshots import Transition
from fairness_app.testing import make_case, make_party, plugin_manager

PLUGINS = plugin_manager(ErConsultant())
LINE_MANAGER = "lee.manager@council.test"
SUBJECT = "sam.colleague@council.test"
CONFLICTED = "chris.conflicted@council.test"
APPEAL_MANAGER = "alex.director@council.test"

ACKNOWLEDGE = ("Acknowledge formal complaint", "Received", "Acknowledged")
ARRANGE_APPEAL = ("Arrange appeal meeting", "Appeal", "Appeal meeting")
DECIDE_APPEAL = ("Close with final decision", "Appeal meeting", "Closed")


def case(**fields):
	fields.setdefault("procedure", "er_consultant_formal")
	fields.setdefault("formality", "formal")
	parties = [
		make_party("complainant", "employee", user="emma@council.test", manager_chain=(LINE_MANAGER,)),
		make_party("subject", "employee", user=SUBJECT),
	]
	return make_case(parties=parties, conflicted_users={CONFLICTED}, **fields)


def vetoes(snapshot, move, user="officer@council.test", user_roles=(roles.CASE_OFFICER,)):
	action, from_state, to_state = move
	transition = Transition(action, from_state, to_state, user, user_roles, at=datetime(2026, 6, 1, 10))
	return [veto.message for veto in PLUGINS.validate_transition(snapshot, transition)]


@pytest.mark.req("FHB-1")
@pytest.mark.parametrize("formality", ["informal", None])
def test_the_formal_procedure_does_not_start_until_the_complaint_is_formal(formality):
	(message,) = vetoes(case(formality=formality), ACKNOWLEDGE, user=LINE_MANAGER)
	assert "not recorded as formal" in message
	assert "ER consultant" in message and "Formal" in message


@pytest.mark.req("FHB-1")
def test_a_formal_complaint_is_acknowledged():
	assert vetoes(case(), ACKNOWLEDGE, user=LINE_MANAGER) == []


@pytest.mark.req("FHB-12")
@pytest.mark.parametrize(
	"user", [SUBJECT, CONFLICTED, LINE_MANAGER], ids=["named", "conflict", "cf1_manager"]
)
@pytest.mark.parametrize("move", [ARRANGE_APPEAL, DECIDE_APPEAL], ids=["arrange", "decide"])
def test_someone_already_involved_cannot_arrange_or_decide_the_appeal(user, move):
	(message,) = vetoes(case(), move, user=user, user_roles=(roles.APPEAL_OFFICER,))
	assert "manager who has not been involved" in message


@pytest.mark.req("FHB-12")
@pytest.mark.parametrize("move", [ARRANGE_APPEAL, DECIDE_APPEAL], ids=["arrange", "decide"])
def test_a_manager_new_to_the_case_hears_the_appeal(move):
	assert vetoes(case(), move, user=APPEAL_MANAGER, user_roles=(roles.APPEAL_OFFICER,)) == []


@pytest.mark.req("FHB-12")
def test_the_manager_who_received_the_form_may_still_make_earlier_moves():
	assert (
		vetoes(case(), ("Arrange complaint meeting", "Acknowledged", "Complaint meeting"), user=LINE_MANAGER)
		== []
	)


@pytest.mark.req("FHB-1", "FHB-12")
def test_other_procedures_are_not_checked():
	other = case(procedure="staff_complaint", formality="informal")
	assert vetoes(other, ("Acknowledge", "Received", "Acknowledged")) == []
	assert vetoes(other, ("Arrange appeal hearing", "Appeal", "Appeal meeting"), user=SUBJECT) == []
