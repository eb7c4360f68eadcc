"""Timeliness: how each deadline went, by directorate (DER-3, SOM-14, FHB-4, KEN-4): met, missed and still running,
with the share met on time where every figure behind it can be shown.

Small numbers are hidden like every other monitoring table (X-2): a missed deadline in a small directorate is close
to naming the case.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from fairness_app.reports.facts import MET, MISSED, RUNNING
from fairness_app.reports.suppression import DEFAULT_THRESHOLD, Shown, suppress

RESULTS = (MET, MISSED, RUNNING)  # a cancelled deadline was never due, so it is not counted
NO_DIRECTORATE = "No directorate"


@dataclass(frozen=True)
class TimelinessLine:
	directorate: str
	deadline: str
	counts: tuple[Shown, ...]  # in the order of RESULTS
	total: Shown
	met_share: float | None  # met on time out of met and missed, as a percentage; None when not shown


@dataclass(frozen=True)
class TimelinessTable:
	lines: tuple[TimelinessLine, ...]
	total: TimelinessLine
	threshold: int


def timeliness_table(results: Iterable[Mapping], threshold: int = DEFAULT_THRESHOLD) -> TimelinessTable:
	"""The table for rows of (directorate, deadline, result, count), as the monitoring query groups them."""
	counts: Counter = Counter()
	for row in results:
		if row["result"] in RESULTS:
			counts[row.get("directorate") or "No directorate", row["deadline"], row["result"]] += row["count"]
	keys = sorted({(directorate, deadline) for directorate, deadline, _ in counts}, key=_unassigned_last)
	table = suppress([[counts[(*key, result)] for result in RESULTS] for key in keys], threshold)
	lines = tuple(
		_line(directorate, deadline, cells, total)
		for (directorate, deadline), cells, total in zip(keys, table.cells, table.row_totals, strict=True)
	)
	return TimelinessTable(lines, _line("Total", "", table.column_totals, table.grand_total), threshold)


def _unassigned_last(key: tuple[str, str]) -> tuple:
	return (key[0] == NO_DIRECTORATE, *key)


def _line(directorate: str, deadline: str, cells: tuple[Shown, ...], total: Shown) -> TimelinessLine:
	met, missed = cells[RESULTS.index(MET)], cells[RESULTS.index(MISSED)]
	decided = met + missed if isinstance(met, int) and isinstance(missed, int) else 0
	share = round(100 * met / decided, 1) if decided else None
	return TimelinessLine(directorate, deadline, tuple(cells), total, share)
