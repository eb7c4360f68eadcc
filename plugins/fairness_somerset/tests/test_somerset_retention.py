"""SOM-13: all forms destroyed 2 years after resolution; and no time limit on complaints."""

from datetime import date

import pytest
from fairness_somerset import Somerset

from fairness_app.procedure.defaults import PUBLIC_COMPLAINT, STAFF_COMPLAINT, THIRD_PARTY_INCIDENT
from fairness_app.testing import make_case, plugin_manager

PLUGINS = plugin_manager(Somerset())


@pytest.mark.req("SOM-13")
def test_forms_are_kept_until_2_years_after_resolution():
	decision = PLUGINS.retention(make_case(procedure=PUBLIC_COMPLAINT, closed_on=date(2026, 7, 15)))
	assert decision.decided_by == "somerset"
	assert decision.value.keep_until == date(2028, 7, 15)
	assert "2 years after resolution" in decision.value.rule
	assert not decision.value.is_due(date(2028, 7, 15))
	assert decision.value.is_due(date(2028, 7, 16))
	assert not decision.value.is_due(date(2028, 7, 16), legal_hold=True)


@pytest.mark.req("SOM-13")
def test_an_open_case_has_no_destruction_date_yet():
	value = PLUGINS.retention(make_case(procedure=PUBLIC_COMPLAINT)).value
	assert value.keep_until is None and "not yet resolved" in value.rule


@pytest.mark.req("SOM-13")
def test_incidents_and_redirected_forms_follow_the_same_rule_but_the_staff_procedure_keeps_its_own():
	incident = make_case(case_type="incident", procedure=THIRD_PARTY_INCIDENT, closed_on=date(2028, 2, 29))
	assert PLUGINS.retention(incident).value.keep_until == date(2030, 2, 28)
	general = make_case(procedure=PUBLIC_COMPLAINT, behaviours=("other",), closed_on=date(2026, 5, 1))
	assert PLUGINS.retention(general).value.keep_until == date(2028, 5, 1)
	staff = make_case(procedure=STAFF_COMPLAINT, closed_on=date(2026, 5, 1))
	assert PLUGINS.retention(staff).decided_by == "builtin"


@pytest.mark.req("SOM-6")
def test_a_complaint_can_be_made_however_long_ago_the_incident_was():
	case = make_case(
		procedure=PUBLIC_COMPLAINT, latest_incident_on=date(2024, 1, 1), received_on=date(2026, 6, 1)
	)
	decision = PLUGINS.time_limit(case)
	assert decision.decided_by == "somerset"
	assert not decision.value.is_late(case.latest_incident_on, case.received_on)
