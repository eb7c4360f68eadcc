"""Who Kent tells what: the manager's support checklist (KEN-6) and serious-case actions (KEN-7), the member
of staff's meeting time (KEN-4), legal options (KEN-8) and criminal injuries compensation (KEN-9), and the
health and safety forms (KEN-3)."""

import re
from datetime import date, datetime

import pytest
from fairness_app.procedure.decisions import RecipientKind
from fairness_app.procedure.snapshots import CaseEvent
from fairness_app.testing import make_case, make_party, plugin_manager

from fairness_kent import Kent

RECEIVED = CaseEvent("received", datetime(2026, 5, 1, 10))
MEETING_HELD = CaseEvent("stage_changed", datetime(2026, 5, 2, 10), stage="Manager meeting held")


def incident(flags=(), subject_kind="service_user", **fields):
	parties = [
		make_party("victim", "employee", user="sam", manager_chain=("mandy", "director")),
		make_party("subject", subject_kind),
	]
	fields.setdefault("behaviours", ("verbal_abuse",))
	return make_case(
		case_type="incident",
		procedure="third_party_incident",
		reference="FI/2026-27/0007",
		received_on=date(2026, 5, 1),
		parties=parties,
		flags=flags,
		**fields,
	)


def sent(case, event):
	contributions = plugin_manager(Kent()).notifications(case, event)
	assert {plugin for plugin, _ in contributions.items} <= {"kent"}
	return {(r.kind, r.value): n for n in contributions.values for r in n.recipients}


def to_manager(case):
	return sent(case, RECEIVED)[(RecipientKind.USER, "mandy")]


@pytest.mark.req("KEN-6")
def test_the_manager_gets_the_support_checklist_for_the_meeting():
	message = to_manager(incident()).message
	for item in (
		"describe what happened",
		"what they would like to happen",
		"form HS157",
		"temporary changes",
		"handle the person responsible",
		"risk assessment",
		"legal help",
		"Support Line",
		"compassionate leave",
		"training",
		"police",
		"personal safety",
	):
		assert item in message, item


@pytest.mark.req("KEN-4", "KEN-2")
def test_the_manager_is_told_the_kind_of_incident_and_the_time_allowed():
	urgent = to_manager(incident(flags={"physical_contact"}, behaviours=("physical_assault", "racial_abuse")))
	assert "within 24 hours" in urgent.subject
	assert "recorded as violence at work and racial harassment" in urgent.message
	assert "within 3 working days" in to_manager(incident()).subject


@pytest.mark.req("KEN-4")
def test_the_member_of_staff_is_told_when_their_manager_will_meet_them():
	notice = sent(incident(flags={"serious_threat"}), RECEIVED)[(RecipientKind.PARTY, "victim")]
	assert "Your manager will meet you within 24 hours" in notice.message
	assert "within 3 working days" in sent(incident(), RECEIVED)[(RecipientKind.PARTY, "victim")].message


@pytest.mark.req("KEN-7")
@pytest.mark.parametrize(
	"flags, behaviours, serious",
	[
		({"serious_threat"}, ("verbal_abuse",), True),
		(set(), ("physical_assault",), True),
		({"repeat_perpetrator"}, ("verbal_abuse",), True),  # a campaign of unacceptable behaviour
		(set(), ("verbal_abuse",), False),
	],
)
def test_in_serious_cases_the_manager_is_asked_to_consider_immediate_action(flags, behaviours, serious):
	message = to_manager(incident(flags=flags, behaviours=behaviours)).message
	assert (
		"withdrawing the service" in message and "with the member of staff's agreement" in message
	) is serious


@pytest.mark.req("KEN-3")
def test_the_health_and_safety_team_is_asked_for_the_incident_forms():
	notice = sent(incident(), RECEIVED)[(RecipientKind.TEAM, "health_and_safety")]
	assert "HS157 and HS160" in notice.message and "form reference" in notice.message


@pytest.mark.req("KEN-8")
def test_after_the_meeting_the_member_of_staff_hears_the_legal_help_on_offer():
	notices = plugin_manager(Kent()).notifications(incident(), MEETING_HELD).values
	(legal,) = [n for n in notices if n.subject == "Legal help the council can give you"]
	for option in (
		"Legal Services",
		"ban on the person contacting you",
		"anti-social behaviour order",
		"injunction",
	):
		assert option in legal.message, option
	assert "how the courts work" in legal.message
	assert (
		"someone separate to advise you" in legal.message
	)  # separate representation where interests conflict


@pytest.mark.req("KEN-9")
@pytest.mark.parametrize("flags, pointed", [({"physical_contact"}, True), ({"riddor"}, True), (set(), False)])
def test_where_they_may_have_been_hurt_they_are_told_about_criminal_injuries_compensation(flags, pointed):
	subjects = [
		n.subject for n in plugin_manager(Kent()).notifications(incident(flags=flags), MEETING_HELD).values
	]
	assert ("If you were hurt: criminal injuries compensation" in subjects) is pointed


@pytest.mark.req("KEN-1")
def test_nothing_is_sent_for_incidents_referred_elsewhere_or_for_complaints():
	assert plugin_manager(Kent()).notifications(incident(subject_kind="employee"), RECEIVED).values == ()
	assert plugin_manager(Kent()).notifications(make_case(), RECEIVED).values == ()
	assert (
		plugin_manager(Kent()).notifications(incident(), CaseEvent("closed", datetime(2026, 6, 1))).values
		== ()
	)


@pytest.mark.req("KEN-6", "KEN-8")
def test_messages_are_plain_words_without_codes():
	case = incident(flags={"physical_contact", "repeat_perpetrator"}, behaviours=("physical_assault",))
	notices = [*plugin_manager(Kent()).notifications(case, RECEIVED).values]
	notices += plugin_manager(Kent()).notifications(case, MEETING_HELD).values
	for notice in notices:
		text = f"{notice.subject} {notice.message}"
		assert not re.search(r"\b[a-z]+_[a-z_]+\b", text), text  # no snapshot keys such as physical_contact
