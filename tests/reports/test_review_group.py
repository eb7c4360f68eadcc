"""The six-monthly review group's counts (SOM-17: numbers and types, never individual details) and each department's
quarterly return (SOM-20), with small numbers hidden so nobody can be picked out (X-2)."""

import random

import pytest

from fairness_app.reports.facts import listed
from fairness_app.reports.review_group import ALL_GROUNDS, departmental_return, review_group_table
from fairness_app.reports.suppression import SECONDARY_MARK
from tests.reports.worked_back import (
	assert_nothing_can_be_worked_back,
	cell,
	count_table_figures,
)

RESOURCES = "Resources"
CHILDREN = "Children's Services"


def complaints(kind, directorate, grounds, outcome, stage, count):
	"""A grouped row as the monitoring query returns it: the grounds one a line."""
	return {
		"complaint_type": kind,
		"directorate": directorate,
		"grounds": listed(grounds),
		"outcome": outcome,
		"stage_category": stage,
		"count": count,
	}


ROWS = [
	complaints("Complaint", RESOURCES, ["Race", "Sex"], "Upheld", "closed", 3),
	complaints("Complaint", RESOURCES, ["Race"], "Not upheld", "closed", 4),
	complaints("Complaint", CHILDREN, [], None, "open", 6),
	complaints("Discrimination questionnaire", None, ["Age"], None, "waiting", 2),
	complaints(None, CHILDREN, ["Disability"], "Withdrawn", "closed", 5),
]


def sections(table):
	"""{heading: ([(label, count)], (total's label, total))}"""
	return {
		section.heading: (
			[(line.label, line.count) for line in section.lines],
			(section.total.label, section.total.count),
		)
		for section in table.sections
	}


def section_figures(table):
	"""Every figure of a review group table keyed (heading, label), and what a reader knows of them: the sums, and
	that no ground holds more than the complaints, nor the grounds counted fewer."""
	values, sums, at_most = {"complaints": table.total.count}, [], []
	for section in table.sections:
		keys = [(section.heading, line.label) for line in section.lines]
		values |= {key: line.count for key, line in zip(keys, section.lines)}
		total = (section.heading, section.total.label) if section.total.label == ALL_GROUNDS else "complaints"
		values[total] = section.total.count
		sums.append((keys, total))
		if total != "complaints":
			at_most += [(key, "complaints") for key in keys] + [("complaints", total)]
	return values, sums, at_most


@pytest.mark.req("SOM-17")
def test_the_review_group_sees_the_numbers_under_each_heading():
	table = review_group_table(ROWS, threshold=2)
	assert table.total.count == 20
	got = sections(table)
	assert list(got) == ["Type of complaint", "Directorate", "Ground", "Outcome", "Stage"]
	assert got["Type of complaint"] == (
		[("Complaint", 13), ("Discrimination questionnaire", 2), ("Not stated", 5)],
		("All complaints", 20),
	)
	assert got["Directorate"] == ([(CHILDREN, 11), (RESOURCES, 7), ("No directorate", 2)], ("All complaints", 20))
	assert got["Outcome"][0] == [
		("Upheld", 3),
		("Partly upheld", 0),
		("Not upheld", 4),
		("Withdrawn", 5),
		("Not completed", 0),
		("Not yet decided", 8),
	]
	assert got["Stage"][0] == [("Open", 6), ("Waiting on someone", 2), ("Paused", 0), ("Closed", 12)]


@pytest.mark.req("SOM-17", "SOM-19")
def test_a_complaint_on_two_grounds_counts_under_each_so_the_grounds_add_up_to_more_than_the_complaints():
	ground_lines, ground_total = sections(review_group_table(ROWS, threshold=2))["Ground"]
	assert ground_lines == [("Age", 2), ("Disability", 5), ("Race", 7), ("Sex", 3), ("No ground given", 6)]
	assert ground_total == (ALL_GROUNDS, 23)


@pytest.mark.req("SOM-17", "X-2")
def test_the_review_group_never_sees_the_details_of_a_single_complaint():
	table = review_group_table([complaints("Complaint", RESOURCES, ["Race"], "Upheld", "closed", 1)])
	assert table.total.count == "<5"
	for section in table.sections:
		assert all(line.count in (0, "<5", SECONDARY_MARK) for line in (*section.lines, section.total))


@pytest.mark.req("SOM-17")
def test_with_no_complaints_the_fixed_headings_still_show_nought():
	got = sections(review_group_table([]))
	assert got["Type of complaint"] == ([], ("All complaints", 0))
	assert [count for _, count in got["Outcome"][0]] == [0] * 6
	assert [label for label, _ in got["Stage"][0]] == ["Open", "Waiting on someone", "Paused", "Closed"]


@pytest.mark.req("SOM-20")
def test_each_department_returns_its_own_line():
	table = departmental_return(ROWS, threshold=2)
	children, resources, nobody = table.lines
	assert [(line.label, line.cases) for line in table.lines] == [(CHILDREN, 11), (RESOURCES, 7), ("No directorate", 2)]
	assert (table.total.label, table.total.cases) == ("All directorates", 20)
	assert cell(table, resources, "Ground", "Race") == 7
	assert cell(table, resources, "Ground", "Sex") == 3
	assert cell(table, resources, "Ground", ALL_GROUNDS) == 10
	assert cell(table, resources, "Outcome", "Not upheld") == 4
	assert cell(table, children, "Type of complaint", "Not stated") == 5
	assert cell(table, children, "Stage", "Open") == 6
	assert cell(table, nobody, "Type of complaint", "Discrimination questionnaire") == 2
	assert cell(table, table.total, "Ground", "No ground given") == 6
	assert all(column.group != "Directorate" for column in table.columns)


@pytest.mark.req("SOM-17", "X-2")
def test_no_hidden_figure_in_the_review_group_counts_can_be_worked_back():
	rows = [
		complaints("Complaint", RESOURCES, ["Race"], "Upheld", "closed", 12),
		complaints("Complaint", CHILDREN, ["Sex"], "Not upheld", "open", 3),
		complaints("Discrimination questionnaire", RESOURCES, ["Race", "Age"], None, "open", 2),
		complaints("Complaint", CHILDREN, [], "Withdrawn", "closed", 8),
	]
	table = review_group_table(rows)
	kinds, _ = sections(table)["Type of complaint"]
	assert kinds == [("Complaint", SECONDARY_MARK), ("Discrimination questionnaire", "<5")]
	assert_nothing_can_be_worked_back(*section_figures(table), table.threshold, cap=30)


@pytest.mark.req("SOM-20", "X-2")
def test_no_hidden_figure_in_a_departmental_return_can_be_worked_back():
	"""The 3 open complaints in Children's Services would follow from the open column's total of 12 and the 9 in
	Resources, and from the 11 complaints less the 8 closed, so more is hidden."""
	rows = [
		complaints("Complaint", RESOURCES, ["Race"], "Upheld", "open", 9),
		complaints("Complaint", RESOURCES, ["Sex"], "Not upheld", "closed", 6),
		complaints("Complaint", CHILDREN, ["Race"], "Not upheld", "open", 3),
		complaints("Complaint", CHILDREN, ["Sex"], "Upheld", "closed", 8),
	]
	table = departmental_return(rows)
	assert cell(table, table.lines[0], "Stage", "Open") == "<5"
	assert_nothing_can_be_worked_back(*count_table_figures(table), table.threshold, cap=20)


@pytest.mark.req("SOM-20", "SOM-19", "X-2")
@pytest.mark.parametrize(
	"rows",
	[
		[
			complaints("Complaint", RESOURCES, ["Race", "Sex"], "Upheld", "closed", 11),
			complaints("Complaint", CHILDREN, ["Sex"], "Upheld", "closed", 1),
		],
		[
			complaints("Complaint", RESOURCES, ["Race"], "Upheld", "closed", 5),
			complaints("Complaint", CHILDREN, ["Race"], "Upheld", "closed", 1),
			complaints("Complaint", CHILDREN, ["Race", "Sex"], "Upheld", "closed", 2),
		],
	],
)
def test_no_ground_column_gives_away_a_directorates_complaints(rows):
	"""A reader knows that a ground's count is at most the line's complaints: in the first table, were the 11 on
	race in Resources shown beside a total of 12 complaints, Children's Services would have had at most 1, so its
	single complaint would be given away. The brute force knows it too, and that the grounds counted are at least
	the complaints."""
	table = departmental_return(rows)
	assert_nothing_can_be_worked_back(*count_table_figures(table), table.threshold, cap=25)


@pytest.mark.req("SOM-20", "X-2")
def test_no_sum_in_a_departmental_return_leaves_a_single_hidden_figure():
	"""Within a line, type, outcome and stage each add up to the complaints and the grounds to the grounds counted;
	each column adds up to its total. None of those sums may have exactly one hidden figure."""
	rng = random.Random(20)
	for _ in range(40):
		rows = [
			complaints(
				rng.choice(["Complaint", "Discrimination questionnaire", None]),
				rng.choice([RESOURCES, CHILDREN, "Adults", None]),
				rng.sample(["Race", "Sex", "Age", "Disability"], rng.randint(0, 2)),
				rng.choice(["Upheld", "Not upheld", "Withdrawn", None]),
				rng.choice(["open", "closed", "paused"]),
				rng.randint(1, 9),
			)
			for _ in range(rng.randint(1, 25))
		]
		values, sums, _ = count_table_figures(departmental_return(rows))
		for cells, total in sums:
			assert sum(isinstance(values[key], str) for key in (*cells, total)) != 1, (cells, total, values)


@pytest.mark.req("SOM-17", "SOM-20", "X-2")
@pytest.mark.parametrize("report", [review_group_table, departmental_return])
@pytest.mark.parametrize(
	("rows", "threshold"),
	[
		(ROWS, 1),  # would publish every count
		(ROWS, 0),
		(ROWS, "5"),
		([*ROWS, complaints("Complaint", RESOURCES, ["Race"], "Upheld", "closed", -2)], 5),
		([{"complaint_type": "Complaint"}], 5),  # no count
	],
)
def test_bad_input_is_refused_with_a_clear_error(report, rows, threshold):
	with pytest.raises(ValueError):
		report(rows, threshold)
