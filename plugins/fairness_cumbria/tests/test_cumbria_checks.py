"""Moves of a Cumbria incident the policy forbids: agreeing actions before the risk assessment review
(CUM-10), a service withdrawn by anyone but an Assistant Director (CUM-7), and moving on from the debrief
before the form says what kind of abuse it was (CUM-2, CUM-4, CUM-6, CUM-11)."""

from __future__ import annotations

import dataclasses

import pytest
from fairness_cumbria import Cumbria

from fairness_app import roles
from fairness_app.procedure.snapshots import Transition
from fairness_app.testing import make_case, make_party, plugin_manager

PLUGINS = plugin_manager(Cumbria())
MANAGER = frozenset({roles.LINE_MANAGER})
ASSISTANT_DIRECTOR = frozenset({roles.LINE_MANAGER, roles.ASSISTANT_DIRECTOR})

RECORD_MEETING = ("Record manager meeting", "Reported", "Manager meeting held")
REVIEW_RISK = ("Record risk assessment review", "Manager meeting held", "Risk assessment reviewed")
SKIP_REVIEW = ("Agree actions", "Manager meeting held", "Actions agreed")
AGREE_ACTIONS = ("Agree actions", "Risk assessment reviewed", "Actions agreed")
CLOSE = ("Close", "Actions agreed", "Closed")


def incident(flags=(), behaviours=("verbal_abuse",), grounds=(), procedure="third_party_incident"):
	parties = [
		make_party("victim", "employee", user="staff", manager_chain=("manager",)),
		make_party("subject", "service_user"),
	]
	return make_case(
		case_type="incident",
		procedure=procedure,
		parties=parties,
		flags=flags,
		behaviours=behaviours,
		grounds=grounds,
	)


def refusals(case, move, user_roles=MANAGER) -> list[str]:
	action, from_state, to_state = move
	transition = Transition(action, from_state, to_state, user="manager", user_roles=user_roles)
	return [veto.message for veto in PLUGINS.validate_transition(case, transition)]


@pytest.mark.req("CUM-10")
def test_actions_cannot_be_agreed_before_the_risk_assessment_is_reviewed():
	[message] = refusals(incident(), SKIP_REVIEW)
	assert "Record risk assessment review" in message
	assert refusals(incident(), REVIEW_RISK) == []
	assert refusals(incident(), AGREE_ACTIONS) == []


@pytest.mark.req("CUM-7")
def test_only_an_assistant_director_agrees_actions_that_withdraw_a_service():
	withdrawn = incident(flags={"service_withdrawn"})
	[message] = refusals(withdrawn, AGREE_ACTIONS, MANAGER)
	assert "Assistant Director" in message and "legal services" in message
	assert "untick 'Service withdrawn'" in message
	assert refusals(withdrawn, AGREE_ACTIONS, ASSISTANT_DIRECTOR) == []
	# Reopening a case puts its actions up for agreement again.
	assert refusals(withdrawn, ("Reopen", "Closed", "Actions agreed"), MANAGER)


@pytest.mark.req("CUM-7")
def test_a_manager_agrees_actions_that_keep_the_service_going():
	assert refusals(incident(), AGREE_ACTIONS, MANAGER) == []


@pytest.mark.req("CUM-2", "CUM-6")
def test_the_type_of_abuse_is_recorded_before_moving_on_from_the_debrief():
	unrecorded = incident(behaviours=())
	assert refusals(unrecorded, RECORD_MEETING) == []  # the debrief is where the form is completed
	for move in (REVIEW_RISK, AGREE_ACTIONS, CLOSE):
		[message] = refusals(unrecorded, move)
		assert "Types of abuse" in message


@pytest.mark.req("CUM-4", "CUM-11")
def test_a_hate_incident_records_what_it_was_linked_to():
	unlinked = incident(flags={"hate_incident"}, behaviours=("verbal_abuse",))
	[message] = refusals(unlinked, REVIEW_RISK)
	assert "Linked to" in message
	linked = incident(flags={"hate_incident"}, grounds=("sex_including_misogyny",))
	assert refusals(linked, REVIEW_RISK) == []


@pytest.mark.req("CUM-11", "CUM-4")
@pytest.mark.parametrize(
	"abuse",
	[
		"racial_abuse",
		"disability_related_abuse",
		"homophobic_or_transphobic_abuse",
		"abuse_about_religion_or_belief",
		"other_hate_related_abuse",
	],
)
def test_abuse_that_shows_hostility_to_who_someone_is_is_a_hate_incident(abuse):
	[message] = refusals(incident(behaviours=(abuse,)), AGREE_ACTIONS)
	assert "Tick 'Hate incident'" in message
	assert (
		refusals(incident(flags={"hate_incident"}, behaviours=(abuse,), grounds=("race",)), AGREE_ACTIONS)
		== []
	)


DONE = {"senior_managers_told", "kept_informed"}


@pytest.mark.req("CUM-6", "CUM-9")
def test_an_incident_closes_once_senior_managers_are_told_and_the_member_of_staff_kept_informed():
	[message] = refusals(incident(), CLOSE)
	assert message.startswith("Before closing this incident, tell senior managers about the risk")
	assert "keep them informed" in message and "True Vision" not in message and "employer" not in message
	assert refusals(incident(flags=DONE), CLOSE) == []


@pytest.mark.req("CUM-5", "CUM-11")
def test_a_hate_incident_closes_once_true_vision_is_offered():
	hate = {"hate_incident", *DONE}
	[message] = refusals(incident(flags=hate, grounds=("race",)), CLOSE)
	assert "True Vision route" in message
	assert refusals(incident(flags=hate | {"true_vision_offered"}, grounds=("race",)), CLOSE) == []


@pytest.mark.req("CUM-6")
def test_the_employer_of_someone_from_another_organisation_is_told_before_closing():
	case = incident(flags=DONE)
	case = dataclasses.replace(case, parties=(*case.parties[:1], make_party("subject", "external_employee")))
	[message] = refusals(case, CLOSE)
	assert "tell the employer of the person responsible" in message
	assert refusals(dataclasses.replace(case, flags=DONE | {"employer_told"}), CLOSE) == []


@pytest.mark.req("CUM-2", "CUM-10")
def test_every_problem_is_named_in_one_message():
	[message] = refusals(incident(behaviours=()), SKIP_REVIEW)
	assert "Record risk assessment review" in message and "Types of abuse" in message


@pytest.mark.req("X-5")
def test_complaints_and_other_procedures_are_not_checked():
	move = Transition(*SKIP_REVIEW, user="manager", user_roles=MANAGER)
	assert PLUGINS.validate_transition(make_case(), move) == []
	assert PLUGINS.validate_transition(incident(behaviours=(), procedure="staff_complaint"), move) == []
