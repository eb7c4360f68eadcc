"""KEN-10: nobody moves a case involving someone they have declared an interest in, or that they are part
of; and KEN-5: an incident's risk assessment is reviewed before actions are agreed."""

from datetime import date

import pytest
from fairness_app import roles
from fairness_app.procedure.snapshots import Transition
from fairness_app.testing import make_case, make_party, plugin_manager

from fairness_kent import Kent


def incident(subject_kind="service_user", **fields):
	parties = [
		make_party("victim", "employee", user="sam", manager_chain=("mandy", "director")),
		make_party("subject", subject_kind, user="pat" if subject_kind == "employee" else None),
	]
	return make_case(
		case_type="incident",
		procedure="third_party_incident",
		received_on=date(2026, 5, 1),
		parties=parties,
		**fields,
	)


MEETING = Transition("Record manager meeting", "Reported", "Manager meeting held", user="mandy")
SKIP_RISK = Transition("Agree actions", "Manager meeting held", "Actions agreed", user="mandy")
REVIEW_RISK = Transition(
	"Record risk assessment review", "Manager meeting held", "Risk assessment reviewed", user="mandy"
)
AGREE = Transition("Agree actions", "Risk assessment reviewed", "Actions agreed", user="mandy")


def vetoes(case, transition):
	return [
		(veto.plugin, veto.message) for veto in plugin_manager(Kent()).validate_transition(case, transition)
	]


@pytest.mark.req("KEN-10")
def test_a_manager_who_declared_an_interest_cannot_move_the_case():
	(found,) = vetoes(incident(conflicted_users={"mandy"}), MEETING)
	assert found[0] == "kent"
	assert "declared an interest" in found[1] and "ask the next manager up" in found[1]
	assert vetoes(incident(conflicted_users={"director"}), MEETING) == []


@pytest.mark.req("KEN-10")
def test_the_conflict_check_covers_complaints_too():
	complaint = make_case(conflicted_users={"ivan"}, procedure="staff_complaint")
	move = Transition(
		"Start investigation", "Acknowledged", "Investigation", user="ivan", user_roles={roles.INVESTIGATOR}
	)
	assert len(vetoes(complaint, move)) == 1


@pytest.mark.req("KEN-10")
def test_someone_involved_in_the_case_cannot_move_it():
	case = make_case(parties=[make_party("subject", "employee", user="pat")], procedure="staff_complaint")
	(found,) = vetoes(case, Transition("Close", "Decided", "Closed", user="pat"))
	assert "one of the people involved" in found[1]


@pytest.mark.req("KEN-5")
def test_actions_cannot_be_agreed_before_the_risk_assessment_is_reviewed():
	(found,) = vetoes(incident(), SKIP_RISK)
	assert "risk assessment needs to be reviewed" in found[1]
	assert "Record risk assessment review" in found[1]
	assert vetoes(incident(), REVIEW_RISK) == []
	assert vetoes(incident(), AGREE) == []


@pytest.mark.req("KEN-5", "KEN-1")
def test_an_incident_referred_to_the_harassment_procedure_is_not_held_to_the_risk_review():
	assert vetoes(incident(subject_kind="employee"), SKIP_RISK) == []
