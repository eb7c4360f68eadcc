"""SOM-10, SOM-2, SOM-3: the routing table, "Who do I send the recording form onto?"."""

import pytest
from fairness_somerset import Somerset

from fairness_app import roles
from fairness_app.procedure.decisions import Recipient, RecipientKind
from fairness_app.procedure.defaults import COUNCILLOR_REFERRAL, PUBLIC_COMPLAINT, THIRD_PARTY_INCIDENT
from fairness_app.procedure.snapshots import Officer
from fairness_app.testing import make_case, make_party, plugin_manager

OFFICER = Officer("receiver@somerset.example", "RO")


def route(**fields):
	fields.setdefault("case_officer", OFFICER)
	fields.setdefault("directorate", "ENV")
	return plugin_manager(Somerset()).route_case(make_case(**fields)).value


def teams(recipients):
	return [r.value for r in recipients if r.kind is RecipientKind.TEAM]


@pytest.mark.req("SOM-10", "SOM-2")
def test_a_complaint_about_an_employee_goes_to_the_directorate_hr_officer_and_the_central_team():
	found = route(
		parties=[
			make_party("complainant", "service_user"),
			make_party("subject", "employee", manager_chain=("their.manager@x",)),
		]
	)
	assert found.procedure == PUBLIC_COMPLAINT
	assert teams(found.copies) == ["hr_officer_env", "central_equalities"]
	assert "HR advice" in found.copies[0].why
	# Flow 1: the manager of the member of staff complained about investigates.
	assert found.recipients == (Recipient.user("their.manager@x", found.recipients[0].why),)


@pytest.mark.req("SOM-10", "SOM-3")
def test_a_complaint_about_a_service_user_goes_to_the_directorate_eha_and_the_central_team():
	found = route(
		parties=[make_party("complainant", "member_of_public"), make_party("subject", "service_user")]
	)
	assert found.procedure == PUBLIC_COMPLAINT
	assert teams(found.copies) == ["eha_env", "central_equalities"]
	# Nobody else is named, so the officer who received it keeps the original and leads.
	assert [r.value for r in found.recipients] == [OFFICER.user]


@pytest.mark.req("SOM-3", "SOM-10")
def test_an_employee_harassed_by_a_service_user_is_led_by_their_own_manager():
	found = route(
		parties=[
			make_party("complainant", "employee", manager_chain=("line.manager@x", "head@x")),
			make_party("subject", "service_user"),
		]
	)
	assert [r.value for r in found.recipients] == ["line.manager@x"]
	assert teams(found.copies) == ["eha_env", "central_equalities"]


@pytest.mark.req("SOM-10")
def test_a_complaint_about_a_councillor_goes_to_the_county_solicitor_under_the_referral_procedure():
	found = route(parties=[make_party("complainant", "service_user"), make_party("subject", "councillor")])
	assert found.procedure == COUNCILLOR_REFERRAL
	assert teams(found.copies) == ["county_solicitor", "central_equalities"]
	assert found.requirement == "SOM-10"


@pytest.mark.req("SOM-3")
def test_a_complaint_about_a_contractor_follows_flow_2():
	found = route(parties=[make_party("complainant", "employee"), make_party("subject", "contractor")])
	assert teams(found.copies) == ["eha_env", "central_equalities"]


@pytest.mark.req("SOM-10")
def test_the_investigating_manager_skips_a_manager_who_is_involved():
	# The line manager of the employee complained about is a witness, so the next manager up investigates.
	found = route(
		parties=[
			make_party("complainant", "service_user"),
			make_party("subject", "employee", manager_chain=("witness@x", "head@x")),
			make_party("witness", "employee", user="witness@x"),
		]
	)
	assert [r.value for r in found.recipients] == ["head@x"]


@pytest.mark.req("SOM-10")
def test_every_copy_is_listed_once_and_a_case_with_no_directorate_goes_to_county_contacts():
	found = route(
		directorate=None,
		parties=[
			make_party("complainant", "service_user"),
			make_party("subject", "employee", party_id="s1"),
			make_party("subject", "service_user", party_id="s2"),
		],
	)
	# The central team's own advisers stand in for the directorate's, and it is told once.
	assert teams(found.copies) == ["county_hr_officer", "central_equalities"]


@pytest.mark.req("SOM-10")
def test_with_no_receiving_officer_the_case_officers_take_it():
	found = route(case_officer=None, parties=[make_party("complainant", "service_user")])
	assert found.recipients == (Recipient.role(roles.CASE_OFFICER, found.recipients[0].why),)


@pytest.mark.req("SOM-3", "SOM-10")
def test_an_incident_of_abuse_from_a_service_user_goes_to_the_staff_members_manager_and_the_eha():
	found = route(
		case_type="incident",
		parties=[
			make_party("victim", "employee", manager_chain=("manager@x",)),
			make_party("subject", "service_user"),
		],
	)
	assert found.procedure == THIRD_PARTY_INCIDENT
	assert [r.value for r in found.recipients] == ["manager@x"]
	assert teams(found.copies) == ["eha_env", "central_equalities"]
