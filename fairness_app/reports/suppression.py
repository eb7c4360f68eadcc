"""Small-number suppression for published count tables, so that no figure lets a reader pick out a person (X-2).

A count from 1 to threshold - 1 is hidden and shown as "<5" (primary suppression); a zero reveals nobody and is
shown. Totals would let a reader work a hidden count back out, so whenever a line (a row or column, its total
counted as one of its entries) has exactly one hidden entry, one more is hidden (secondary suppression): the
line's smallest non-zero shown cell, the first of equals, or else the line's total. That repeats until no line has
exactly one hidden entry, including the line of column totals and the column of row totals.

That stops a hidden figure being read off one line. It is not a full audit: in rare tables adding and subtracting
several lines still pins one down (in [[2, 0, 0], [39, 3, 3], [5, 0, 4]] the hidden 4 follows from the shown 39, 45,
46 and 56), so a published table should still be looked at by someone before it goes out.

Secondary cells are never under the threshold, so they are shown as "[c]" (confidential, as the Government
Statistical Service marks them) rather than as a "<5" that would be untrue.

Plain standard library on purpose: monitoring maths must run without Frappe. Rows and columns are positions here;
the caller attaches the labels.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TypeVar

DEFAULT_THRESHOLD = 5
PRIMARY = "primary"
SECONDARY = "secondary"
SECONDARY_MARK = "[c]"

Shown = int | str
"""A published figure: the true count, or the text that stands in for a hidden one."""

Position = tuple[int | None, int | None]
"""(row, column) in a table. None stands for the total: (2, None) is row 2's total, (None, 0) column 0's total and
(None, None) the grand total."""

Key = TypeVar("Key", bound=Hashable)


@dataclass(frozen=True)
class SuppressedTable:
	"""A count table as it may be published, with its totals. `reasons` says PRIMARY or SECONDARY for every hidden
	position; shown positions are absent from it."""

	threshold: int
	cells: tuple[tuple[Shown, ...], ...]
	row_totals: tuple[Shown, ...]
	column_totals: tuple[Shown, ...]
	grand_total: Shown
	reasons: Mapping[Position, str] = field(hash=False)


@dataclass(frozen=True)
class SuppressedCounts:
	"""A list of counts and their total as they may be published. `reasons` says PRIMARY or SECONDARY for every
	hidden count by its index, None standing for the total; shown ones are absent from it."""

	threshold: int
	cells: tuple[Shown, ...]
	total: Shown
	reasons: Mapping[int | None, str] = field(hash=False)


def suppress(counts: Sequence[Sequence[int]], threshold: int = DEFAULT_THRESHOLD) -> SuppressedTable:
	"""The table of `counts` (rows of columns) with row, column and grand totals, safe to publish."""
	_check_threshold(threshold)
	rows = [list(row) for row in counts]
	width = len(rows[0]) if rows else 0
	for row_number, row in enumerate(rows):
		if len(row) != width:
			raise ValueError(f"Every row needs {width} counts, like the first; row {row_number} has {len(row)}.")
		for column_number, count in enumerate(row):
			_check_count(count, f"row {row_number}, column {column_number}")

	values: dict[Position, int] = {}
	for row_number, row in enumerate(rows):
		for column_number, count in enumerate(row):
			values[row_number, column_number] = count
		values[row_number, None] = sum(row)
	for column_number in range(width):
		values[None, column_number] = sum(row[column_number] for row in rows)
	values[None, None] = sum(map(sum, rows))

	row_numbers: list[int | None] = [*range(len(rows)), None]
	column_numbers: list[int | None] = [*range(width), None]
	lines = [([(row, column) for column in range(width)], (row, None)) for row in row_numbers]
	lines += [([(row, column) for row in range(len(rows))], (None, column)) for column in column_numbers]
	reasons = _hide(values, lines, threshold)

	def shown(position: Position) -> Shown:
		return _shown(values[position], reasons.get(position), threshold)

	return SuppressedTable(
		threshold=threshold,
		cells=tuple(tuple(shown((row, column)) for column in range(width)) for row in range(len(rows))),
		row_totals=tuple(shown((row, None)) for row in range(len(rows))),
		column_totals=tuple(shown((None, column)) for column in range(width)),
		grand_total=shown((None, None)),
		reasons=MappingProxyType(reasons),
	)


def suppress_counts(counts: Sequence[int], threshold: int = DEFAULT_THRESHOLD) -> SuppressedCounts:
	"""A simple list of `counts` with its total, safe to publish: the same rule as `suppress`, for one line."""
	_check_threshold(threshold)
	counts = list(counts)
	for index, count in enumerate(counts):
		_check_count(count, f"count {index}")
	values: dict[int | None, int] = dict(enumerate(counts))
	values[None] = sum(counts)
	reasons = _hide(values, [(list(range(len(counts))), None)], threshold)
	return SuppressedCounts(
		threshold=threshold,
		cells=tuple(_shown(count, reasons.get(index), threshold) for index, count in enumerate(counts)),
		total=_shown(values[None], reasons.get(None), threshold),
		reasons=MappingProxyType(reasons),
	)


def _hide(values: Mapping[Key, int], lines: Iterable[tuple[list[Key], Key]], threshold: int) -> dict[Key, str]:
	"""Why each entry is hidden. `lines` are (cells, total) pairs; a line's cells add up to its total.

	Each fix hides one more entry, and one can always be found (a line's lone hidden entry is non-zero, so its
	total or another of its cells is non-zero and shown), so the loop ends. The fixed order of lines and the
	first-of-equals choice make the result the same every time.
	"""
	reasons = {key: PRIMARY for key, value in values.items() if 0 < value < threshold}
	lines = list(lines)
	changed = True
	while changed:
		changed = False
		for cells, total in lines:
			if sum(key in reasons for key in (*cells, total)) == 1:
				candidates = [key for key in cells if key not in reasons and values[key] > 0]
				reasons[min(candidates, key=values.__getitem__) if candidates else total] = SECONDARY
				changed = True
	return reasons


def _shown(value: int, reason: str | None, threshold: int) -> Shown:
	if reason == PRIMARY:
		return f"<{threshold}"
	if reason == SECONDARY:
		return SECONDARY_MARK
	return value


def _check_threshold(threshold: int) -> None:
	if not _is_whole_number(threshold) or threshold < 1:
		raise ValueError(
			f"The suppression threshold must be a whole number of 1 or more, not {threshold!r} "
			"(1 hides nothing; 5 hides counts from 1 to 4)."
		)


def _check_count(count: int, where: str) -> None:
	if not _is_whole_number(count) or count < 0:
		raise ValueError(f"Counts must be whole numbers of 0 or more; {where} is {count!r}.")


def _is_whole_number(value: object) -> bool:
	"""True for an int; True and False are ints to Python but not counts."""
	return isinstance(value, int) and not isinstance(value, bool)
