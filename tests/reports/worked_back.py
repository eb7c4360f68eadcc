"""Checks that a published table gives no hidden figure away: the tables behind it are searched for by brute force,
so a test can prove that each hidden figure could still be more than one number."""

from collections import defaultdict

from fairness_app.reports.counting import CASES, Column
from fairness_app.reports.review_group import ALL_GROUNDS


def possible_values(values, sums, threshold, cap, at_most=()):
	"""Every value each hidden figure takes in some table that fits all that is published: a "<5" from 1 to 4, a
	"[c]" from 5 to `cap`, every sum adding up and each (a, b) of `at_most` with a no more than b. Hidden totals
	follow from their cells. A search that drops a guess as soon as something it completes does not fit."""
	totals = {total for _, total in sums}
	free = [key for key, shown in values.items() if isinstance(shown, str) and key not in totals]
	possible = defaultdict(set)

	def search(guess, rest):
		known = _fitting(guess, values, sums, at_most)
		if known is None:
			return
		if not rest:
			for key in known:
				if isinstance(values[key], str):
					possible[key].add(known[key])
			return
		key, *rest = rest
		for value in range(1, threshold) if values[key] == f"<{threshold}" else range(threshold, cap + 1):
			search({**guess, key: value}, rest)

	search({}, free)
	return possible


def _fitting(guess, values, sums, at_most):
	known = {key: shown for key, shown in values.items() if isinstance(shown, int)} | guess
	progress = True
	while progress:
		progress = False
		for cells, total in sums:
			if all(cell in known for cell in cells):
				value = sum(known[cell] for cell in cells)
				if total not in known:
					known[total], progress = value, True
				elif known[total] != value:
					return None
	if any(known[less] > known[more] for less, more in at_most if less in known and more in known):
		return None
	return known


def count_table_figures(table, own_totals=(ALL_GROUNDS,)):
	"""Every figure of a count table keyed (line, column or CASES), and what a reader knows of them: each group's
	columns add up to the line's cases, or to the group's own total column (one of `own_totals`) when a case may
	fall under several, and then no column holds more than the line's cases, nor the total fewer; each column adds
	up to the total line."""
	lines = {line.label: line for line in (*table.lines, table.total)}
	values = {(label, CASES): line.cases for label, line in lines.items()}
	for label, line in lines.items():
		values |= {(label, column): cell for column, cell in zip(table.columns, line.cells, strict=True)}
	sums, at_most = [], []
	for heading in dict.fromkeys(column.group for column in table.columns):
		columns = [column for column in table.columns if column.group == heading]
		total = columns.pop() if columns[-1].label in own_totals else CASES
		sums += [([(label, column) for column in columns], (label, total)) for label in lines]
		if total != CASES:
			at_most += [((label, column), (label, CASES)) for label in lines for column in columns]
			at_most += [((label, CASES), (label, total)) for label in lines]
	keys = (CASES, *table.columns)
	sums += [([(line.label, key) for line in table.lines], (table.total.label, key)) for key in keys if table.lines]
	return values, sums, at_most


def cell(table, line, heading, label):
	(index,) = [index for index, column in enumerate(table.columns) if column == Column(heading, label)]
	return line.cells[index]


def assert_nothing_can_be_worked_back(values, sums, at_most, threshold, cap):
	"""Brute force: each hidden figure takes more than one value among the tables that fit all that is published."""
	assert any(isinstance(shown, str) for shown in values.values())
	possible = possible_values(values, sums, threshold, cap, at_most)
	for key, shown in values.items():
		if isinstance(shown, str):
			assert len(possible[key]) > 1, (key, possible[key])
