"""Published count tables hide small numbers, and no row or column gives a lone hidden one away through its total:
the monitoring role sees only anonymised aggregates (X-2) in the review group's and committee's reports (SOM-17,
DER-25)."""

import random

import pytest

from fairness_app.reports.suppression import (
	PRIMARY,
	SECONDARY,
	SECONDARY_MARK,
	SuppressedTable,
	suppress,
	suppress_counts,
)

REPORTS = ("X-2", "SOM-17", "DER-25")


def hidden(table: SuppressedTable) -> dict:
	"""{position: reason} as a plain dict, for comparing."""
	return dict(table.reasons)


def entries(table: SuppressedTable) -> dict:
	"""Every published figure by position, totals included ((row, None), (None, column), (None, None))."""
	shown = {(row, column): cell for row, cells in enumerate(table.cells) for column, cell in enumerate(cells)}
	shown.update({(row, None): total for row, total in enumerate(table.row_totals)})
	shown.update({(None, column): total for column, total in enumerate(table.column_totals)})
	shown[None, None] = table.grand_total
	return shown


def true_entries(counts: list[list[int]]) -> dict:
	true = {(row, column): count for row, cells in enumerate(counts) for column, count in enumerate(cells)}
	true.update({(row, None): sum(cells) for row, cells in enumerate(counts)})
	true.update({(None, column): sum(cells[column] for cells in counts) for column in range(len(counts[0]))})
	true[None, None] = sum(map(sum, counts))
	return true


def lines(rows: int, columns: int) -> list[list[tuple]]:
	"""Every row and every column with its total, the totals row and totals column included."""
	row_numbers, column_numbers = [*range(rows), None], [*range(columns), None]
	return [[(row, column) for column in column_numbers] for row in row_numbers] + [
		[(row, column) for row in row_numbers] for column in column_numbers
	]


@pytest.mark.req(*REPORTS)
def test_counts_under_the_threshold_are_shown_as_under_it():
	table = suppress([[1, 2, 3, 4, 10, 11]], threshold=5)
	assert table.cells[0][:4] == ("<5", "<5", "<5", "<5")
	assert {hidden(table)[0, column] for column in range(4)} == {PRIMARY}


@pytest.mark.req(*REPORTS)
def test_a_zero_reveals_nobody_and_is_shown():
	table = suppress([[0, 7], [0, 9]])
	assert table.cells == ((0, 7), (0, 9))
	assert table.column_totals == (0, 16)
	assert hidden(table) == {}


@pytest.mark.req(*REPORTS)
def test_the_threshold_can_be_changed():
	assert suppress_counts([9, 10, 11], threshold=10).cells == ("<10", SECONDARY_MARK, 11)
	assert suppress_counts([1, 1, 2], threshold=1).cells == (1, 1, 2)
	assert suppress_counts([1, 1, 2], threshold=1).reasons == {}


@pytest.mark.parametrize("threshold", [0, -5, 2.5, 5.0, "5", None, True])
def test_the_threshold_is_a_whole_number_of_1_or_more(threshold):
	with pytest.raises(ValueError, match="threshold must be a whole number of 1 or more"):
		suppress([[7]], threshold)
	with pytest.raises(ValueError, match="threshold must be a whole number of 1 or more"):
		suppress_counts([7], threshold)


@pytest.mark.parametrize("counts", [[[1, -1]], [[1, 2.0]], [[None]], [[True]]])
def test_counts_are_whole_numbers_of_0_or_more(counts):
	with pytest.raises(ValueError, match="row 0, column [01] is"):
		suppress(counts)
	with pytest.raises(ValueError, match="count [01] is"):
		suppress_counts(counts[0])


def test_every_row_has_the_same_number_of_counts():
	with pytest.raises(ValueError, match="Every row needs 2 counts, like the first; row 1 has 3"):
		suppress([[1, 2], [3, 4, 5]])


@pytest.mark.req(*REPORTS)
def test_a_row_with_one_small_count_hides_its_smallest_other_count_too():
	table = suppress([[2, 15, 9, 0, 9], [40, 40, 40, 40, 40]])
	# Without the 9 hidden as well, 35 - 15 - 9 - 0 - 9 would give the 2 away.
	assert table.cells[0] == ("<5", 15, SECONDARY_MARK, 0, 9)
	assert hidden(table)[0, 2] == SECONDARY
	assert table.row_totals[0] == 35


@pytest.mark.req(*REPORTS)
def test_a_column_with_one_small_count_hides_its_smallest_other_count_too():
	table = suppress([[3, 4, 20], [10, 12, 20]])
	# The first row already hides two counts; each column needs a second.
	assert table.cells == (("<5", "<5", 20), (SECONDARY_MARK, SECONDARY_MARK, 20))
	assert hidden(table) == {(0, 0): PRIMARY, (0, 1): PRIMARY, (1, 0): SECONDARY, (1, 1): SECONDARY}
	assert (table.row_totals, table.column_totals, table.grand_total) == ((27, 42), (13, 16, 40), 69)


@pytest.mark.req(*REPORTS)
def test_hiding_one_more_can_leave_another_line_with_one_hidden_so_it_repeats():
	table = suppress([[2, 3, 40], [9, 30, 30], [30, 11, 30]])
	# Columns 0 and 1 hide the 9 and the 11; that leaves rows 1 and 2 with one hidden each, so a second round
	# hides the first 30 in each.
	assert table.cells == (
		("<5", "<5", 40),
		(SECONDARY_MARK, SECONDARY_MARK, 30),
		(SECONDARY_MARK, SECONDARY_MARK, 30),
	)
	assert (table.row_totals, table.column_totals, table.grand_total) == ((45, 69, 71), (41, 44, 100), 185)


@pytest.mark.req(*REPORTS)
def test_the_lines_total_is_hidden_when_no_other_entry_of_it_can_be():
	table = suppress([[2, 0, 30], [9, 0, 0]])
	# Row 1 holds only the hidden 9 and zeros, so its total is hidden; column 2 likewise. That cascades into the
	# totals row and column.
	assert table.cells == (("<5", 0, SECONDARY_MARK), (SECONDARY_MARK, 0, 0))
	assert table.row_totals == (SECONDARY_MARK, SECONDARY_MARK)
	assert table.column_totals == (SECONDARY_MARK, 0, SECONDARY_MARK)
	assert table.grand_total == 41
	assert hidden(table)[1, None] == hidden(table)[None, 2] == SECONDARY


@pytest.mark.req(*REPORTS)
def test_small_totals_are_hidden_too():
	table = suppress([[0, 3], [0, 40]])
	assert table.row_totals[0] == "<5"
	assert hidden(table)[0, None] == PRIMARY
	# Column 1 hides the 40 to protect the 3, and so row 1 must hide its total of 40 as well.
	assert (table.cells, table.row_totals[1]) == (((0, "<5"), (0, SECONDARY_MARK)), SECONDARY_MARK)
	assert (table.column_totals, table.grand_total) == ((0, 43), 43)


@pytest.mark.req(*REPORTS)
def test_when_everything_is_small_everything_is_hidden_including_the_grand_total():
	table = suppress([[1, 2], [3, 1]], threshold=10)
	assert table.cells == (("<10", "<10"), ("<10", "<10"))
	assert table.row_totals == table.column_totals == ("<10", "<10")
	assert table.grand_total == "<10"
	assert set(hidden(table).values()) == {PRIMARY}


def test_an_empty_table_has_a_total_of_zero():
	table = suppress([])
	assert (table.cells, table.row_totals, table.column_totals, table.grand_total) == ((), (), (), 0)


@pytest.mark.req(*REPORTS)
def test_a_list_of_counts_hides_the_next_smallest_count_with_a_lone_small_one():
	assert suppress_counts([12, 3, 7, 7, 0]).cells == (12, "<5", SECONDARY_MARK, 7, 0)
	assert suppress_counts([12, 3, 7, 7, 0]).total == 29
	assert suppress_counts([3, 4, 20]).cells == ("<5", "<5", 20)


@pytest.mark.req(*REPORTS)
def test_a_list_whose_total_is_small_hides_the_total():
	counts = suppress_counts([3, 0, 0])
	assert (counts.cells, counts.total) == (("<5", 0, 0), "<5")
	assert counts.reasons == {0: PRIMARY, None: PRIMARY}
	counts = suppress_counts([2, 2])
	assert (counts.cells, counts.total) == (("<5", "<5"), "<5")


def random_counts(rng: random.Random) -> list[list[int]]:
	"""Mostly small counts and zeros, the tables where suppression has most to do."""
	rows, columns = rng.randint(1, 6), rng.randint(1, 6)
	return [[rng.choice((0, 0, 1, 2, 3, 4, rng.randint(5, 60))) for _ in range(columns)] for _ in range(rows)]


@pytest.mark.req(*REPORTS)
@pytest.mark.parametrize("seed", range(10))
def test_any_table_shows_only_true_numbers_and_never_exactly_one_hidden_entry_in_a_line(seed):
	rng = random.Random(seed)
	for _ in range(200):
		counts, threshold = random_counts(rng), rng.choice((1, 2, 3, 5, 5, 5, 10))
		table = suppress(counts, threshold)
		true, shown = true_entries(counts), entries(table)
		assert shown.keys() == true.keys()
		for position, value in true.items():
			if isinstance(shown[position], int):
				assert shown[position] == value, (counts, position)
			else:
				assert position in table.reasons
				assert shown[position] == (f"<{threshold}" if 0 < value < threshold else SECONDARY_MARK)
			assert (0 < value < threshold) == (table.reasons.get(position) == PRIMARY), (counts, position)
			if value == 0:
				assert shown[position] == 0
		for line in lines(len(counts), len(counts[0])):
			assert sum(position in table.reasons for position in line) != 1, (counts, line)
		assert suppress(counts, threshold) == table
		assert suppress([list(row) for row in counts], threshold).reasons == table.reasons


@pytest.mark.req(*REPORTS)
@pytest.mark.parametrize("seed", range(5))
def test_a_list_of_counts_is_a_one_row_table(seed):
	rng = random.Random(seed)
	for _ in range(200):
		counts, threshold = random_counts(rng)[0], rng.choice((1, 2, 5, 10))
		listed, table = suppress_counts(counts, threshold), suppress([counts], threshold)
		assert (listed.cells, listed.total) == (table.cells[0], table.row_totals[0])
		assert sum(index in listed.reasons for index in [*range(len(counts)), None]) != 1
