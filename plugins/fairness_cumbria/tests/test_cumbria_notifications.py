"""Who is told what as a Cumbria incident moves on: the police with the member of staff's agreement (CUM-5),
the senior manager and warning markers (CUM-6), support and check-ins (CUM-8) and the member of staff's
updates (CUM-9)."""

from __future__ import annotations

from datetime import datetime

import pytest
from fairness_cumbria import Cumbria

from fairness_app.procedure.snapshots import CaseEvent
from fairness_app.testing import make_case, make_party, plugin_manager

PLUGINS = plugin_manager(Cumbria())
AT = datetime(2026, 4, 1, 10)
RECEIVED = CaseEvent("received", AT)


def incident(flags=(), behaviours=("verbal_abuse",), grounds=(), subject_kind="service_user", tags=()):
	parties = [make_party("victim", "employee", user="staff", manager_chain=("manager", "senior"), tags=tags)]
	if subject_kind:
		parties.append(make_party("subject", subject_kind))
	return make_case(
		case_type="incident",
		procedure="third_party_incident",
		reference="FI/2026-27/0003",
		parties=parties,
		flags=flags,
		behaviours=behaviours,
		grounds=grounds,
	)


def stage(name: str) -> CaseEvent:
	return CaseEvent("stage_changed", AT, stage=name)


def sent(case, event) -> dict[str, str]:
	"""Each recipient ("user:manager", "party:victim") -> everything sent to them, subjects and messages."""
	found: dict[str, str] = {}
	for notification in PLUGINS.notifications(case, event).values:
		for recipient in notification.recipients:
			key = f"{recipient.kind.value}:{recipient.value}"
			found[key] = found.get(key, "") + f"{notification.subject}\n{notification.message}\n"
	return found


@pytest.mark.req("CUM-5")
@pytest.mark.parametrize(
	("flags", "behaviours", "reason"),
	[
		({"physical_contact"}, ("verbal_abuse",), "violence or a threat of violence"),
		({"serious_threat"}, ("verbal_abuse",), "violence or a threat of violence"),
		((), ("threats_or_violence",), "violence or a threat of violence"),
		({"hate_incident"}, ("verbal_abuse",), "hate"),
		({"repeat_perpetrator"}, ("harassment",), "harassment by the same person more than once"),
	],
)
def test_the_manager_is_asked_to_contact_the_police_with_the_member_of_staffs_agreement(
	flags, behaviours, reason
):
	message = sent(incident(flags=flags, behaviours=behaviours), RECEIVED)["user:manager"]
	assert reason in message
	assert "contact the police only if they do" in message


@pytest.mark.req("CUM-5")
def test_no_police_advice_for_abuse_the_rule_does_not_cover_or_once_the_police_are_involved():
	assert "police" not in sent(incident(), RECEIVED)["user:manager"]
	contacted = incident(flags={"physical_contact", "police_contacted"})
	assert "police" not in sent(contacted, RECEIVED)["user:manager"]


@pytest.mark.req("CUM-5", "CUM-11")
def test_true_vision_is_offered_for_a_hate_incident_only():
	hate = sent(incident(flags={"hate_incident"}, grounds=("race",)), RECEIVED)["user:manager"]
	assert "True Vision" in hate and "https://www.report-it.org.uk/" in hate
	assert "possible hate crime" in hate
	violence = sent(incident(flags={"physical_contact"}), RECEIVED)["user:manager"]
	assert "True Vision" not in violence


@pytest.mark.req("CUM-11")
def test_hostility_to_a_subculture_is_a_hate_incident_but_not_one_of_the_hate_crime_strands():
	message = sent(incident(flags={"hate_incident"}, grounds=("other_for_example_subculture",)), RECEIVED)
	assert "involved a hate incident" in message["user:manager"]
	assert "possible hate crime" not in message["user:manager"]


@pytest.mark.req("CUM-4")
def test_the_manager_is_told_to_debrief_and_report_to_health_and_safety():
	message = sent(incident(), RECEIVED)["user:manager"]
	assert "without judgement" in message
	assert "E-Safety portal" in message and "witness statements" in message
	school = sent(incident(flags={"school"}), RECEIVED)["user:manager"]
	assert "Schools Portal" in school


@pytest.mark.req("CUM-6")
def test_the_senior_manager_is_told_of_the_risk_from_a_named_person_without_names():
	senior = sent(incident(subject_kind="member_of_public"), RECEIVED)["user:senior"]
	assert "a member of the public" in senior and "FI/2026-27/0003" in senior
	assert "user:senior" not in sent(incident(subject_kind=None), RECEIVED)


@pytest.mark.req("CUM-6")
def test_a_warning_marker_is_considered_after_violence_hate_or_repeat_abuse_by_the_public():
	for flags in ({"physical_contact"}, {"hate_incident"}, {"repeat_perpetrator"}):
		told = sent(incident(flags=flags, grounds=("race",)), stage("Manager meeting held"))
		assert "warning marker" in told["user:manager"]
		assert "warning marker" in told["user:senior"]  # decided in consultation with senior managers
	assert "warning marker" not in sent(incident(), stage("Manager meeting held"))["user:manager"]
	contractor = sent(
		incident(flags={"physical_contact"}, subject_kind="contractor"), stage("Manager meeting held")
	)
	assert "warning marker" not in contractor["user:manager"]


@pytest.mark.req("CUM-11", "CUM-5", "CUM-6")
def test_abuse_by_someone_named_in_an_earlier_incident_is_treated_as_a_course_of_conduct():
	repeat = incident(flags={"repeat_perpetrator"}, behaviours=("offensive_jokes_or_banter",))
	assert "harassment by the same person more than once" in sent(repeat, RECEIVED)["user:manager"]
	assert "warning marker" in sent(repeat, stage("Manager meeting held"))["user:manager"]
	once = incident(behaviours=("offensive_jokes_or_banter",))
	assert "police" not in sent(once, RECEIVED)["user:manager"]
	assert "warning marker" not in sent(once, stage("Manager meeting held"))["user:manager"]


@pytest.mark.req("CUM-6")
def test_the_employer_of_someone_from_another_organisation_is_told():
	told = sent(incident(subject_kind="external_employee"), stage("Manager meeting held"))["user:manager"]
	assert "works for another organisation" in told
	assert "another organisation" not in sent(incident(), stage("Manager meeting held"))["user:manager"]


@pytest.mark.req("CUM-10", "CUM-9")
def test_after_the_debrief_the_manager_reviews_risks_with_the_member_of_staff():
	told = sent(incident(), stage("Manager meeting held"))["user:manager"]
	assert "risk assessment" in told and "with the member of staff" in told
	assert "Include the member of staff in deciding" in told


@pytest.mark.req("CUM-8")
def test_once_actions_are_agreed_the_manager_sets_up_check_ins_and_support():
	told = sent(incident(flags={"physical_contact"}), stage("Actions agreed"))["user:manager"]
	assert "regular check-ins" in told
	assert "only with their agreement" in told and "Occupational Health" in told
	assert "Victim Support" in told and "Equality Advisory and Support Service" in told
	school = sent(incident(flags={"school"}), stage("Actions agreed"))["user:manager"]
	assert "the school's occupational health provider" in school
	assert "Victim Support" not in school


@pytest.mark.req("CUM-9")
@pytest.mark.parametrize(
	("event", "words"),
	[
		(RECEIVED, "kept up to date"),
		(stage("Manager meeting held"), "look again at the risks"),
		(stage("Risk assessment reviewed"), "agree with you"),
		(stage("Actions agreed"), "check in with you regularly"),
		(CaseEvent("closed", AT), "has been closed"),
	],
)
def test_the_member_of_staff_is_kept_informed_at_every_step(event, words):
	told = sent(incident(), event)
	assert words in told["party:victim"]
	assert "FI/2026-27/0003" in told["party:victim"]


@pytest.mark.req("CUM-1", "CUM-9")
def test_a_headteacher_hears_from_the_chair_of_governors():
	case = make_case(
		case_type="incident",
		procedure="third_party_incident",
		parties=[make_party("victim", "employee", manager_chain=("chair",), tags=("headteacher",))],
	)
	told = sent(case, RECEIVED)
	assert "The chair of governors will meet you" in told["party:victim"]
	assert "as chair of governors" in told["user:chair"]


@pytest.mark.req("X-5")
def test_complaints_and_other_events_send_nothing():
	assert PLUGINS.notifications(make_case(), RECEIVED).values == ()
	assert PLUGINS.notifications(incident(), CaseEvent("clock_missed", AT)).values == ()
