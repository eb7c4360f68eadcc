"""SOM-1: who the Code is for, and where other cases are redirected."""

import pytest
from fairness_somerset import Somerset

from fairness_app.procedure.defaults import PUBLIC_COMPLAINT, STAFF_COMPLAINT, THIRD_PARTY_INCIDENT
from fairness_app.procedure.snapshots import Officer
from fairness_app.testing import make_case, make_party, plugin_manager

OFFICER = Officer("jane.harris@somerset.example", "JH")


def route(**fields):
	fields.setdefault("case_officer", OFFICER)
	return plugin_manager(Somerset()).route_case(make_case(**fields))


@pytest.mark.req("SOM-1")
@pytest.mark.parametrize(
	"complainant, subject",
	[
		("service_user", "employee"),
		("member_of_public", "employee"),
		("employee", "service_user"),
		("service_user", "service_user"),
		("councillor", "service_user"),
		("contractor", "member_of_public"),
		("employee", "contractor"),
	],
)
def test_complaints_the_code_covers_are_not_redirected(complainant, subject):
	decision = route(parties=[make_party("complainant", complainant), make_party("subject", subject)])
	assert decision.decided_by == "somerset"
	assert decision.value.redirect is None


@pytest.mark.req("SOM-1")
def test_a_member_of_staff_complaining_about_a_colleague_goes_to_fairness_and_dignity_at_work():
	decision = route(
		parties=[
			make_party("complainant", "employee", manager_chain=("manager@x",)),
			make_party("subject", "employee"),
		]
	)
	assert decision.value.procedure == STAFF_COMPLAINT
	assert decision.value.redirect.procedure_name == "the Fairness and Dignity at Work policy"
	assert decision.value.redirect.requirement == "SOM-1"
	assert decision.value.recipients[0].value == "manager@x"


@pytest.mark.req("SOM-1")
def test_a_complaint_that_is_not_about_bullying_harassment_or_discrimination_goes_to_corporate_complaints():
	decision = route(
		behaviours=("other",),
		parties=[make_party("complainant", "member_of_public"), make_party("subject", "employee")],
	)
	assert decision.value.procedure == PUBLIC_COMPLAINT
	assert decision.value.redirect.procedure_name == "the Corporate Complaints Procedure"
	assert decision.value.recipients[0].value == OFFICER.user


@pytest.mark.req("SOM-1")
def test_a_complaint_with_any_allegation_of_harassment_stays_and_one_with_none_recorded_yet_stays():
	parties = [make_party("complainant", "member_of_public"), make_party("subject", "employee")]
	assert route(behaviours=("harassment", "other"), parties=parties).value.redirect is None
	assert route(behaviours=(), parties=parties).value.redirect is None


@pytest.mark.req("SOM-1")
def test_school_staff_harassed_by_a_service_user_use_the_schools_procedure():
	complaint = route(
		parties=[
			make_party("complainant", "employee", tags={"teacher"}),
			make_party("subject", "service_user"),
		]
	)
	assert complaint.value.redirect.procedure_name == "the schools' own recording procedure"
	incident = route(case_type="incident", flags={"school"}, parties=[make_party("victim", "employee")])
	assert incident.value.procedure == THIRD_PARTY_INCIDENT
	assert incident.value.redirect.procedure_name == "the schools' own recording procedure"


@pytest.mark.req("SOM-1")
def test_redirected_cases_run_none_of_the_codes_deadlines_or_messages():
	plugins = plugin_manager(Somerset())
	case = make_case(
		procedure=PUBLIC_COMPLAINT,
		behaviours=("other",),
		case_officer=OFFICER,
		parties=[make_party("complainant", "member_of_public"), make_party("subject", "employee")],
	)
	assert plugins.clock_rules(case).value == ()
	assert plugins.clock_rules(case).decided_by == "somerset"
	staff = make_case(procedure=STAFF_COMPLAINT, parties=[make_party("complainant"), make_party("subject")])
	# The staff procedure's own rules decide its deadlines, references and records.
	assert plugins.clock_rules(staff).decided_by == "builtin"
	assert plugins.retention(staff).decided_by == "builtin"
