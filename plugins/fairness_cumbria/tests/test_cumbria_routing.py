"""Who handles a Cumbria incident (CUM-1, CUM-3) and which senior manager is told of the risk (CUM-6)."""

from __future__ import annotations

import pytest
from fairness_cumbria import Cumbria

from fairness_app import roles
from fairness_app.procedure.decisions import Recipient, RecipientKind
from fairness_app.testing import make_case, make_party, plugin_manager

PLUGINS = plugin_manager(Cumbria())


def incident(
	victim_kind="employee", subject_kind="service_user", chain=("manager", "senior"), tags=(), **fields
):
	parties = [make_party("victim", victim_kind, user="staff", manager_chain=chain, tags=tags)]
	if subject_kind:
		parties.append(make_party("subject", subject_kind))
	return make_case(case_type="incident", parties=parties, **fields)


def users(recipients) -> list[str]:
	return [r.value for r in recipients if r.kind is RecipientKind.USER]


@pytest.mark.req("CUM-3")
def test_an_incident_goes_to_the_member_of_staffs_manager():
	decision = PLUGINS.route_case(incident())
	assert decision.decided_by == "cumbria"
	assert decision.value.procedure == "third_party_incident"
	assert users(decision.value.recipients) == ["manager"]
	assert decision.value.redirect is None


@pytest.mark.req("CUM-3")
def test_when_the_manager_is_involved_the_managers_manager_handles_it():
	case = incident(chain=("manager", "senior", "director"))
	case = make_case(
		case_type="incident", parties=(*case.parties, make_party("witness", "employee", user="manager"))
	)
	route = PLUGINS.route_case(case).value
	assert users(route.recipients) == ["senior"]
	assert users(route.copies) == ["director"]


@pytest.mark.req("CUM-3")
def test_with_no_manager_recorded_the_case_officers_handle_it():
	route = PLUGINS.route_case(incident(chain=())).value
	assert route.recipients == (Recipient.role(roles.CASE_OFFICER, route.recipients[0].why),)
	assert route.copies == ()


@pytest.mark.req("CUM-1")
@pytest.mark.parametrize("kind", ["employee", "agency_worker", "casual_worker"])
def test_agency_and_casual_staff_are_covered_like_employees(kind):
	route = PLUGINS.route_case(incident(victim_kind=kind)).value
	assert users(route.recipients) == ["manager"]
	assert users(route.copies) == ["senior"]


@pytest.mark.req("CUM-1")
def test_a_headteachers_incident_goes_to_the_chair_of_governors_and_no_further():
	case = incident(chain=("chair", "education_officer"), tags=("headteacher",), flags={"school"})
	route = PLUGINS.route_case(case).value
	assert users(route.recipients) == ["chair"]
	assert "chair of governors" in route.recipients[0].why
	assert route.requirement == "CUM-1"
	# The chair takes the manager's steps: nobody above them in the council is copied in.
	assert route.copies == ()


@pytest.mark.req("CUM-1")
@pytest.mark.parametrize("kind", ["employee", "agency_worker", "casual_worker"])
def test_abuse_by_a_colleague_is_referred_to_the_bullying_and_harassment_procedure(kind):
	route = PLUGINS.route_case(incident(subject_kind=kind)).value
	assert route.redirect is not None
	assert route.redirect.procedure_name == "the Bullying and Harassment Procedure"
	assert users(route.recipients) == ["manager"]  # the manager refers it on
	assert route.copies == ()


@pytest.mark.req("CUM-1")
def test_abuse_by_someone_from_another_organisation_stays_third_party_abuse():
	route = PLUGINS.route_case(incident(subject_kind="external_employee")).value
	assert route.redirect is None


@pytest.mark.req("CUM-6")
@pytest.mark.parametrize("kind", ["service_user", "member_of_public", "contractor", "external_employee"])
def test_the_senior_manager_is_told_of_the_risk_from_a_named_person(kind):
	route = PLUGINS.route_case(incident(subject_kind=kind)).value
	assert users(route.copies) == ["senior"]
	assert "CUM-6" in route.copies[0].why


@pytest.mark.req("CUM-6")
def test_with_nobody_named_no_senior_manager_is_copied_in():
	assert PLUGINS.route_case(incident(subject_kind=None)).value.copies == ()


@pytest.mark.req("X-5")
def test_complaints_are_left_to_the_next_plugin():
	assert (
		PLUGINS.route_case(make_case(parties=[make_party("complainant", "employee")])).decided_by == "builtin"
	)
