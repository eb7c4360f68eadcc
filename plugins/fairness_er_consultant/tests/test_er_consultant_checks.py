"""Moves the formal procedure refuses (FHB-1, FHB-12)."""

from datetime import date, datetime

import pytest
from fairness_er_consultant import ErConsultant
from fairness_er_consultant.clocks import CF2_APPEAL

from fairness_app import roles
from fairness_app.procedure.snapshots import StageMove, TeamMember, Transition
from fairness_app.testing import make_case, make_deadline, make_party, plugin_manager

PLUGINS = plugin_manager(ErConsultant())
LINE_MANAGER = "lee.manager@council.test"
SUBJECT = "sam.colleague@council.test"
CONFLICTED = "chris.conflicted@council.test"
APPEAL_MANAGER = "alex.director@council.test"

ACKNOWLEDGE = ("Acknowledge formal complaint", "Received", "Acknowledged")
ARRANGE_APPEAL = ("Arrange appeal meeting", "Appeal", "Appeal meeting")
DECIDE_APPEAL = ("Close with final decision", "Appeal meeting", "Closed")
APPEAL_RECEIVED = ("Appeal received", "Decision sent", "Appeal")
NO_APPEAL = ("No appeal", "Decision sent", "Closed")


def case(**fields):
	fields.setdefault("procedure", "er_consultant_formal")
	fields.setdefault("formality", "formal")
	parties = [
		make_party("complainant", "employee", user="emma@council.test", manager_chain=(LINE_MANAGER,)),
		make_party("subject", "employee", user=SUBJECT),
	]
	return make_case(parties=parties, conflicted_users={CONFLICTED}, **fields)


def vetoes(
	snapshot, move, user="officer@council.test", user_roles=(roles.CASE_OFFICER,), at=datetime(2026, 6, 1, 10)
):
	action, from_state, to_state = move
	transition = Transition(action, from_state, to_state, user, user_roles, at=at)
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


def worked_case():
	"""Investigated by ivy, with the complaint meeting chaired by the line manager's deputy, who sent the decision."""
	return case(
		team=[TeamMember("ivy@council.test", "investigator"), TeamMember("dep@council.test", "complaint_chair")],
		history=[
			StageMove("Received", "Acknowledged", by="officer@council.test", at=datetime(2026, 5, 4, 9)),
			StageMove("Investigation", "Decision sent", by="dep@council.test", at=datetime(2026, 5, 20, 15)),
			StageMove("Decision sent", "Appeal", by="officer@council.test", at=datetime(2026, 5, 22, 11)),
		],
	)


@pytest.mark.req("FHB-12")
@pytest.mark.parametrize(
	"user, part",
	[
		("ivy@council.test", "you are this case's investigator"),
		("dep@council.test", "you are the chair of this case's complaint meeting"),
	],
)
@pytest.mark.parametrize("move", [ARRANGE_APPEAL, DECIDE_APPEAL], ids=["arrange", "decide"])
def test_whoever_investigated_chaired_or_decided_cannot_hear_the_appeal(user, part, move):
	(message,) = vetoes(worked_case(), move, user=user, user_roles=(roles.APPEAL_OFFICER,))
	assert f"You cannot arrange or decide this appeal because {part}." in message
	assert "manager who has not been involved" in message


@pytest.mark.req("FHB-12")
def test_the_manager_who_sent_the_decision_cannot_hear_the_appeal():
	decided = case(history=[StageMove("Investigation", "Decision sent", by="dan@council.test", at=DECISION_SENT_AT)])
	(message,) = vetoes(decided, ARRANGE_APPEAL, user="dan@council.test", user_roles=(roles.APPEAL_OFFICER,))
	assert "because you moved this case to 'Decision sent' on Wednesday 20 May 2026." in message


@pytest.mark.req("FHB-12")
def test_the_er_consultant_who_administered_the_case_may_arrange_the_appeal():
	assert vetoes(worked_case(), ARRANGE_APPEAL) == []


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


# The decision letter went on Wednesday 20 May 2026. The 5 working days to appeal skip the spring bank holiday
# (Monday 25 May), so the last day is Thursday 28 May.
DECISION_SENT_AT = datetime(2026, 5, 20, 15)


def decided_case(**fields):
	return case(deadlines=[make_deadline(CF2_APPEAL, DECISION_SENT_AT)], **fields)


@pytest.mark.req("FHB-12")
def test_an_appeal_on_the_last_day_is_accepted():
	assert vetoes(decided_case(), APPEAL_RECEIVED, at=datetime(2026, 5, 28, 16, 30)) == []


@pytest.mark.req("FHB-12")
def test_a_late_appeal_is_refused_with_the_last_day_it_could_have_come():
	(message,) = vetoes(decided_case(), APPEAL_RECEIVED, at=datetime(2026, 5, 29, 9))
	assert "cannot be accepted" in message
	assert "Friday 29 May 2026" in message and "Thursday 28 May 2026" in message
	assert "'No appeal'" in message and "'Appeal received on'" in message


@pytest.mark.req("FHB-12")
def test_the_day_the_appeal_arrived_counts_not_the_day_it_is_entered():
	on_time = decided_case(appeal_received_on=date(2026, 5, 27))
	assert vetoes(on_time, APPEAL_RECEIVED, at=datetime(2026, 6, 3, 9)) == []
	late = decided_case(appeal_received_on=date(2026, 6, 1))
	(message,) = vetoes(late, APPEAL_RECEIVED, at=datetime(2026, 6, 1, 9))
	assert "Monday 1 June 2026" in message


@pytest.mark.req("FHB-12")
def test_with_the_appeal_refused_the_case_can_still_close_without_one():
	assert vetoes(decided_case(), NO_APPEAL, at=datetime(2026, 6, 5, 9)) == []


@pytest.mark.req("FHB-12")
def test_a_case_whose_appeal_window_never_started_is_not_refused():
	assert vetoes(case(), APPEAL_RECEIVED, at=datetime(2026, 6, 5, 9)) == []
