"""KEN-1: which incidents Kent handles under Respect and Dignity at Work, and KEN-10: the member of staff's
manager handles them unless that manager has declared an interest or is part of the incident."""

import dataclasses
from datetime import date

import pytest
from fairness_app import roles
from fairness_app.procedure.decisions import Recipient, RecipientKind
from fairness_app.testing import make_case, make_party, plugin_manager

from fairness_kent import Kent

CHAIN = ("mandy", "director", "chief")


def victim(kind="employee", chain=CHAIN):
	return make_party("victim", kind, user="sam", manager_chain=chain)


def incident(*parties, **fields):
	return make_case(case_type="incident", received_on=date(2026, 5, 1), parties=parties, **fields)


def route(case):
	decision = plugin_manager(Kent()).route_case(case)
	assert decision.decided_by == "kent"
	return decision.value


@pytest.mark.req("KEN-1")
@pytest.mark.parametrize(
	"kind", ["service_user", "member_of_public", "contractor", "councillor", "external_employee"]
)
def test_abuse_of_staff_by_a_third_party_goes_to_the_staff_members_manager(kind):
	decision = route(incident(victim(), make_party("subject", kind)))
	assert decision.procedure == "third_party_incident"
	assert decision.redirect is None
	assert decision.recipients == (Recipient.user("mandy", decision.recipients[0].why),)
	assert decision.copies[0].kind is RecipientKind.TEAM and decision.copies[0].value == "health_and_safety"
	assert decision.requirement == "KEN-1"


@pytest.mark.req("KEN-1")
def test_an_incident_between_members_of_staff_is_referred_to_the_harassment_procedure():
	case = incident(victim(), make_party("subject", "employee", user="pat"))
	decision = route(case)
	assert decision.redirect is not None
	assert decision.redirect.procedure_name == "the Harassment Procedure"
	assert decision.recipients == (Recipient.role(roles.CASE_OFFICER, decision.recipients[0].why),)
	# Its deadlines are the Harassment Procedure's, not this procedure's.
	referred = dataclasses.replace(case, procedure=decision.procedure)
	assert plugin_manager(Kent()).clock_rules(referred).value == ()


@pytest.mark.req("KEN-1")
@pytest.mark.parametrize("kind", ["agency_worker", "casual_worker"])
def test_agency_and_casual_staff_count_as_staff(kind):
	assert (
		route(incident(victim(), make_party("subject", kind))).redirect.procedure_name
		== "the Harassment Procedure"
	)


@pytest.mark.req("KEN-1")
def test_an_incident_where_staff_harmed_a_service_user_goes_to_the_complaints_procedure():
	decision = route(
		incident(make_party("victim", "service_user"), make_party("subject", "employee", user="pat"))
	)
	assert decision.redirect.procedure_name == "the complaints procedure"
	assert "Disciplinary Procedure" in decision.redirect.reason


@pytest.mark.req("KEN-1")
def test_complaints_are_left_to_the_apps_own_routes():
	case = make_case(parties=[make_party("complainant", "service_user"), make_party("subject", "employee")])
	assert plugin_manager(Kent()).route_case(case).decided_by == "builtin"


@pytest.mark.req("KEN-10")
def test_a_line_manager_who_declared_an_interest_is_passed_over():
	case = incident(victim(), make_party("subject", "service_user", user="sue"), conflicted_users={"mandy"})
	assert route(case).recipients[0].value == "director"
	both = incident(victim(), make_party("subject", "service_user"), conflicted_users={"mandy", "director"})
	assert route(both).recipients[0].value == "chief"


@pytest.mark.req("KEN-10")
def test_when_no_manager_is_free_the_health_and_safety_officers_handle_it():
	case = incident(
		victim(chain=("mandy",)), make_party("subject", "service_user"), conflicted_users={"mandy"}
	)
	assert route(case).recipients == (
		Recipient.role(roles.HEALTH_AND_SAFETY_OFFICER, route(case).recipients[0].why),
	)


@pytest.mark.req("KEN-1")
def test_with_nobody_named_as_affected_the_reporters_manager_handles_it():
	reporter = make_party("reporter", "employee", user="rita", manager_chain=("ron",))
	assert route(incident(reporter, make_party("subject", "member_of_public"))).recipients[0].value == "ron"
