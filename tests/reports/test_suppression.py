"""Published count tables hide small numbers, and no hidden one can be worked out from what is published, whether
from a row or column's total, by adding and subtracting several lines, or from the known size of what is hidden:
the monitoring role sees only anonymised aggregates (X-2) in the review group's and committee's reports (SOM-17,
DER-25)."""

import random
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace

import pytest

from fairness_app.reports.suppression import (
	PRIMARY,
	SECONDARY,
	SECONDARY_MARK,
	SuppressedCounts,
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


def marked_range(mark: str, threshold: int) -> tuple[int, int | None]:
	"""(least, most) a reader knows a hidden cell to be from its mark: "<5" is 1 to 4; "[c]" is chosen only among
	counts that were not small, so at least the threshold, with no upper limit (None)."""
	if mark == SECONDARY_MARK:
		return threshold, None
	assert mark == f"<{threshold}", mark
	return 1, threshold - 1


def marked_values(mark: str, threshold: int, most: int) -> range:
	"""The values a hidden cell may take within its mark, up to `most`."""
	least, highest = marked_range(mark, threshold)
	return range(least, (most if highest is None else highest) + 1)


def is_cell(position: tuple) -> bool:
	return None not in position


def agrees(table: SuppressedTable, counts: list[list[int]], bounded: bool = True) -> bool:
	"""Whether `counts` could be the table behind what `table` publishes: every shown figure is the same and, if
	`bounded`, every hidden cell is what its mark says. Only the published figures are read, never `reasons`; a
	hidden total's own mark is left out, as the module does not audit it."""
	published = entries(table)
	for position, value in true_entries(counts).items():
		shown = published[position]
		if isinstance(shown, int):
			if value != shown:
				return False
		elif bounded and is_cell(position):
			least, most = marked_range(shown, table.threshold)
			if value < least or (most is not None and value > most):
				return False
	return True


def values_by_brute_force(table: SuppressedTable, most: int = 60) -> dict:
	"""{hidden position: every value it takes} over all the tables behind what `table` publishes, with hidden cells
	up to `most`.

	Tries every value within its mark for each hidden cell in turn, except that the last unknown cell of a row or
	column with a shown total can only be what the total leaves. Reads only the published figures."""
	published = entries(table)
	counts = [[shown if isinstance(shown, int) else None for shown in cells] for cells in table.cells]
	unknown = [position for position, shown in published.items() if is_cell(position) and isinstance(shown, str)]
	values = defaultdict(set)

	def choices(row: int, column: int) -> Iterable[int]:
		marked = marked_values(published[row, column], table.threshold, most)
		for line, total in (
			([(row, other) for other in range(len(counts[0]))], published[row, None]),
			([(other, column) for other in range(len(counts))], published[None, column]),
		):
			others = [counts[r][c] for r, c in line if (r, c) != (row, column)]
			if isinstance(total, int) and None not in others:
				return [total - sum(others)] if total - sum(others) in marked else []
		return marked

	def fill(index: int) -> None:
		if index == len(unknown):
			if agrees(table, counts):
				every = true_entries(counts)
				for position, shown in published.items():
					if not isinstance(shown, int):
						values[position].add(every[position])
			return
		row, column = unknown[index]
		for value in choices(row, column):
			counts[row][column] = value
			fill(index + 1)
		counts[row][column] = None

	fill(0)
	return dict(values)


def another_table_behind(
	table: SuppressedTable, counts: list[list[int]], position: tuple, bounded: bool = True
) -> list[list[int]] | None:
	"""A table other than `counts`, also behind what `table` publishes, whose entry at `position` differs; None if
	there is none.

	Think of the totals as a last row and column. Adding 1 and taking 1 in turn around a cycle of hidden entries,
	row to column to row, leaves every line's sum alone, so every shown figure stays the same; the hidden totals
	need no moving of their own, as they follow from the cells. The line equations form a network, so any
	difference between two tables behind the same publication splits into such cycles, each moving its cells the
	same way as the whole difference: if no one cycle through `position` keeps the cells within their marks,
	nothing does. `agrees` then checks the result on its own terms.
	"""
	published = entries(table)
	rows, columns = [*range(len(table.cells)), None], [*range(len(table.column_totals)), None]
	start_row, start_column = position

	def movable(entry: tuple, step: int) -> bool:
		if isinstance(published[entry], int):
			return False
		if not (bounded and is_cell(entry)):
			return True
		least, most = marked_range(published[entry], table.threshold)
		value = counts[entry[0]][entry[1]] + step
		return value >= least and (most is None or value <= most)

	def close_from(column, step: int, cycle: list, rows_used: set, columns_used: set) -> list | None:
		"""The rest of a cycle that has reached `column` and must now take `step` from one of its entries."""
		for row in rows:
			entry = (row, column)
			if entry == position or not movable(entry, step):
				continue
			if row == start_row:
				return [*cycle, (entry, step)]
			if row in rows_used:
				continue
			for next_column in columns:
				onward = (row, next_column)
				if next_column not in columns_used and movable(onward, -step):
					found = close_from(
						next_column,
						step,
						[*cycle, (entry, step), (onward, -step)],
						rows_used | {row},
						columns_used | {next_column},
					)
					if found:
						return found
		return None

	for step in (1, -1):
		if movable(position, step):
			cycle = close_from(start_column, -step, [(position, step)], {start_row}, {start_column})
			if cycle:
				moved = [list(cells) for cells in counts]
				for (row, column), change in cycle:
					if row is not None and column is not None:
						moved[row][column] += change
				return moved
	return None


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


def as_table(listed: SuppressedCounts) -> SuppressedTable:
	"""The same publication as a one-row table: each count is its own column's total."""
	return SuppressedTable(listed.threshold, (listed.cells,), (listed.total,), listed.cells, listed.total, {})


DOCUMENTED = [[2, 0, 0], [39, 3, 3], [5, 0, 4]]
"""The module used to publish this with the 39 shown, and the shown 39, 45, 46 and 56 then gave the hidden 4
away."""


@pytest.mark.req(*REPORTS)
def test_no_hidden_figure_follows_from_adding_and_subtracting_several_lines():
	table = suppress(DOCUMENTED)
	assert table.cells == (("<5", 0, 0), (SECONDARY_MARK, "<5", "<5"), (SECONDARY_MARK, 0, "<5"))
	assert (table.row_totals, table.column_totals) == (("<5", 45, SECONDARY_MARK), (46, "<5", SECONDARY_MARK))
	assert table.grand_total == 56
	assert hidden(table)[1, 0] == SECONDARY
	values, true = values_by_brute_force(table), true_entries(DOCUMENTED)
	assert values.keys() == table.reasons.keys()
	for position, possible in values.items():
		assert true[position] in possible and len(possible) >= 2, (position, possible)
	for position in table.reasons:
		assert another_table_behind(table, DOCUMENTED, position, bounded=False), position


@pytest.mark.req(*REPORTS)
def test_the_checks_here_find_the_4_that_the_39_gave_away():
	before = replace(suppress(DOCUMENTED), cells=(("<5", 0, 0), (39, "<5", "<5"), (SECONDARY_MARK, 0, "<5")))
	assert values_by_brute_force(before)[2, 2] == {4}
	assert another_table_behind(before, DOCUMENTED, (2, 2), bounded=False) is None
	assert another_table_behind(before, DOCUMENTED, (1, 1), bounded=False)


@pytest.mark.req(*REPORTS)
def test_a_line_whose_hidden_counts_could_only_be_at_their_least_hides_its_total():
	listed = suppress_counts([1, 5])
	# Shown as "<5", "[c]" and 6, they could only be 1 and 5: a "<5" is at least 1 and a "[c]" at least 5.
	assert (listed.cells, listed.total) == (("<5", SECONDARY_MARK), SECONDARY_MARK)
	assert listed.reasons == {0: PRIMARY, 1: SECONDARY, None: SECONDARY}
	assert values_by_brute_force(as_table(listed))[0, 0] == {1, 2, 3, 4}
	assert values_by_brute_force(replace(as_table(listed), row_totals=(6,), grand_total=6)) == {
		(0, 0): {1},
		(0, 1): {5},
		(None, 0): {1},
		(None, 1): {5},
	}

	table = suppress([[1, 5], [30, 40]])
	assert table.cells == (("<5", SECONDARY_MARK), (SECONDARY_MARK, SECONDARY_MARK))
	assert table.row_totals == (SECONDARY_MARK, SECONDARY_MARK)
	assert hidden(table)[0, None] == SECONDARY
	values = values_by_brute_force(table)
	assert all(len(values[position]) >= 2 for position in table.reasons), values


@pytest.mark.req(*REPORTS)
def test_a_line_whose_small_counts_could_only_be_at_their_most_hides_its_total():
	listed = suppress_counts([4, 4, 10])
	# With the total of 18 shown, the two under 5 would add up to 8, so both would be 4.
	assert (listed.cells, listed.total) == (("<5", "<5", 10), SECONDARY_MARK)
	assert values_by_brute_force(as_table(listed))[0, 0] == {1, 2, 3, 4}
	# Counts that add up to neither end keep their total.
	assert suppress_counts([4, 3, 10]).total == 17


@pytest.mark.req(*REPORTS)
def test_marks_in_different_lines_taken_together_pin_nothing_either():
	table = suppress([[1, 0], [0, 5]])
	# A grand total of 6 shown would be a "<5" in one row and a "[c]" in the other, so 1 and 5, though no one line
	# pins them.
	assert (table.cells, table.row_totals, table.column_totals) == (
		(("<5", 0), (0, SECONDARY_MARK)),
		("<5", SECONDARY_MARK),
		("<5", SECONDARY_MARK),
	)
	assert (table.grand_total, hidden(table)[None, None]) == (SECONDARY_MARK, SECONDARY)
	values = values_by_brute_force(table)
	assert (values[0, 0], len(values[1, 1])) == ({1, 2, 3, 4}, 56)
	assert values_by_brute_force(replace(table, grand_total=6))[0, 0] == {1}


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
		for position in table.reasons:
			# Nor does adding and subtracting several lines pin a hidden figure, whatever the threshold.
			assert another_table_behind(table, counts, position, bounded=False), (counts, threshold, position)
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
		for index in listed.reasons:
			if index is not None and threshold > 2:  # "<2" can only be 1, whatever else is hidden
				assert another_table_behind(as_table(listed), [counts], (0, index)), (counts, threshold)


def small_counts(rng: random.Random) -> list[list[int]]:
	rows, columns = rng.randint(1, 4), rng.randint(1, 4)
	return [[rng.randint(0, 12) for _ in range(columns)] for _ in range(rows)]


@pytest.mark.req(*REPORTS)
@pytest.mark.parametrize("seed", range(3))
def test_every_hidden_count_of_any_small_table_could_be_another_number(seed):
	"""From what is published alone, the marks' bounds included, no hidden count has only one possible value: there
	is always a second table behind the publication where it differs (X-2, SOM-17, DER-25)."""
	rng = random.Random(seed)
	for _ in range(100):
		counts, threshold = small_counts(rng), rng.choice((3, 5, 5, 10))
		table = suppress(counts, threshold)
		assert agrees(table, counts)
		for position in table.reasons:
			# A hidden total's own mark is not audited, only that no adding and subtracting of lines pins it.
			bounded = is_cell(position)
			other = another_table_behind(table, counts, position, bounded)
			assert other, (counts, threshold, position)
			assert agrees(table, other, bounded)
			assert true_entries(other)[position] != true_entries(counts)[position]


def published_by_hand(counts: list[list[int]], threshold: int, also_hidden: set) -> SuppressedTable:
	"""`counts` with its small entries and `also_hidden` hidden and nothing more: no protection at all."""
	true = true_entries(counts)

	def shown(position: tuple):
		if 0 < true[position] < threshold:
			return f"<{threshold}"
		return SECONDARY_MARK if position in also_hidden else true[position]

	rows, columns = range(len(counts)), range(len(counts[0]))
	return SuppressedTable(
		threshold,
		tuple(tuple(shown((row, column)) for column in columns) for row in rows),
		tuple(shown((row, None)) for row in rows),
		tuple(shown((None, column)) for column in columns),
		shown((None, None)),
		{},
	)


@pytest.mark.parametrize("seed", range(2))
def test_the_cycle_search_here_finds_a_second_value_exactly_when_trying_every_value_does(seed):
	"""Checks the checker on tables hidden at random and left unprotected, so that some hidden counts are pinned
	and some are not. Counts stay under 10, so any cycle's table stays under the brute force's 15."""
	rng = random.Random(seed)
	pinned = free = 0
	for _ in range(60):
		rows, columns = rng.choice(((1, 2), (2, 2), (2, 3), (3, 2)))
		counts = [[rng.choice((0, 1, 2, 3, 4, rng.randint(5, 9))) for _ in range(columns)] for _ in range(rows)]
		true = true_entries(counts)
		also_hidden = {position for position, value in true.items() if value >= 5 and rng.random() < 0.4}
		table = published_by_hand(counts, 5, also_hidden)
		values = values_by_brute_force(table, most=15)
		for position, shown in entries(table).items():
			if is_cell(position) and not isinstance(shown, int):
				found = another_table_behind(table, counts, position)
				assert (found is not None) == (len(values[position]) >= 2), (counts, table, position)
				pinned, free = pinned + (found is None), free + (found is not None)
	assert pinned and free
