"""Third-party abuse of staff for senior managers (CUM-6: numbers, types and frequency; KEN-11: incidents collected
and monitored), with repeat perpetrators as counts only and small numbers hidden (X-2)."""

import random

import pytest

from fairness_app.reports.facts import listed
from fairness_app.reports.incidents_summary import ALL_TYPES, REPEAT_BANDS, incidents_table
from fairness_app.reports.suppression import SECONDARY_MARK
from tests.reports.worked_back import assert_nothing_can_be_worked_back, cell, count_table_figures

ADULTS = "Adults"
CHILDREN = "Children's Services"
REPEAT = "Incidents by the same person"


def incidents(quarter, directorate, workplace, types, police=0, hate=0, earlier=0, count=1, year="2026-27"):
	"""A grouped row as the monitoring query returns it: the types of abuse one a line."""
	return {
		"financial_year": year,
		"quarter": quarter,
		"directorate": directorate,
		"workplace": workplace,
		"abuse_types": listed(types),
		"police_involved": police,
		"hate_related": hate,
		"repeat_incidents": earlier,
		"count": count,
	}


ROWS = [
	incidents(1, ADULTS, "Council", ["Verbal abuse", "Racial abuse"], police=1, hate=1, earlier=0, count=3),
	incidents(1, ADULTS, "School", ["Verbal abuse"], earlier=2, count=4),
	incidents(3, CHILDREN, "Council", ["Physical assault"], police=1, earlier=5, count=2),
	incidents(3, None, None, [], earlier=1, count=2),
]


def figures(table, line, heading):
	return [
		(column.label, cell)
		for column, cell in zip(table.columns, line.cells, strict=True)
		if column.group == heading
	]


@pytest.mark.req("CUM-6", "KEN-11")
def test_each_quarter_of_the_year_is_a_line_so_managers_see_how_often_incidents_happen():
	"""A quarter without incidents shows as nought rather than going missing, and years run in order."""
	rows = [*ROWS, incidents(1, ADULTS, "Council", ["Verbal abuse"], count=2, year="2027-28")]
	table = incidents_table(rows, threshold=2)
	assert [(line.label, line.cases) for line in table.lines] == [
		("Q1 2026-27", 7),
		("Q2 2026-27", 0),
		("Q3 2026-27", 4),
		("Q4 2026-27", 0),
		("Q1 2027-28", 2),
		("Q2 2027-28", 0),
		("Q3 2027-28", 0),
		("Q4 2027-28", 0),
	]
	assert (table.total.label, table.total.cases) == ("All quarters", 13)


@pytest.mark.req("CUM-6", "KEN-11", "CUM-2", "CUM-5")
def test_incidents_are_counted_by_directorate_workplace_type_police_and_hate():
	table = incidents_table(ROWS, threshold=2)
	first, _, third, _ = table.lines
	assert figures(table, third, "Directorate") == [(ADULTS, 0), (CHILDREN, 2), ("No directorate", 2)]
	assert figures(table, first, "Workplace") == [("Council", 3), ("School", 4), ("Not stated", 0)]
	assert figures(table, table.total, "Type of abuse") == [
		("Physical assault", 2),
		("Racial abuse", 3),
		("Verbal abuse", 7),
		("No type given", 2),
		(ALL_TYPES, 14),  # an incident of two types counts under each
	]
	assert figures(table, table.total, "Police involved") == [("Yes", 5), ("No", 6)]
	assert figures(table, table.total, "Hate-related") == [("Yes", 3), ("No", 8)]


@pytest.mark.req("CUM-6", "CUM-11", "X-2")
def test_repeat_perpetrators_are_counted_in_bands_never_named():
	"""How many incidents came from someone with earlier incidents, by how many they now have; never who."""
	bands = ["First known", "2 or 3 by the same person", "4 or more by the same person"]
	assert [label for _, label in REPEAT_BANDS] == bands
	rows = [incidents(1, ADULTS, "Council", ["Verbal abuse"], earlier=earlier, count=2) for earlier in (0, 1, 2, 3, 7)]
	table = incidents_table(rows, threshold=2)
	assert figures(table, table.total, REPEAT) == list(zip(bands, [2, 4, 4]))
	assert figures(table, table.lines[0], REPEAT) == figures(table, table.total, REPEAT)


@pytest.mark.req("CUM-6", "X-2")
def test_a_single_hate_incident_is_hidden_and_so_is_what_would_give_it_away():
	rows = [
		incidents(1, ADULTS, "Council", ["Verbal abuse"], count=20),
		incidents(1, ADULTS, "Council", ["Racial abuse", "Verbal abuse"], hate=1, count=1),
		incidents(2, ADULTS, "Council", ["Verbal abuse"], count=12),
	]
	table = incidents_table(rows)
	first = table.lines[0]
	assert cell(table, first, "Hate-related", "Yes") == "<5"
	assert cell(table, first, "Hate-related", "No") == SECONDARY_MARK  # or 21 less 20 would give the 1 away
	assert cell(table, first, "Type of abuse", "Racial abuse") == "<5"
	assert cell(table, table.total, "Hate-related", "Yes") == "<5"


@pytest.mark.req("CUM-6", "X-2")
@pytest.mark.parametrize(
	"rows",
	[
		[
			incidents(1, ADULTS, "Council", ["Verbal abuse"], count=10),
			incidents(1, ADULTS, "School", ["Verbal abuse", "Racial abuse"], hate=1, count=3),
			incidents(1, CHILDREN, "Council", ["Physical assault"], police=1, earlier=1, count=8),
			incidents(1, CHILDREN, "School", ["Verbal abuse"], count=6),
		],
		[
			incidents(1, ADULTS, "Council", ["Verbal abuse"], count=10),
			incidents(1, ADULTS, "Council", ["Verbal abuse", "Racial abuse"], hate=1, count=2),
			incidents(2, ADULTS, "Council", ["Verbal abuse"], count=10),
			incidents(2, ADULTS, "Council", ["Verbal abuse"], hate=1, count=7),
		],
	],
)
def test_no_hidden_figure_can_be_worked_back_from_the_published_ones(rows):
	"""Brute force over every table that fits what is published: the sums, the marks' bounds, and that no type of
	abuse holds more than a quarter's incidents, nor the types counted fewer."""
	table = incidents_table(rows)
	assert_nothing_can_be_worked_back(*count_table_figures(table, own_totals=(ALL_TYPES,)), table.threshold, cap=25)


@pytest.mark.req("CUM-6", "X-2")
def test_no_sum_leaves_a_single_hidden_figure():
	"""Within a quarter, directorate, workplace, police, hate and repeat columns each add up to the incidents and
	the types to the types counted; each column adds up to its total."""
	rng = random.Random(6)
	types = ["Verbal abuse", "Racial abuse", "Physical assault", "Threats or violence"]
	for _ in range(30):
		rows = [
			incidents(
				rng.randint(1, 4),
				rng.choice([ADULTS, CHILDREN, None]),
				rng.choice(["Council", "School", None]),
				rng.sample(types, rng.randint(1, 2)),
				police=rng.randint(0, 1),
				hate=rng.randint(0, 1),
				earlier=rng.randint(0, 5),
				count=rng.randint(1, 9),
			)
			for _ in range(rng.randint(1, 20))
		]
		values, sums, _ = count_table_figures(incidents_table(rows), own_totals=(ALL_TYPES,))
		for cells, total in sums:
			assert sum(isinstance(values[key], str) for key in (*cells, total)) != 1, (cells, total, values)


@pytest.mark.req("KEN-11", "X-2")
@pytest.mark.parametrize(
	("rows", "threshold"),
	[
		(ROWS, 1),  # would publish every count
		(ROWS, -5),
		([*ROWS, incidents(2, ADULTS, "Council", ["Verbal abuse"], count=-1)], 5),
		([incidents(2, ADULTS, "Council", ["Verbal abuse"], earlier=-1, count=3)], 5),
		([incidents(2, ADULTS, "Council", ["Verbal abuse"], count=3, year="2026/27")], 5),
		([incidents(5, ADULTS, "Council", ["Verbal abuse"], count=3)], 5),
	],
)
def test_bad_input_is_refused_with_a_clear_error(rows, threshold):
	with pytest.raises(ValueError):
		incidents_table(rows, threshold)
