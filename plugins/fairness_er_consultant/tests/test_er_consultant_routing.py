"""Which complaints follow the formal procedure, and who receives form CF1 (FHB-1 to FHB-6)."""

import pytest
from fairness_er_consultant import ErConsultant

from fairness_app import roles
from fairness_app.procedure.decisions import RecipientKind
from fairness_app.testing import make_case, make_party, plugin_manager

LINE_MANAGER = "lee.manager@council.test"
HEAD_OF_SERVICE = "dana.head@council.test"


def staff_complaint(line_manager_is_subject: bool = False, **fields):
	complainant = make_party(
		"complainant",
		"employee",
		user="emma.employee@council.test",
		manager_chain=(LINE_MANAGER, HEAD_OF_SERVICE),
	)
	subject_user = LINE_MANAGER if line_manager_is_subject else "sam.colleague@council.test"
	subject = make_party("subject", "employee", user=subject_user, manager_chain=(HEAD_OF_SERVICE,))
	fields.setdefault("formality", "formal")
	fields.setdefault("behaviours", ("bullying",))
	return make_case(parties=[complainant, subject], **fields)


def route(case):
	return plugin_manager(ErConsultant()).route_case(case)


@pytest.mark.req("FHB-1", "FHB-3")
def test_a_formal_complaint_between_staff_follows_the_formal_procedure_and_goes_to_the_line_manager():
	decision = route(staff_complaint())
	assert decision.decided_by == "er_consultant"
	assert decision.value.procedure == "er_consultant_formal"
	assert [(r.kind, r.value) for r in decision.value.recipients] == [(RecipientKind.USER, LINE_MANAGER)]
	assert decision.value.redirect is None


@pytest.mark.req("FHB-3")
def test_a_complaint_about_the_line_manager_goes_to_the_managers_manager():
	decision = route(staff_complaint(line_manager_is_subject=True))
	(receiver,) = decision.value.recipients
	assert (receiver.kind, receiver.value) == (RecipientKind.USER, HEAD_OF_SERVICE)
	assert "next manager up" in receiver.why


@pytest.mark.req("FHB-3")
def test_with_no_manager_free_an_er_consultant_receives_the_form():
	complainant = make_party(
		"complainant", "employee", user="emma@council.test", manager_chain=(LINE_MANAGER,)
	)
	subject = make_party("subject", "employee", user=LINE_MANAGER)
	decision = route(make_case(parties=[complainant, subject], formality="formal"))
	(receiver,) = decision.value.recipients
	assert (receiver.kind, receiver.value) == (RecipientKind.ROLE, roles.CASE_OFFICER)


@pytest.mark.req("FHB-4", "FHB-5")
def test_er_consultants_and_the_hr_service_desk_are_kept_informed():
	copies = {(r.kind, r.value) for r in route(staff_complaint()).value.copies}
	assert copies == {(RecipientKind.ROLE, roles.CASE_OFFICER), (RecipientKind.TEAM, "hr_service_desk")}


@pytest.mark.req("FHB-1")
def test_an_informal_complaint_is_recorded_in_the_same_procedure_so_it_can_become_formal_later():
	decision = route(staff_complaint(formality="informal"))
	assert decision.value.procedure == "er_consultant_formal"


@pytest.mark.req("FHB-6")
def test_the_person_named_never_receives_the_complaint():
	value = route(staff_complaint()).value
	assert all(r.kind is not RecipientKind.PARTY for r in (*value.recipients, *value.copies))


@pytest.mark.req("FHB-2")
def test_a_complaint_with_no_bullying_or_harassment_is_redirected_to_the_grievance_procedure():
	decision = route(staff_complaint(behaviours=("other",)))
	redirect = decision.value.redirect
	assert redirect is not None and redirect.requirement == "FHB-2"
	assert "Grievance" in redirect.procedure_name
	assert [r.value for r in decision.value.recipients] == [roles.CASE_OFFICER]


@pytest.mark.req("FHB-2")
def test_bullying_alongside_other_complaints_stays_in_this_procedure():
	assert route(staff_complaint(behaviours=("bullying", "other"))).value.redirect is None


@pytest.mark.parametrize(
	"case",
	[
		make_case(parties=[make_party("complainant", "member_of_public"), make_party("subject", "employee")]),
		make_case(parties=[make_party("complainant", "employee"), make_party("subject", "councillor")]),
		make_case(case_type="incident", parties=[make_party("victim", "employee")]),
		make_case(
			flags={"questionnaire"},
			parties=[make_party("complainant", "employee"), make_party("subject", "employee")],
		),
	],
	ids=["public", "councillor", "incident", "questionnaire"],
)
@pytest.mark.req("FHB-2")
def test_cases_outside_the_handbook_are_left_to_the_next_rules(case):
	assert route(case).decided_by == "builtin"
