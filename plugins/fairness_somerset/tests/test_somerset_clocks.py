"""SOM-14 and SOM-7: acknowledgement within 3 working days (and a meeting arranged within 3 for written and phoned
complaints), formal investigation started within 7, counted on England's bank holidays; and escalation."""

import json
from datetime import date, datetime
from importlib.resources import files

import pytest
from fairness_somerset import Somerset

from fairness_app import roles
from fairness_app.procedure.clocks import ClockAlert, ClockStatus, ClockUnit, apply_event
from fairness_app.procedure.decisions import EscalationAction, Recipient, RecipientKind
from fairness_app.procedure.defaults import COUNCILLOR_REFERRAL, PUBLIC_COMPLAINT, THIRD_PARTY_INCIDENT
from fairness_app.procedure.meetings import MeetingType
from fairness_app.testing import make_case, make_party, plugin_manager

PLUGINS = plugin_manager(Somerset())
ABOUT_AN_EMPLOYEE = [make_party("complainant", "service_user"), make_party("subject", "employee")]


def complaint(**fields):
	fields.setdefault("procedure", PUBLIC_COMPLAINT)
	fields.setdefault("parties", ABOUT_AN_EMPLOYEE)
	fields.setdefault("directorate", "RES")
	return make_case(**fields)


def rules_by_key(case):
	decision = PLUGINS.clock_rules(case)
	assert decision.decided_by == "somerset"
	return {rule.key: rule for rule in decision.value}


def due(rule, received):
	return rule.start(received).due(PLUGINS.calendar)


@pytest.mark.req("SOM-14")
def test_acknowledge_within_3_and_start_the_investigation_within_7_working_days():
	rules = rules_by_key(complaint())
	assert set(rules) == {"acknowledgement", "formal_investigation"}
	assert all(rule.unit is ClockUnit.WORKING_DAYS for rule in rules.values())
	# Received on Monday 1 June 2026: 3 working days is Thursday 4 June, 7 is Wednesday 10 June.
	received = datetime(2026, 6, 1, 10)
	assert due(rules["acknowledgement"], received) == date(2026, 6, 4)
	assert due(rules["formal_investigation"], received) == date(2026, 6, 10)
	assert rules["acknowledgement"].stops_on == ("acknowledged",)
	assert "name the manager and investigating officer" in rules["acknowledgement"].label


@pytest.mark.req("SOM-14")
def test_good_friday_and_easter_monday_are_not_counted():
	rules = rules_by_key(complaint())
	# Received on Thursday 2 April 2026: Good Friday (3rd) and Easter Monday (6th) are bank holidays.
	received = datetime(2026, 4, 2, 15)
	assert due(rules["acknowledgement"], received) == date(2026, 4, 9)
	assert due(rules["formal_investigation"], received) == date(2026, 4, 15)


@pytest.mark.req("SOM-7")
@pytest.mark.parametrize("channel", ["letter", "email", "website", "phone"])
def test_a_written_or_phoned_complaint_is_also_offered_a_meeting_within_3_working_days(channel):
	rule = rules_by_key(complaint(intake_channel=channel))["meeting_in_person"]
	assert (rule.length, rule.unit, rule.starts_on) == (3, ClockUnit.WORKING_DAYS, "received")
	assert "in person" in rule.label and "talk in person" in rule.complainant_text
	assert rule.requirement == "SOM-7"
	# Received Thursday 28 May 2026: day 3 is Tuesday 2 June, after the weekend.
	clocks = apply_event((), [rule], "received", datetime(2026, 5, 28, 11))
	assert clocks[0].due(PLUGINS.calendar) == date(2026, 6, 2)
	# Any meeting recorded with its time meets it, whoever the meeting is with.
	clocks = apply_event(clocks, [rule], MeetingType.MANAGER.arranged_event, datetime(2026, 6, 1, 16))
	assert clocks[0].status(PLUGINS.calendar, datetime(2026, 6, 3)) is ClockStatus.MET
	assert MeetingType.OTHER.arranged_event in rule.stops_on


@pytest.mark.req("SOM-7")
def test_a_complaint_made_face_to_face_needs_no_separate_meeting():
	assert "meeting_in_person" not in rules_by_key(complaint(intake_channel="face_to_face"))


@pytest.mark.req("SOM-14", "SOM-4")
@pytest.mark.parametrize("event", ["investigation_started", "informal_started"])
def test_the_7_day_clock_is_met_by_a_formal_investigation_or_an_agreed_informal_resolution(event):
	rules = list(rules_by_key(complaint()).values())
	clocks = apply_event((), rules, "received", datetime(2026, 6, 1, 10))
	clocks = apply_event(clocks, rules, event, datetime(2026, 6, 8, 10))
	investigation = next(clock for clock in clocks if clock.key == "formal_investigation")
	assert investigation.status(PLUGINS.calendar, datetime(2026, 6, 20)) is ClockStatus.MET


@pytest.mark.req("SOM-14", "SOM-10")
def test_a_complaint_about_a_councillor_is_acknowledged_and_referred_within_3_working_days():
	case = complaint(procedure=COUNCILLOR_REFERRAL, parties=[make_party("subject", "councillor")])
	rules = rules_by_key(case)
	assert list(rules) == ["acknowledgement"]
	assert rules["acknowledgement"].stops_on == ("referred",)
	assert due(rules["acknowledgement"], datetime(2026, 6, 1)) == date(2026, 6, 4)


@pytest.mark.req("SOM-14")
def test_every_clock_starts_and_stops_on_events_its_procedure_raises():
	for procedure, parties in ((PUBLIC_COMPLAINT, ABOUT_AN_EMPLOYEE), (COUNCILLOR_REFERRAL, ())):
		template = json.loads(
			(files("fairness_app") / "workflows" / "templates" / f"{procedure}.json").read_text()
		)
		events = {state["event"] for state in template["states"]}
		for rule in rules_by_key(complaint(procedure=procedure, parties=parties)).values():
			assert {rule.starts_on, *rule.stops_on} <= events, rule.key


@pytest.mark.req("SOM-14")
def test_the_incident_procedure_keeps_its_own_deadlines():
	case = make_case(case_type="incident", procedure=THIRD_PARTY_INCIDENT, parties=[make_party("victim")])
	assert PLUGINS.clock_rules(case).decided_by == "builtin"


def alert(case, status, day):
	rule = rules_by_key(case)["acknowledgement"]
	clock = rule.start(datetime(2026, 6, 1, 10))
	return ClockAlert(clock, status, date(2026, 6, 4), datetime.combine(day, datetime.min.time()))


@pytest.mark.req("SOM-14")
def test_a_deadline_due_today_reminds_the_people_handling_the_case():
	case = complaint(reference="RES/AB001/2627")
	decision = PLUGINS.clock_escalation(case, alert(case, ClockStatus.DUE, date(2026, 6, 4)))
	assert decision.decided_by == "somerset"
	assert decision.value.action is EscalationAction.REMIND
	assert {r.value for r in decision.value.recipients} == {roles.LINE_MANAGER, roles.CASE_OFFICER}
	assert "Thursday 4 June 2026" in decision.value.message


@pytest.mark.req("SOM-14", "SOM-2", "SOM-12")
def test_a_missed_deadline_on_a_complaint_about_an_employee_goes_to_hr_and_the_central_team():
	case = complaint(reference="RES/AB001/2627")
	escalation = PLUGINS.clock_escalation(case, alert(case, ClockStatus.MISSED, date(2026, 6, 5))).value
	assert escalation.action is EscalationAction.NOTIFY_TEAM
	assert [r.value for r in escalation.recipients] == ["hr_officer_res", "central_equalities"]
	assert all(r.kind is RecipientKind.TEAM for r in escalation.recipients)
	# The central team tracks cases by reference only: nobody involved is named.
	assert "RES/AB001/2627" in escalation.message
	assert "subject-employee" not in escalation.message


@pytest.mark.req("SOM-14", "SOM-3")
def test_a_missed_deadline_on_a_complaint_about_a_service_user_goes_to_the_eha_and_the_central_team():
	case = complaint(parties=[make_party("complainant", "employee"), make_party("subject", "service_user")])
	escalation = PLUGINS.clock_escalation(case, alert(case, ClockStatus.MISSED, date(2026, 6, 5))).value
	assert escalation.recipients == (
		Recipient.team("eha_res", escalation.recipients[0].why),
		Recipient.team("central_equalities", escalation.recipients[1].why),
	)


@pytest.mark.req("SOM-14", "SOM-10")
def test_a_missed_deadline_on_a_complaint_about_a_councillor_goes_to_the_county_solicitor():
	case = complaint(procedure=COUNCILLOR_REFERRAL, parties=[make_party("subject", "councillor")])
	escalation = PLUGINS.clock_escalation(case, alert(case, ClockStatus.MISSED, date(2026, 6, 5))).value
	assert [r.value for r in escalation.recipients] == ["county_solicitor", "central_equalities"]
