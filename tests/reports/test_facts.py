"""Monitoring facts: what leaves a case for the reports is categories, bands, ticks, counts and whole days, and
nothing that leads back to a person (X-2, X-3, SOM-12)."""

from datetime import date, datetime

import pytest

from fairness_app.reports.facts import (
	COMPLAINT,
	EQUALITY_BANDS,
	INCIDENT,
	MET,
	MISSED,
	RUNNING,
	clock_result,
	listed,
	monitoring_fact,
	unlisted,
)

SECRETS = ("Jane Harris", "CEO/JH001/2627", "shouted at me in the canteen", "jane@example.org", "Room 4")

COMPLAINT_CASE = {
	"name": "CEO/JH001/2627",
	"reference": "CEO/JH001/2627",
	"complaint_type": "Complaint",
	"formality": "Formal",
	"directorate": "Chief Executive's Office",
	"service_area": "Room 4",
	"procedure": "staff_complaint",
	"workflow_state": "Decision sent",
	"stage_category": "closed",
	"resolution_sought": "shouted at me in the canteen",
	"outcome": "Partly upheld",
	"outcome_reasons": "Jane Harris shouted at me in the canteen",
	"disciplinary_outcome": "Written warning",
	"appeal_received_on": date(2026, 7, 1),
	"appeal_outcome": "Not upheld",
	"owner": "jane@example.org",
}
ALLEGATIONS = [
	{"behaviour": "Harassment", "ground": "Race", "harassment_type": "Spoken", "details": SECRETS[2], "subject": "P1"},
	{"behaviour": "Harassment", "ground": "Age", "harassment_type": "Spoken", "details": SECRETS[0]},
]
EQUALITY = {
	"declined": 0,
	"case": "CEO/JH001/2627",
	"age_band": "35 to 44",
	"sex": "Female",
	"disabled": "No",
	"ethnic_group": "Asian or Asian British: Indian",
}


def complaint_fact(**overrides):
	arguments = {
		"received_on": date(2026, 4, 1),
		"closed_on": date(2026, 9, 30),
		"allegations": ALLEGATIONS,
		"clocks": [{"rule_key": "acknowledgement", "label": "Acknowledge", "status": "Met"}],
		"equality": EQUALITY,
	}
	return monitoring_fact(COMPLAINT, COMPLAINT_CASE, **{**arguments, **overrides})


def every_value(fact):
	for value in fact.values():
		if isinstance(value, list):
			for row in value:
				yield from row.values()
		else:
			yield value


def test_a_list_is_kept_once_sorted_and_comes_back_the_same():
	assert listed(["Race", None, "Age", "Race"]) == "Age\nRace"
	assert listed([]) is None
	assert unlisted(listed(["Sex", "Age"])) == ["Age", "Sex"]
	assert unlisted(None) == []


@pytest.mark.req("X-2", "X-3", "SOM-12")
def test_no_name_reference_free_text_or_address_leaves_the_case():
	fact = complaint_fact()
	for value in every_value(fact):
		for secret in SECRETS:
			assert secret not in str(value)


@pytest.mark.req("DER-25", "SOM-17")
def test_a_complaint_fact_keeps_what_the_committee_table_counts():
	fact = complaint_fact()
	assert fact["case_kind"] == COMPLAINT
	assert (fact["financial_year"], fact["quarter"], fact["half"]) == ("2026-27", 1, 1)
	assert fact["directorate"] == "Chief Executive's Office"
	assert (fact["route"], fact["stage"], fact["stage_category"]) == ("staff_complaint", "Decision sent", "closed")
	assert (fact["outcome"], fact["sanction"], fact["appealed"], fact["appeal_outcome"]) == (
		"Partly upheld",
		"Written warning",
		1,
		"Not upheld",
	)
	assert fact["ethnic_group"] == "Asian or Asian British: Indian"
	assert fact["sex"] == "Female"
	assert (fact["behaviours"], fact["grounds"], fact["harassment_types"]) == ("Harassment", "Age\nRace", "Spoken")
	assert unlisted(fact["grounds"]) == ["Age", "Race"]
	assert fact["clocks"] == [{"rule_key": "acknowledgement", "label": "Acknowledge", "result": MET}]


@pytest.mark.req("X-2", "DER-24")
def test_nothing_is_kept_from_the_equality_record_of_someone_who_declined():
	fact = complaint_fact(equality={**EQUALITY, "declined": 1})
	assert {band: fact[band] for band in EQUALITY_BANDS} == dict.fromkeys(EQUALITY_BANDS)
	assert all(fact[band] is None for band in EQUALITY_BANDS)
	assert all(complaint_fact(equality=None)[band] is None for band in EQUALITY_BANDS)


@pytest.mark.req("X-2")
def test_a_time_of_day_is_dropped_and_an_open_case_has_no_closing_day():
	fact = complaint_fact(received_on=datetime(2027, 3, 31, 23, 59), closed_on=None)
	assert fact["received_on"] == date(2027, 3, 31)
	assert (fact["financial_year"], fact["quarter"], fact["half"]) == ("2026-27", 4, 2)
	assert fact["closed_on"] is None
	assert complaint_fact(received_on="2027-04-01 08:00:00")["financial_year"] == "2027-28"


@pytest.mark.req("CUM-6", "KEN-11", "CUM-11")
def test_an_incident_fact_keeps_its_type_channel_hate_police_and_repeat_count():
	incident = {
		"workplace": "Council",
		"channel": "Phone",
		"seriousness": "High",
		"hate_incident": 1,
		"police_contacted": 1,
		"physical_contact": 0,
		"repeat_incidents": 2,
		"location": SECRETS[4],
		"crime_reference": "CRI-12345",
	}
	fact = monitoring_fact(
		INCIDENT,
		incident,
		received_on=date(2026, 11, 2),
		closed_on=None,
		abuse_types=["Verbal abuse", "Threats", "Verbal abuse", None],
	)
	assert fact["channel"] == "Phone"
	assert (fact["hate_related"], fact["police_involved"], fact["physical_contact"]) == (1, 1, 0)
	assert fact["repeat_incidents"] == 2
	assert fact["abuse_types"] == "Threats\nVerbal abuse"
	assert "outcome" not in fact
	assert not {"Room 4", "CRI-12345"} & set(map(str, every_value(fact)))


@pytest.mark.req("DER-9", "X-1")
@pytest.mark.parametrize(
	"row, result",
	[
		({"status": "Met"}, MET),
		({"status": "Met", "alerted": "Missed"}, MISSED),  # taken late, after the sweep found it missed
		({"status": "Missed"}, MISSED),
		({"status": "Running"}, RUNNING),
		({"status": "Due", "alerted": "Due"}, RUNNING),
		({"status": "Paused"}, RUNNING),
		({"status": "Cancelled"}, "Cancelled"),
	],
)
def test_each_deadline_is_counted_as_met_missed_running_or_cancelled(row, result):
	assert clock_result(row) == result


@pytest.mark.req("FHB-12", "DER-16")
def test_a_partys_time_to_appeal_is_not_one_of_the_councils_deadlines():
	clocks = [
		{"rule_key": "acknowledgement", "label": "Acknowledge", "status": "Met"},
		{"rule_key": "appeal_window", "label": "Time to appeal", "status": "Closed", "party_window": True},
	]
	assert [clock["rule_key"] for clock in complaint_fact(clocks=clocks)["clocks"]] == ["acknowledgement"]


def test_a_fact_needs_a_kind_and_a_day_received():
	with pytest.raises(ValueError, match="Complaint or an Incident"):
		monitoring_fact("Councillor", {}, received_on=date(2026, 4, 1), closed_on=None)
	with pytest.raises(ValueError, match="day the case was received"):
		monitoring_fact(COMPLAINT, {}, received_on=None, closed_on=None)
