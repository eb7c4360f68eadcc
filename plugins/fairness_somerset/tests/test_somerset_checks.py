"""The moves the Code refuses: acknowledging before the receiving officer's first duties (SOM-5, SOM-7), a move that
does not match whether the complaint is informal or formal (SOM-4), and an outcome without an action plan (SOM-15)."""

from datetime import date

import pytest
from fairness_somerset import Somerset

from fairness_app.procedure.defaults import PUBLIC_COMPLAINT, STAFF_COMPLAINT
from fairness_app.procedure.snapshots import PlannedAction, Transition
from fairness_app.testing import make_case, plugin_manager

PLUGINS = plugin_manager(Somerset())
TO_INFORMAL = Transition("Resolve informally", "Acknowledged", "Informal resolution", user="manager@x")
TO_FORMAL = Transition("Investigate formally", "Acknowledged", "Formal investigation", user="manager@x")


def refusals(transition, **fields):
	fields.setdefault("procedure", PUBLIC_COMPLAINT)
	return [veto.message for veto in PLUGINS.validate_transition(make_case(**fields), transition)]


@pytest.mark.req("SOM-4")
def test_the_move_matches_the_recorded_formality():
	assert refusals(TO_INFORMAL, formality="informal") == []
	assert refusals(TO_FORMAL, formality="formal") == []


@pytest.mark.req("SOM-4")
def test_a_formal_complaint_cannot_be_resolved_informally():
	[message] = refusals(TO_INFORMAL, formality="formal")
	assert "needs a formal investigation" in message
	assert "change 'Informal or formal' to Informal first" in message


@pytest.mark.req("SOM-4")
def test_an_informal_complaint_is_changed_to_formal_before_the_investigation():
	[message] = refusals(TO_FORMAL, formality="informal")
	assert "change 'Informal or formal' to Formal" in message


@pytest.mark.req("SOM-4")
@pytest.mark.parametrize("transition", [TO_INFORMAL, TO_FORMAL])
def test_formality_is_recorded_before_either_move(transition):
	[message] = refusals(transition, formality=None)
	assert message.startswith("First record whether this complaint is informal or formal")


@pytest.mark.req("SOM-4")
def test_other_moves_and_other_procedures_are_not_checked():
	assert refusals(Transition("Close", "Outcome sent", "Closed", user="officer@x")) == []
	assert refusals(TO_FORMAL, procedure=STAFF_COMPLAINT) == []


ACKNOWLEDGE = Transition("Acknowledge", "Received", "Acknowledged", user="officer@x")
SEND_OUTCOME = Transition("Send outcome", "Formal investigation", "Outcome sent", user="manager@x")
TOLD = {"confidentiality_notice_given", "told_what_happens_next"}


@pytest.mark.req("SOM-5", "SOM-7")
def test_a_complaint_is_acknowledged_once_the_receiving_officer_has_told_them_what_they_must():
	[message] = refusals(ACKNOWLEDGE, intake_channel="letter")
	assert "may not keep things confidential" in message and "told them what happens next" in message
	assert "quiet, private place" not in message  # nobody came in person
	assert refusals(ACKNOWLEDGE, intake_channel="letter", flags=TOLD) == []


@pytest.mark.req("SOM-7")
def test_someone_who_came_in_person_is_offered_a_quiet_place_and_guardians_and_999_are_seen_to():
	[message] = refusals(ACKNOWLEDGE, intake_channel="face_to_face", flags=TOLD | {"under_17", "immediate_danger"})
	for duty in ("quiet, private place", "parents or guardians", "called 999"):
		assert duty in message
	done = TOLD | {"under_17", "immediate_danger", "quiet_space_offered", "guardian_contacted"}
	assert refusals(ACKNOWLEDGE, intake_channel="face_to_face", flags=done | {"emergency_services_called"}) == []


@pytest.mark.req("SOM-15")
def test_the_outcome_waits_for_an_action_plan_unless_the_complaint_was_not_upheld():
	[message] = refusals(SEND_OUTCOME, outcome="upheld")
	assert message.startswith("Write the action plan under Actions before sending the outcome")
	plan = (PlannedAction("keep_the_person_apart_from_the_alleged_perpetrator", "manager@x", date(2026, 4, 8)),)
	assert refusals(SEND_OUTCOME, outcome="upheld", actions=plan) == []
	assert refusals(SEND_OUTCOME, outcome="not_upheld") == []
	assert refusals(ACKNOWLEDGE, procedure=STAFF_COMPLAINT) == []  # the staff policy has its own steps
