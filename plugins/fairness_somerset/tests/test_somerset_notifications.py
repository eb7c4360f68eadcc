"""SOM-7, SOM-5, SOM-14, SOM-15, SOM-2 and SOM-20: who is told what, and when."""

from datetime import date, datetime

import pytest
from fairness_somerset import Somerset

from fairness_app import roles
from fairness_app.procedure.decisions import Recipient, RecipientKind
from fairness_app.procedure.defaults import COUNCILLOR_REFERRAL, PUBLIC_COMPLAINT, STAFF_COMPLAINT
from fairness_app.procedure.snapshots import CaseEvent, Officer
from fairness_app.testing import make_case, make_party, plugin_manager

PLUGINS = plugin_manager(Somerset())
OFFICER = Officer("receiver@somerset.example", "RO")
AT = datetime(2026, 6, 1, 10)
ABOUT_AN_EMPLOYEE = [
	make_party("complainant", "member_of_public", user="complainant@x"),
	make_party("subject", "employee", user="subject@x"),
]


def complaint(**fields):
	fields.setdefault("procedure", PUBLIC_COMPLAINT)
	fields.setdefault("reference", "COM/RO001/2627")
	fields.setdefault("directorate", "COM")
	fields.setdefault("case_officer", OFFICER)
	fields.setdefault("parties", ABOUT_AN_EMPLOYEE)
	return make_case(**fields)


def sent(case, name, stage=None):
	contributions = PLUGINS.notifications(case, CaseEvent(name, AT, stage=stage))
	assert {plugin for plugin, _ in contributions.items} <= {"somerset"}
	return list(contributions.values)


def to(notifications, recipient_value):
	return [n for n in notifications if recipient_value in {r.value for r in n.recipients}]


@pytest.mark.req("SOM-7", "SOM-5")
def test_the_receiving_officer_is_told_their_first_duties():
	[duties] = to(sent(complaint(intake_channel="face_to_face"), "received"), OFFICER.user)
	assert duties.subject == "What to do now for complaint COM/RO001/2627"
	assert "quiet, private place" in duties.message
	assert "interpreter or British Sign Language" in duties.message
	assert "may not be able to" in duties.message  # the confidentiality notice (SOM-5)
	assert "what will happen next" in duties.message
	assert "999" not in duties.message and "guardians" not in duties.message
	assert "in person within 3 working days" not in duties.message


@pytest.mark.req("SOM-7")
def test_duties_for_a_young_person_in_danger_who_phoned():
	case = complaint(intake_channel="phone", flags={"under_17", "immediate_danger"})
	[duties] = to(sent(case, "recorded"), OFFICER.user)
	lines = duties.message.splitlines()
	assert lines[0].startswith("- Someone may be in danger: call 999")
	assert "parents or guardians" in lines[1]
	assert "arrange a time to talk in person within 3 working days" in lines[2]


@pytest.mark.req("SOM-20", "SOM-2")
def test_each_case_is_flagged_for_its_departments_quarterly_return_to_the_county_hr_officer():
	case = complaint(received_on=date(2027, 1, 12))
	[reminder] = to(sent(case, "received"), "hr_officer_com")
	assert reminder.recipients[0].kind is RecipientKind.TEAM
	assert "the COM return to the County HR Officer for Q4 2026-27 (January to March)" in reminder.message
	incident = make_case(case_type="incident", directorate="ENV", parties=[make_party("victim")])
	assert to(sent(incident, "received"), "hr_officer_env")


@pytest.mark.req("SOM-14", "SOM-18")
def test_the_complainant_is_kept_informed_at_every_stage_in_plain_words():
	for stage in ("Acknowledged", "Formal investigation", "Outcome sent", "Closed", "A stage added locally"):
		[update] = to(sent(complaint(), "stage_changed", stage), "complainant")
		assert update.recipients == (Recipient.party("complainant", update.recipients[0].why),)
		assert update.subject == "An update on your complaint COM/RO001/2627"
		assert "Customer Care and Equalities Manager" in update.message
	[acknowledged] = to(sent(complaint(), "stage_changed", "Acknowledged"), "complainant")
	assert "Community and voluntary groups" in acknowledged.message
	[local] = to(sent(complaint(), "stage_changed", "A stage added locally"), "complainant")
	assert "A stage added locally" in local.message


@pytest.mark.req("SOM-14", "SOM-10")
def test_the_complainant_is_told_when_a_councillor_complaint_goes_to_the_county_solicitor():
	case = complaint(
		procedure=COUNCILLOR_REFERRAL,
		parties=[make_party("complainant"), make_party("subject", "councillor")],
	)
	[update] = to(sent(case, "stage_changed", "Referred to the Monitoring Officer"), "complainant")
	assert "County Solicitor" in update.message


@pytest.mark.req("SOM-15")
@pytest.mark.parametrize("stage", ["Informal resolution", "Formal investigation"])
def test_the_manager_is_told_the_actions_they_must_take(stage):
	[actions] = to(sent(complaint(), "stage_changed", stage), roles.LINE_MANAGER)
	assert {r.value for r in actions.recipients} == {roles.LINE_MANAGER, roles.CASE_OFFICER}
	assert "Keep the person harmed away from the alleged perpetrator" in actions.message
	assert "action plan with clear dates and who does each action" in actions.message
	assert not to(sent(complaint(), "stage_changed", "Outcome sent"), roles.LINE_MANAGER)


@pytest.mark.req("SOM-2")
def test_after_a_complaint_about_an_employee_closes_the_hr_officer_organises_the_questionnaire():
	[questionnaire] = to(sent(complaint(), "closed"), "hr_officer_com")
	assert questionnaire.subject == "Satisfaction questionnaire for case COM/RO001/2627"
	# Flow 2 (about a service user) has no questionnaire in the Code.
	flow_2 = complaint(parties=[make_party("complainant", "employee"), make_party("subject", "service_user")])
	assert sent(flow_2, "closed") == []


@pytest.mark.req("SOM-12", "SOM-1")
def test_messages_name_cases_by_reference_only_and_redirected_cases_get_none():
	for event, stage in (("received", None), ("stage_changed", "Formal investigation"), ("closed", None)):
		for notification in sent(complaint(), event, stage):
			assert "subject@x" not in notification.message and "complainant@x" not in notification.message
	assert sent(complaint(procedure=STAFF_COMPLAINT), "received") == []
	assert sent(complaint(behaviours=("other",)), "received") == []
