"""SOM-4: informal or formal, and the move must match what the case records."""

import pytest
from fairness_somerset import Somerset

from fairness_app.procedure.defaults import PUBLIC_COMPLAINT, STAFF_COMPLAINT
from fairness_app.procedure.snapshots import Transition
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
