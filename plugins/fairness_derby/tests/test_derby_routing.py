"""Derby's routing: the exemptions of section 2 (DER-1), Stage One with a manager not involved (DER-7), formal
complaints to the Corporate Personnel Adviser (DER-8) and former employees (DER-21)."""

import pytest
from fairness_derby import Derby

from fairness_app import roles
from fairness_app.procedure.decisions import Recipient, RecipientKind
from fairness_app.testing import make_case, make_party, plugin_manager

PLUGINS = plugin_manager(Derby())


def complaint(complainant="employee", subject="employee", complainant_tags=(), subject_tags=(), **fields):
	return make_case(
		parties=[
			make_party(
				"complainant",
				complainant,
				user="clare",
				manager_chain=("mina", "nadia"),
				tags=complainant_tags,
			),
			make_party("subject", subject, user="sam", manager_chain=("mo",), tags=subject_tags),
		],
		**fields,
	)


def routed(case):
	decision = PLUGINS.route_case(case)
	assert decision.decided_by == "derby"
	return decision.value


@pytest.mark.req("DER-1")
@pytest.mark.parametrize(
	"case, goes_to",
	[
		(complaint(complainant_tags={"teacher"}), "the school's own procedure for teachers"),
		(complaint(subject_tags={"chief_officer"}), "the senior staff procedure"),
		(complaint(subject_tags={"jnc"}), "the senior staff procedure"),
		(complaint(complainant_tags={"assistant_director"}), "the senior staff procedure"),
		(complaint(subject="service_user"), "the Abuse, Aggression and Violence Code"),
		(complaint(subject="member_of_public"), "the Abuse, Aggression and Violence Code"),
		(complaint(complainant="member_of_public"), "the Corporate Complaints Procedure"),
		(complaint(complainant="service_user"), "the Corporate Complaints Procedure"),
		(complaint(complainant="job_applicant"), "the Recruitment Complaint Procedure"),
		(complaint(subject="contractor"), "the contractor's or other employer's own procedures"),
		(complaint(subject="external_employee"), "the contractor's or other employer's own procedures"),
		(complaint(flags={"grievance"}), "the Council's Grievance Procedure"),
	],
)
def test_exempt_complaints_are_recorded_and_referred_to_their_own_procedure(case, goes_to):
	route = routed(case)
	assert route.redirect is not None and route.redirect.procedure_name.startswith(goes_to)
	assert route.redirect.requirement == route.requirement == "DER-1"
	assert route.recipients == (Recipient.role(roles.CASE_OFFICER, route.recipients[0].why),)
	assert "refer it to" in route.recipients[0].why


@pytest.mark.req("DER-1")
def test_a_referral_is_recorded_under_the_procedure_of_whoever_complained():
	assert routed(complaint(subject="service_user")).procedure == "staff_complaint"
	assert routed(complaint(complainant="member_of_public")).procedure == "public_complaint"
	assert routed(complaint(complainant="job_applicant")).procedure == "public_complaint"


@pytest.mark.req("DER-1")
@pytest.mark.parametrize("councillor_is", ["complainant", "subject"])
def test_a_complaint_between_an_employee_and_a_councillor_goes_to_the_monitoring_officer(councillor_is):
	case = complaint(**{councillor_is: "councillor"})
	route = routed(case)
	assert route.procedure == "councillor_referral"
	assert "Monitoring Officer" in route.redirect.procedure_name
	assert Recipient.team("monitoring_officer", route.copies[0].why) in route.copies


@pytest.mark.req("DER-1")
def test_senior_staff_come_before_councillors_and_teachers_before_both():
	assert (
		"senior staff"
		in routed(complaint(subject="councillor", complainant_tags={"jnc"})).redirect.procedure_name
	)
	assert (
		"teachers"
		in routed(complaint(subject="councillor", subject_tags={"teacher", "jnc"})).redirect.procedure_name
	)


@pytest.mark.req("DER-1")
def test_an_employee_among_the_people_complained_about_keeps_the_complaint_in_fairness_at_work():
	case = make_case(
		parties=[
			make_party("complainant", "employee", user="clare"),
			make_party("subject", "service_user", party_id="public"),
			make_party("subject", "employee", user="sam", party_id="colleague"),
		]
	)
	route = routed(case)
	assert (route.procedure, route.redirect) == ("staff_complaint", None)


@pytest.mark.req("DER-1")
def test_school_governors_stay_in_fairness_at_work_and_the_director_of_education_is_told():
	route = routed(complaint(subject="school_governor"))
	assert (route.procedure, route.redirect) == ("staff_complaint", None)
	assert "director_of_education" in {copy.value for copy in route.copies}
	assert "director_of_education" not in {copy.value for copy in routed(complaint()).copies}


@pytest.mark.req("DER-7")
def test_stage_one_goes_to_the_complainants_manager():
	route = routed(complaint(formality="informal"))
	assert route.procedure == "staff_complaint" and route.redirect is None
	assert route.recipients[0] == Recipient.user("mina", route.recipients[0].why)


@pytest.mark.req("DER-7")
def test_when_the_manager_is_the_alleged_harasser_stage_one_goes_to_the_next_manager_in_line():
	case = make_case(
		parties=[
			make_party("complainant", "employee", user="clare", manager_chain=("mina", "nadia")),
			make_party("subject", "employee", user="mina"),
		]
	)
	assert routed(case).recipients[0].value == "nadia"


@pytest.mark.req("DER-7")
def test_a_manager_who_declared_an_interest_is_passed_over_too():
	case = complaint(conflicted_users={"mina"})
	assert routed(case).recipients[0].value == "nadia"


@pytest.mark.req("DER-8")
def test_a_formal_complaint_form_goes_to_the_corporate_personnel_adviser_and_is_recorded_centrally():
	route = routed(complaint(formality="formal"))
	assert route.requirement == "DER-8"
	assert [(r.kind, r.value) for r in route.recipients] == [(RecipientKind.ROLE, roles.CASE_OFFICER)]
	assert [(r.kind, r.value) for r in route.copies] == [(RecipientKind.TEAM, "corporate_personnel")]


@pytest.mark.req("DER-8")
def test_with_no_manager_free_to_act_the_adviser_receives_it():
	case = make_case(parties=[make_party("complainant", "employee"), make_party("subject", "employee")])
	assert [r.value for r in routed(case).recipients] == [roles.CASE_OFFICER]


@pytest.mark.req("DER-21")
def test_a_former_employee_follows_the_three_stage_staff_procedure():
	route = routed(complaint(complainant="former_employee"))
	assert (route.procedure, route.redirect) == ("staff_complaint", None)
	# The app's built-in rule alone would treat a former employee like a member of the public.
	assert (
		plugin_manager().route_case(complaint(complainant="former_employee")).value.procedure
		== "public_complaint"
	)


@pytest.mark.req("DER-21")
def test_a_former_employee_who_agreed_to_two_steps_in_writing_gets_the_councils_written_response():
	route = routed(complaint(complainant="former_employee", flags={"two_step_agreed"}))
	assert (route.procedure, route.requirement) == ("former_employee_two_step", "DER-21")
	assert [r.value for r in route.recipients] == [roles.CASE_OFFICER]
	assert [r.value for r in route.copies] == ["corporate_personnel"]
	# Only a former employee may agree to it: anyone else's complaint takes the usual stages.
	assert routed(complaint(flags={"two_step_agreed"}, formality="formal")).procedure == "staff_complaint"


def test_incidents_are_left_to_the_next_plugin():
	incident = make_case(case_type="incident", parties=[make_party("victim", "employee")])
	assert PLUGINS.route_case(incident).decided_by == "builtin"
