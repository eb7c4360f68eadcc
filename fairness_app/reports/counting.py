"""Counting cases into a published table of numbers (X-2): a line per label of one field, columns under headings
for others, and small numbers hidden so that no figure, and no sum of figures, picks out a person.

A `Group` says how a case falls under a heading's columns. A case has one label under most headings, so those
columns add up to the line's cases; under a heading where a case may have several (grounds, types of abuse) the
columns add up to the heading's own total column instead, and the cases not under a column are worked out by a
reader as the line's cases less the column's, so the suppression is given those differences too.

The review group report, the departmental return and the incidents summary are all counted here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from fairness_app.reports.facts import unlisted
from fairness_app.reports.suppression import DEFAULT_THRESHOLD, Shown, suppress_counts, suppress_figures

NOT_STATED = "Not stated"
MINIMUM_THRESHOLD = 2  # 1 would publish every count
CASES = "cases"  # the key of a line's count of cases


def field_value(field: str, names: Mapping[str, str] | None = None) -> Callable[[Mapping], list[str]]:
	"""The labels of a field holding one value, renamed by `names`: none for a blank."""

	def labels_of(row: Mapping) -> list[str]:
		value = row.get(field)
		return [(names or {}).get(value, value)] if value else []

	return labels_of


def field_list(field: str) -> Callable[[Mapping], list[str]]:
	"""The labels of a field holding a list, one a line as a fact keeps it."""
	return lambda row: unlisted(row.get(field))


@dataclass(frozen=True)
class Column:
	group: str  # the heading above it
	label: str


@dataclass(frozen=True)
class Group:
	"""A heading over columns (or over a table's lines), and how a case falls under them."""

	heading: str
	labels_of: Callable[[Mapping], Iterable[str]]
	last: str = NOT_STATED  # the label for a blank value, shown last
	fixed: tuple[str, ...] = ()  # shown even when empty, in this order, before any others
	total: str | None = None  # when a case may fall under several labels: the label of the column adding them up

	def labels(self, row: Mapping) -> set[str]:
		return set(self.labels_of(row)) or {self.last}

	def order(self, label: str) -> tuple:
		fixed = self.fixed.index(label) if label in self.fixed else len(self.fixed)
		return label == self.last, fixed, label

	@property
	def adds_up_to(self) -> Column | str:
		"""What its columns add up to on a line: its own total column, or the line's cases."""
		return Column(self.heading, self.total) if self.total else CASES

	def columns_in(self, columns: Iterable[Column]) -> list[Column]:
		"""Its columns among `columns`, but for its own total column."""
		return [column for column in columns if column.group == self.heading and column != self.adds_up_to]


@dataclass(frozen=True)
class CountLine:
	label: str
	cases: Shown
	cells: tuple[Shown, ...]  # in the order of the table's columns


@dataclass(frozen=True)
class CountTable:
	columns: tuple[Column, ...]
	lines: tuple[CountLine, ...]
	total: CountLine
	threshold: int


def count_table(
	rows: Iterable[Mapping],
	groups: tuple[Group, ...],
	threshold: int = DEFAULT_THRESHOLD,
	by: Group | None = None,
	total_label: str = "Total",
) -> CountTable:
	"""Cases counted under each group's columns, a line for each of `by`'s labels (one a case; only the total line
	without it), with small numbers hidden. Each row gives the fields the groups read and `count`, the cases alike."""
	rows = checked_rows(rows, threshold)
	counts = _counted(rows, groups, by)
	lines = _lines(counts, by)
	columns = _columns(counts, groups)
	keys = (CASES, *columns)
	values = {(line, key): counts[line, key] for line in (*lines, None) for key in keys}
	# What a reader can work out is protected as if it were published; only the published figures are shown.
	worked_out, their_sums = _not_under(values, lines, columns, groups)
	shown = suppress_figures(values | worked_out, _sums(lines, columns, groups) + their_sums, threshold)

	def line(label: str, key: str | None) -> CountLine:
		return CountLine(label, shown[key, CASES], tuple(shown[key, column] for column in columns))

	return CountTable(columns, tuple(line(label, label) for label in lines), line(total_label, None), threshold)


def checked_rows(rows: Iterable[Mapping], threshold: int) -> list[Mapping]:
	"""The rows, once their counts and the threshold pass the suppression's own checks, and the threshold is at
	least MINIMUM_THRESHOLD: these tables are published, and a threshold of 1 hides nothing."""
	rows = list(rows)
	suppress_counts([row.get("count") for row in rows], threshold)  # raises on a bad count or threshold
	if threshold < MINIMUM_THRESHOLD:
		raise ValueError(
			f"A published monitoring table must hide small numbers: the threshold must be {MINIMUM_THRESHOLD} or "
			f"more, not {threshold} (5 hides counts from 1 to 4)."
		)
	return rows


def _counted(rows: list[Mapping], groups: tuple[Group, ...], by: Group | None) -> Counter:
	"""counts[line, CASES] and counts[line, column]; line None is the total line."""
	counts: Counter = Counter()
	for row in rows:
		for line in {None, *(by.labels(row) if by else ())}:
			counts[line, CASES] += row["count"]
			for group in groups:
				_count(counts, line, group, row)
	return counts


def _count(counts: Counter, line: str | None, group: Group, row: Mapping) -> None:
	labels = group.labels(row)
	for label in labels:
		counts[line, Column(group.heading, label)] += row["count"]
	if group.total:
		counts[line, group.adds_up_to] += row["count"] * len(labels)


def _lines(counts: Counter, by: Group | None) -> list[str]:
	"""The labels of the lines: `by`'s fixed ones and those found, in its order."""
	if by is None:
		return []
	return sorted({line for line, _ in counts if line is not None} | set(by.fixed), key=by.order)


def _columns(counts: Counter, groups: tuple[Group, ...]) -> tuple[Column, ...]:
	"""Each group's columns: its fixed labels and the labels found, in its order, then its total column if any."""
	columns: list[Column] = []
	for group in groups:
		found = {key.label for _, key in counts if isinstance(key, Column) and key.group == group.heading}
		labels = sorted((set(group.fixed) | found) - {group.total}, key=group.order)
		columns += [Column(group.heading, label) for label in labels]
		if group.total:
			columns.append(Column(group.heading, group.total))
	return tuple(columns)


@dataclass(frozen=True)
class NotUnder:
	"""The key of the cases of a line that are not under a column."""

	column: Column


def _not_under(values: dict, lines: list[str], columns: tuple[Column, ...], groups: tuple[Group, ...]) -> tuple:
	"""(figures, sums): for each column of a group whose cases may fall under several, the cases of each line not
	under it, which a reader can work out as the line's cases less the column's, and the sums that make them."""
	worked_out, sums = {}, []
	for line in (*lines, None):
		for group in groups:
			for column in group.columns_in(columns) if group.total else ():
				worked_out[line, NotUnder(column)] = values[line, CASES] - values[line, column]
				sums.append(([(line, column), (line, NotUnder(column))], (line, CASES)))
	return worked_out, sums


def _sums(lines: list[str], columns: tuple[Column, ...], groups: tuple[Group, ...]) -> list:
	"""Every sum of published figures: within each line, each group's columns add up to the cases, or to the
	group's total column when a case may fall under several; and each column adds up to the total line."""
	sums = []
	for line in (*lines, None):
		for group in groups:
			sums.append(([(line, column) for column in group.columns_in(columns)], (line, group.adds_up_to)))
	if lines:
		sums += [([(line, key) for line in lines], (None, key)) for key in (CASES, *columns)]
	return sums
