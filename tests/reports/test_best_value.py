"""Best Value indicators 174 and 175 (SOM-17): complaints of discrimination recorded and followed up, by race,
gender, disability and sexual orientation, with small numbers hidden so nobody can be picked out (X-2)."""

import random
from collections import defaultdict

import pytest

from fairness_app.reports.best_value import HEADINGS, best_value_table, followed_up, headings_of
from fairness_app.reports.facts import listed
from fairness_app.reports.suppression import SECONDARY_MARK
from tests.reports.worked_back import possible_values

FIGURES = ("followed_up", "not_followed_up", "recorded")


def complaints(grounds, outcome=None, sanction=None, count=1):
	"""A grouped row as the monitoring query returns it: the grounds one a line."""
	return {"grounds": listed(grounds), "outcome": outcome, "sanction": sanction, "count": count}


ROWS = [
	complaints(["Race"], "Upheld", count=6),
	complaints(["Race", "Sex"], "Partly upheld", count=4),
	complaints(["Race"], "Not upheld", count=3),
	complaints(["Disability"], "Not upheld", "Written warning", count=2),
	complaints(["Sexual orientation"], "Withdrawn", count=5),
	complaints(["Age"], "Upheld", count=7),  # not one of the indicators' grounds
	complaints(["Sex"], None, count=2),  # not decided yet
]

SMALL_RACE_COUNTS = [
	complaints(["Race"], "Upheld", count=12),
	complaints(["Race"], "Not upheld", count=3),
	complaints(["Disability"], "Upheld", count=20),
	complaints(["Disability"], "Not upheld", count=9),
	complaints(["Sex"], "Upheld", count=6),
	complaints(["Sex"], "Withdrawn", count=8),
]


def figures(line):
	return tuple(getattr(line, name) for name in FIGURES)


def true_values(rows):
	"""The figures before any are hidden, keyed as `published` keys them."""
	values = defaultdict(int)
	for row in rows:
		figure = "followed_up" if followed_up(row) else "not_followed_up"
		for ground in headings_of(row):
			for key in ((ground, figure), (ground, "recorded"), ("total", figure), ("total", "recorded")):
				values[key] += row["count"]
	return values


def published(table):
	"""Every figure of the table, keyed (ground or "total", figure), and the sums a reader can make of them."""
	lines = {line.ground: line for line in table.lines} | {"total": table.total}
	values = {(ground, name): getattr(line, name) for ground, line in lines.items() for name in FIGURES}
	sums = [([(ground, "followed_up"), (ground, "not_followed_up")], (ground, "recorded")) for ground in lines]
	sums += [([(line.ground, name) for line in table.lines], ("total", name)) for name in FIGURES]
	return values, sums


@pytest.mark.req("SOM-17")
def test_each_ground_is_a_line_of_complaints_recorded_and_followed_up():
	"""A complaint on race and sex is recorded under race and under gender; a ground outside the four is not."""
	table = best_value_table(ROWS, threshold=2)
	assert [line.ground for line in table.lines] == ["Race", "Gender", "Disability", "Sexual orientation"]
	assert [figures(line) for line in table.lines] == [(10, 3, 13), (4, 2, 6), (2, 0, 2), (0, 5, 5)]
	assert (table.total.ground, figures(table.total)) == ("All four grounds", (16, 10, 26))
	assert [line.followed_up_share for line in table.lines] == [76.9, 66.7, 100.0, 0.0]
	assert table.total.followed_up_share == 61.5


@pytest.mark.req("SOM-17")
@pytest.mark.parametrize(
	("outcome", "sanction", "expected"),
	[
		("Upheld", None, True),
		("Partly upheld", None, True),
		("Not upheld", "Written warning", True),
		(None, "Dismissal", True),
		("Not upheld", "No action", False),
		("Upheld", "No action", True),
		("Withdrawn", None, False),
		("Not completed", None, False),
		(None, None, False),
	],
)
def test_followed_up_means_upheld_in_whole_or_in_part_or_a_sanction_given(outcome, sanction, expected):
	assert followed_up({"outcome": outcome, "sanction": sanction}) is expected


@pytest.mark.req("SOM-17")
def test_bv174_is_the_number_recorded_per_100000_people():
	table = best_value_table(ROWS, threshold=2, population=250_000)
	assert [line.per_100000 for line in table.lines] == [5.2, 2.4, 0.8, 2.0]
	assert table.total.per_100000 == 10.4
	assert table.population == 250_000
	without = best_value_table(ROWS, threshold=2)
	assert [line.per_100000 for line in (*without.lines, without.total)] == [None] * 5


@pytest.mark.req("SOM-17", "X-2")
def test_small_numbers_are_hidden_and_no_share_or_rate_is_worked_from_a_hidden_figure():
	table = best_value_table(SMALL_RACE_COUNTS, population=100_000)
	race = table.lines[HEADINGS.index("Race")]
	assert race.not_followed_up == "<5"
	assert race.followed_up == SECONDARY_MARK  # or 15 - 12 would give the 3 away
	assert race.followed_up_share is None
	assert race.per_100000 == (15.0 if race.recorded == 15 else None)
	for line in (*table.lines, table.total):
		hidden = any(isinstance(figure, str) for figure in (line.followed_up, line.recorded))
		assert (line.followed_up_share is None) == (hidden or line.recorded == 0)
		assert (line.per_100000 is None) == isinstance(line.recorded, str)


@pytest.mark.req("SOM-17", "X-2")
@pytest.mark.parametrize(
	"rows",
	[
		SMALL_RACE_COUNTS,
		[
			complaints(["Race", "Sex"], "Upheld", count=2),
			complaints(["Race"], None, count=9),
			complaints(["Disability"], "Not upheld", count=1),
			complaints(["Disability"], "Upheld", count=14),
			complaints(["Sexual orientation"], "Upheld", count=7),
		],
	],
)
def test_no_hidden_figure_can_be_worked_back_from_the_published_ones(rows):
	"""Brute force: every table whose figures fit the published ones (the marks' bounds and every sum), and each
	hidden figure takes more than one value among them."""
	table = best_value_table(rows)
	values, sums = published(table)
	assert any(isinstance(shown, str) for shown in values.values())
	possible, truth = possible_values(values, sums, table.threshold, cap=25), true_values(rows)
	for key, shown in values.items():
		if isinstance(shown, str):
			assert truth[key] in possible[key]
			assert len(possible[key]) > 1, (key, possible[key])


@pytest.mark.req("SOM-17", "X-2")
def test_no_line_or_column_leaves_a_single_hidden_figure():
	"""Followed up and not followed up add up to recorded, so neither may be hidden alone; nor may one ground in
	a column whose total is shown."""
	rng = random.Random(174)
	grounds = ["Race", "Sex", "Disability", "Sexual orientation", "Age"]
	for _ in range(60):
		rows = [
			complaints(
				rng.sample(grounds, rng.randint(1, 2)),
				rng.choice(["Upheld", "Not upheld", "Withdrawn", None]),
				rng.choice([None, "No action", "Verbal warning"]),
				rng.randint(1, 8),
			)
			for _ in range(rng.randint(1, 12))
		]
		values, sums = published(best_value_table(rows))
		for cells, total in sums:
			assert sum(isinstance(values[key], str) for key in (*cells, total)) != 1, (cells, values)


@pytest.mark.req("SOM-17", "X-2")
@pytest.mark.parametrize(
	("rows", "threshold", "population"),
	[
		(ROWS, 1, None),  # would publish every count
		(ROWS, 0, None),
		([complaints(["Race"], "Upheld", count=-3), complaints(["Race"], "Upheld", count=9)], 5, None),
		([{"grounds": "Race", "outcome": "Upheld"}], 5, None),  # no count
		(ROWS, 5, 0),
		(ROWS, 5, -100),
		(ROWS, 5, 2.5),
	],
)
def test_bad_input_is_refused_with_a_clear_error(rows, threshold, population):
	with pytest.raises(ValueError):
		best_value_table(rows, threshold, population)
