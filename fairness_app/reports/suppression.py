"""Small-number suppression for published count tables, so that no figure lets a reader pick out a person (X-2).

A count from 1 to threshold - 1 is hidden and shown as "<5" (primary suppression); a zero reveals nobody and is
shown. Totals would let a reader work hidden counts back out, so more entries are hidden (secondary suppression),
one at a time, until none of these checks finds a way in:

- a line (a row or column, its total counted as one of its entries, the line of column totals and the column of
  row totals included) with exactly one hidden entry hides its smallest non-zero shown cell, the first of equals,
  or else its total;
- a line whose shown total leaves its hidden cells all at their least (1 for a "<5", the threshold for a "[c]") or
  all at their most (threshold - 1 for a "<5") hides its total: "<5" and "[c]" making 6 can only be 1 and 5;
- a hidden entry that adding and subtracting published lines works out exactly (an exact audit of the line
  equations) is covered: its lines' smallest non-zero shown cell is hidden, or else their smallest shown total, or
  else the smallest non-zero shown entry anywhere. In [[2, 0, 0], [39, 3, 3], [5, 0, 4]] the first check alone
  left the hidden 4 to follow from the shown 39, 45, 46 and 56;
- a hidden count that has no other value once all the lines and all the marks' bounds are taken together is
  covered the same way. In [[1, 0], [0, 5]] the checks above leave a grand total of 6 to be made of a "<5" and a
  "[c]" in different lines, so of 1 and 5.

So, for a table or a list on its own: no hidden figure can be worked out exactly by adding and subtracting
published lines, no line pins its hidden counts through their marks' bounds, and no hidden count has only one value
that fits everything published. Limits: what a hidden total's own "<5" says is not used (four 1s under a total
shown as "<5" are still four 1s); a threshold of 2 gives every "<2" away as 1; and nothing here knows what other
published tables, or a reader's own knowledge, add. Someone should still look at a table before it leaves the
council.

Secondary entries are only ever chosen among non-zero shown ones, so they are never under the threshold; they are
shown as "[c]" (confidential, as the Government Statistical Service marks them) rather than as a "<5" that would
be untrue, and a reader may rightly take a "[c]" to be at least the threshold.

Plain standard library on purpose: monitoring maths must run without Frappe. Rows and columns are positions here;
the caller attaches the labels.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
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

Line = tuple[list[Key], Key]
"""A line's cells and its total; the cells add up to the total."""


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
	published, reasons = _published(values, lines, threshold)
	shown = published.__getitem__
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
	published, reasons = _published(values, [(list(range(len(counts))), None)], threshold)
	return SuppressedCounts(
		threshold=threshold,
		cells=tuple(published[index] for index in range(len(counts))),
		total=published[None],
		reasons=MappingProxyType(reasons),
	)


def suppress_figures(
	values: Mapping[Key, int], lines: Iterable[Line], threshold: int = DEFAULT_THRESHOLD
) -> dict[Key, Shown]:
	"""Any figures tied together by `lines` (cells adding up to a total), as they may be published: the same checks
	as `suppress`, for tables whose figures add up in more ways than rows and columns. Give every sum a reader
	could use, or the checks cannot see it."""
	_check_threshold(threshold)
	for key, count in values.items():
		_check_count(count, repr(key))
	return _published(values, lines, threshold)[0]


def _published(
	values: Mapping[Key, int], lines: Iterable[Line], threshold: int
) -> tuple[dict[Key, Shown], dict[Key, str]]:
	"""Each entry as it may be published, and why each hidden one is hidden."""
	reasons = _hide(values, lines, threshold)
	return {key: _shown(count, reasons.get(key), threshold) for key, count in values.items()}, reasons


def _hide(values: Mapping[Key, int], lines: Iterable[Line], threshold: int) -> dict[Key, str]:
	"""Why each entry is hidden.

	Each round hides one more entry, and there is always one to hide while a check fails (see `_cover`), so the
	loop ends at the latest when every non-zero entry is hidden, which gives nothing away. Fixed orders and the
	first-of-equals choices make the result the same every time.
	"""
	reasons = {key: PRIMARY for key, value in values.items() if 0 < value < threshold}
	lines = list(lines)
	while True:
		_hide_lone_entries(values, lines, reasons)
		to_hide = _next_to_hide(values, lines, reasons, threshold)
		if not to_hide:
			return reasons
		reasons[to_hide[0]] = SECONDARY


def _next_to_hide(
	values: Mapping[Key, int], lines: list[Line], reasons: Mapping[Key, str], threshold: int
) -> list[Key]:
	"""[the entry to hide next], or [] when nothing published gives a hidden entry away (a list, as a key may be
	None). A shown total that pins its line's hidden cells is hidden itself; an entry that the lines work out, or
	failing that one that the marks' bounds pin, is covered."""
	pinning = _totals_pinning_their_lines(values, lines, reasons, threshold)
	if pinning:
		return pinning[:1]
	exposed = _disclosed(values, lines, reasons) or _pinned_by_bounds(values, lines, reasons, threshold)
	return [_cover(exposed[0], values, lines, reasons)] if exposed else []


def _hide_lone_entries(values: Mapping[Key, int], lines: list[Line], reasons: dict[Key, str]) -> None:
	"""Until no line has exactly one hidden entry, which its other entries would give away.

	A line's lone hidden entry is non-zero, so its total or another of its cells is non-zero and shown.
	"""
	changed = True
	while changed:
		changed = False
		for cells, total in lines:
			if sum(key in reasons for key in (*cells, total)) == 1:
				candidates = [key for key in cells if key not in reasons and values[key] > 0]
				reasons[min(candidates, key=values.__getitem__) if candidates else total] = SECONDARY
				changed = True


def _bounds(key: Key, totals: set[Key], reasons: Mapping[Key, str], threshold: int) -> tuple[int, int | None]:
	"""(least, most or None) that a reader knows a hidden entry to be from its mark: "<5" is 1 to 4, and "[c]" at
	least 5, as secondary entries are chosen among non-zero shown ones. A total's own mark is not used (see the
	module's docstring), so a total is only known to be 0 or more."""
	if key in totals:
		return 0, None
	return (1, threshold - 1) if reasons[key] == PRIMARY else (threshold, None)


def _totals_pinning_their_lines(
	values: Mapping[Key, int], lines: list[Line], reasons: Mapping[Key, str], threshold: int
) -> list[Key]:
	"""Shown totals that leave their line's hidden cells all at their least, or all at their most, possible
	value."""
	pinning = []
	totals = {total for _, total in lines}
	for cells, total in lines:
		hidden = [key for key in cells if key in reasons]
		if total in reasons or not hidden:
			continue
		hidden_sum = sum(values[key] for key in hidden)
		least, most = zip(*(_bounds(key, totals, reasons, threshold) for key in hidden))
		if hidden_sum == sum(least) or (None not in most and hidden_sum == sum(most)):
			pinning.append(total)
	return pinning


def _disclosed(values: Mapping[Key, int], lines: list[Line], reasons: Mapping[Key, str]) -> list[Key]:
	"""Hidden entries that adding and subtracting published lines works out exactly, in the order of `values`.

	Each line says sum(hidden cells) - hidden total = what its shown entries leave. An entry follows exactly when
	its unit vector lies in the row space of those equations' coefficients. Against the reduced row-echelon form a
	unit vector reduces to zero only on a row that is that same unit vector, so such a row names a disclosed entry.
	"""
	unknowns = [key for key in values if key in reasons]
	column = {key: index for index, key in enumerate(unknowns)}
	equations = []
	for cells, total in lines:
		equation = [0] * len(unknowns)
		for key in cells:
			if key in column:
				equation[column[key]] += 1
		if total in column:
			equation[column[total]] -= 1
		equations.append(equation)
	disclosed = set()
	for row in _reduced_row_echelon_form(equations):
		named = [index for index, coefficient in enumerate(row) if coefficient]
		if len(named) == 1:
			disclosed.add(named[0])
	return [key for index, key in enumerate(unknowns) if index in disclosed]


def _reduced_row_echelon_form(matrix: list[list[int]]) -> list[list[Fraction | int]]:
	"""The non-zero rows of `matrix` in reduced row-echelon form, by exact Gauss-Jordan elimination."""
	rows = [list(row) for row in matrix]
	width = len(rows[0]) if rows else 0
	pivot_row = 0
	for column in range(width):
		found = next((index for index in range(pivot_row, len(rows)) if rows[index][column]), None)
		if found is None:
			continue
		rows[pivot_row], rows[found] = rows[found], rows[pivot_row]
		pivot = rows[pivot_row][column]
		rows[pivot_row] = lead_row = [_exact_quotient(value, pivot) for value in rows[pivot_row]]
		for index, row in enumerate(rows):
			if index != pivot_row and row[column]:
				factor = row[column]
				# The equations are sparse; skipping zeros keeps exact arithmetic quick.
				rows[index] = [value - factor * lead if lead else value for value, lead in zip(row, lead_row)]
		pivot_row += 1
	return rows[:pivot_row]


def _exact_quotient(value: Fraction | int, divisor: Fraction | int) -> Fraction | int:
	"""value / divisor without rounding. Whole numbers stay ints, which keeps the elimination quick: with the lines
	of a table every pivot is 1 or -1."""
	return value // divisor if value % divisor == 0 else Fraction(value) / divisor


def _pinned_by_bounds(
	values: Mapping[Key, int], lines: list[Line], reasons: Mapping[Key, str], threshold: int
) -> list[Key]:
	"""Hidden counts that no other value fits once their marks' bounds join the lines, in the order of `values`.

	Take each line as a point and each hidden entry as a link between the two lines it is on. Moving entries by 1,
	up and down in turn, around a cycle of links leaves every line's sum and so every shown figure alone. The lines
	of a table or a list form a network, so any other table behind the same publication differs from the true one
	by such cycles, each moving its entries the same way as the whole difference: an entry can take another value
	exactly when one cycle through it keeps every entry it moves within bounds.

	Totals are left out: they are not people, and a primary one's "<5" is not used anyway. So is a count that its
	mark alone pins ("<2" can only be 1), as hiding more cannot help it. Lines that do not form a network (with an
	entry on three lines, say) are not audited this way: there the search could miss how a figure can move.
	"""
	ends = _ends_of_hidden_entries(lines, reasons)
	if not _is_network(ends):
		return []
	totals = {total for _, total in lines}
	bounds = {key: _bounds(key, totals, reasons, threshold) for key in reasons}
	movable = {
		change: {key for key in reasons if _within(values[key] + change, bounds[key])} for change in (1, -1)
	}
	links: dict[int, list[Link]] = defaultdict(list)
	for key, ((one, one_sign), (other, other_sign)) in ends.items():
		links[one].append((key, one_sign, other, other_sign))
		links[other].append((key, other_sign, one, one_sign))
	return [
		key
		for key in values
		if key in reasons
		and key not in totals
		and bounds[key][0] != bounds[key][1]
		and not any(_moves_around_a_cycle(key, step, ends[key], links, movable) for step in (1, -1))
	]


def _within(value: int, bounds: tuple[int, int | None]) -> bool:
	least, most = bounds
	return least <= value and (most is None or value <= most)


_OUTSIDE = -1
"""The far end of an entry on only one line, as in a plain list: no sum needs keeping there."""

End = tuple[int, int]
"""(line number, sign in that line's sum: 1 for a cell, -1 for the total); (_OUTSIDE, 0) for no second line."""

Link = tuple[Key, int, int, int]
"""(hidden entry, its sign in this line's sum, the line at its other end, its sign there)."""


def _ends_of_hidden_entries(lines: list[Line], reasons: Mapping[Key, str]) -> dict[Key, list[End]]:
	ends: dict[Key, list[End]] = defaultdict(list)
	for number, (cells, total) in enumerate(lines):
		for key, sign in [*((cell, 1) for cell in cells), (total, -1)]:
			if key in reasons:
				ends[key].append((number, sign))
	for its_ends in ends.values():
		if len(its_ends) == 1:
			its_ends.append((_OUTSIDE, 0))
	return ends


def _is_network(ends: Mapping[Key, list[End]]) -> bool:
	"""Whether each hidden entry is on at most two lines and the lines split into two sides so that every entry
	adds to the sum on one side what it takes from the other, as in a table (rows against columns) or a list."""
	if any(len(its_ends) != 2 for its_ends in ends.values()):
		return False
	# side[other] must be relation * side[one], from side[one] * one_sign == -side[other] * other_sign.
	relations: dict[int, list[tuple[int, int]]] = defaultdict(list)
	for (one, one_sign), (other, other_sign) in ends.values():
		if other != _OUTSIDE:
			relations[one].append((other, -one_sign * other_sign))
			relations[other].append((one, -one_sign * other_sign))
	side: dict[int, int] = {}
	for first in relations:
		if first in side:
			continue
		side[first], to_visit = 1, [first]
		while to_visit:
			line = to_visit.pop()
			for other, relation in relations[line]:
				if other not in side:
					side[other] = relation * side[line]
					to_visit.append(other)
				elif side[other] != relation * side[line]:
					return False
	return True


def _moves_around_a_cycle(
	start: Key, step: int, ends: list[End], links: Mapping[int, list[Link]], movable: Mapping[int, set[Key]]
) -> bool:
	"""Whether moving `start` by `step` can be balanced around a cycle of other hidden entries, each moved by 1 as
	`movable` allows: a breadth-first search from one end of `start` back to the other. Each line reached carries
	what has been added to its sum so far, which the next entry out of it must take away again."""
	if start not in movable[step]:
		return False
	(goal, goal_sign), (origin, origin_sign) = ends
	frontier = deque([(origin, origin_sign * step)])
	reached = {origin}
	while frontier:
		point, carried = frontier.popleft()
		for key, sign, there, there_sign in links[point]:
			for change in (1, -1) if point == _OUTSIDE else (-carried * sign,):
				if key == start or key not in movable[change]:
					continue
				arriving = there_sign * change
				if there == goal and (goal == _OUTSIDE or arriving == -goal_sign * step):
					return True
				if there not in reached and there != goal:
					reached.add(there)
					frontier.append((there, arriving))
	return False


def _cover(disclosed: Key, values: Mapping[Key, int], lines: list[Line], reasons: Mapping[Key, str]) -> Key:
	"""The entry to hide next for a disclosed one: the smallest non-zero shown cell of its lines, or else the
	smallest shown total of its lines, or else the smallest non-zero shown entry anywhere; the first of equals.

	Only non-zero entries: a hidden zero would be read as at least the threshold, and hiding a zero total adds
	nothing. One is always left while anything is disclosed, because with every non-zero entry hidden, every hidden
	count can move within its mark, taking the totals above it along, and every hidden total with a count under it.
	"""
	own_lines = [(cells, total) for cells, total in lines if disclosed == total or disclosed in cells]
	candidates = (
		[key for cells, _ in own_lines for key in cells],
		[total for _, total in own_lines],
		list(values),
	)
	for keys in candidates:
		shown = [key for key in keys if key not in reasons and values[key] > 0]
		if shown:
			return min(shown, key=values.__getitem__)
	raise AssertionError(f"Nothing left to hide, yet {disclosed!r} is disclosed.")


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
