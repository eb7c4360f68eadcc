"""Who is told what as a formal complaint moves on (FHB-1, FHB-4, FHB-6, FHB-7, FHB-9, FHB-12 to FHB-15)."""

from datetime import datetime

import pytest
from fairness_er_consultant import ErConsultant

from fairness_app import roles
from fairness_app.procedure.decisions import RecipientKind
from fairness_app.procedure.snapshots import CaseEvent
from fairness_app.testing import make_case, plugin_manager

PLUGINS = plugin_manager(ErConsultant())
AT = datetime(2026, 6, 1, 10)


def case(**fields):
	fields.setdefault("procedure", "er_consultant_formal")
	fields.setdefault("reference", "FC/2026-27/0007")
	fields.setdefault("formality", "formal")
	return make_case(**fields)


def sent(snapshot, stage=None, name="stage_changed"):
	"""{recipient value: [(subject, message)]} for one event."""
	found = {}
	for note in PLUGINS.notifications(snapshot, CaseEvent(name, AT, stage=stage)).values:
		for recipient in note.recipients:
			found.setdefault(recipient.value, []).append((note.subject, note.message))
	return found


def text(found, who):
	return " ".join(f"{subject} {message}" for subject, message in found.get(who, []))


@pytest.mark.req("FHB-4")
def test_the_acknowledgement_is_in_writing_and_the_form_goes_to_the_hr_service_desk():
	found = sent(case(), "Acknowledged")
	assert "received your formal complaint form (CF1)" in text(found, "complainant")
	assert "FC/2026-27/0007" in text(found, "hr_service_desk")


@pytest.mark.req("FHB-6")
def test_the_person_named_learns_the_nature_of_the_complaint_but_never_gets_the_form():
	found = sent(case(behaviours=("bullying", "harassment"), grounds=("race",)), "Complaint meeting")
	told = text(found, "subject")
	assert "bullying and harassment, related to race" in told
	assert "will not be sent the complaint form" in told


@pytest.mark.req("FHB-6")
def test_the_person_named_is_told_nothing_when_the_form_arrives():
	for stage in ("Acknowledged", "Decision sent", "Appeal meeting"):
		assert "subject" not in sent(case(), stage)


@pytest.mark.req("FHB-7")
@pytest.mark.parametrize("stage", ["Complaint meeting", "Appeal meeting"])
def test_the_employee_is_told_who_may_come_to_meetings(stage):
	told = text(sent(case(), stage), "complainant")
	assert "trade union representative or a workplace colleague" in told
	assert "legal representatives cannot come" in told


@pytest.mark.req("FHB-9", "FHB-12")
def test_the_decision_comes_with_reasons_and_the_right_to_appeal_within_5_working_days():
	told = text(sent(case(), "Decision sent"), "complainant")
	assert "reasons" in told and "form CF2" in told
	assert "within 5 working days" in told
	assert "late appeal cannot be accepted" in told


@pytest.mark.req("FHB-12")
def test_an_appeal_is_made_known_to_the_person_named_and_to_the_er_consultants():
	found = sent(case(), "Appeal")
	assert "An appeal has been made" in text(found, "subject")
	advice = text(found, roles.CASE_OFFICER)
	assert "not been involved" in advice and "at least 5 working days' notice" in advice
	assert "within 5 working days of the hearing" in advice and "told why" in advice


@pytest.mark.req("FHB-12")
def test_the_appeal_hearing_comes_with_5_working_days_notice():
	assert "at least 5 working days before it" in text(sent(case(), "Appeal meeting"), "complainant")


@pytest.mark.req("FHB-12", "FHB-15")
def test_at_the_end_the_decision_is_final_and_the_person_named_is_told_the_outcome_with_findings():
	found = sent(case(), "Closed")
	assert "The decision is final" in text(found, "complainant")
	assert "summary of the findings" in text(found, "subject")


@pytest.mark.req("FHB-13")
@pytest.mark.parametrize("outcome", ["upheld", "partly_upheld"])
def test_an_upheld_complaint_asks_the_er_consultant_to_tell_the_manager_and_advise(outcome):
	advice = text(sent(case(outcome=outcome), "Closed"), roles.CASE_OFFICER)
	assert "tell the appropriate manager" in advice and "disciplinary hearing" in advice
	assert "only for gross misconduct" in advice


@pytest.mark.req("FHB-14")
def test_a_complaint_not_upheld_asks_for_support_for_both_parties():
	advice = text(sent(case(outcome="not_upheld"), "Closed"), roles.CASE_OFFICER)
	assert "both the employee and the person named" in advice and "mediation or counselling" in advice


@pytest.mark.req("FHB-1")
def test_serious_allegations_recorded_as_informal_call_for_an_er_consultant_at_once():
	serious = case(formality="informal", behaviours=("abuse_or_violence",))
	assert "not suited to informal resolution" in text(sent(serious, name="recorded"), roles.CASE_OFFICER)
	assert sent(case(formality="informal", behaviours=("bullying",)), name="recorded") == {}
	assert sent(case(behaviours=("abuse_or_violence",)), name="recorded") == {}


@pytest.mark.req("FHB-1")
def test_sexual_allegations_recorded_as_informal_call_for_an_er_consultant_at_once():
	sexual = case(formality="informal", behaviours=("harassment",), harassment_types=("spoken", "sexual"))
	advice = text(sent(sexual, name="recorded"), roles.CASE_OFFICER)
	assert "alleges harassment. Some of it is said to be sexual." in advice
	assert "not suited to informal resolution" in advice
	assert sent(case(formality="informal", harassment_types=("spoken",)), name="recorded") == {}


@pytest.mark.req("FHB-6")
def test_notifications_name_people_only_by_their_part_in_the_case():
	for stage in ("Acknowledged", "Complaint meeting", "Decision sent", "Appeal", "Appeal meeting", "Closed"):
		for note in PLUGINS.notifications(case(), CaseEvent("stage_changed", AT, stage=stage)).values:
			assert all(r.kind is not RecipientKind.USER for r in note.recipients)


@pytest.mark.req("FHB-9")
def test_other_procedures_are_left_alone():
	assert sent(case(procedure="staff_complaint"), "Decision sent") == {}
