"""Third-party abuse of staff for senior managers (CUM-6, KEN-11): the numbers, types and frequency of incidents.

Managers include each incident in regular reporting to senior management "on the numbers, types, and frequency of
incidents" (CUM-6), and incidents are collected and monitored as the law requires (KEN-11). So each quarter of the
financial year is a line, to show how often incidents happen, counted by directorate, workplace, type of abuse,
whether the police were involved and whether the incident was hate-related. An incident may be of several types,
so the types add up to the types counted, not to the incidents (see counting.py).

Someone harassed by the same person more than once faces a course of conduct (CUM-11), and senior managers are told
of the risk from a named person; this report is not the place for that. It counts only how many incidents came from
a person with earlier incidents, in bands, never who. Small numbers are hidden as in every monitoring table (X-2).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace

from fairness_app.reports.counting import CountTable, Group, count_table, field_list, field_value
from fairness_app.reports.periods import QUARTERS, period_of, quarter_bounds
from fairness_app.reports.review_group import DIRECTORATE
from fairness_app.reports.suppression import DEFAULT_THRESHOLD

YES, NO = "Yes", "No"
ALL_TYPES = "All types counted"
# (least earlier incidents by the same person, label): how many incidents that person has now, this one included.
REPEAT_BANDS = ((0, "First known"), (1, "2 or 3 by the same person"), (3, "4 or more by the same person"))


def quarter_label(year: str, quarter: int) -> str:
	"""'Q1 2026-27', or a ValueError for a year or quarter that does not exist."""
	return period_of(quarter_bounds(year, quarter)[0]).quarter_label


def _quarter(row: Mapping) -> list[str]:
	year, quarter = row.get("financial_year"), row.get("quarter")
	return [quarter_label(year, quarter)] if year and quarter else []


def _tick(field: str) -> Callable[[Mapping], list[str]]:
	return lambda row: [YES if row.get(field) else NO]


def _repeat_band(row: Mapping) -> list[str]:
	"""The band of the incident's place among those by the same person; the count of earlier ones, never who."""
	earlier = row.get("repeat_incidents") or 0
	if earlier < 0:
		raise ValueError(f"An incident cannot follow {earlier} earlier incidents by the same person.")
	return [label for least, label in REPEAT_BANDS if earlier >= least][-1:]


QUARTER = Group("Quarter", _quarter)  # its lines are fixed for the years found: see incidents_table
WORKPLACE = Group("Workplace", field_value("workplace"))
ABUSE = Group("Type of abuse", field_list("abuse_types"), last="No type given", total=ALL_TYPES)
POLICE = Group("Police involved", _tick("police_involved"), fixed=(YES, NO))
HATE = Group("Hate-related", _tick("hate_related"), fixed=(YES, NO))
REPEAT = Group("Incidents by the same person", _repeat_band, fixed=tuple(label for _, label in REPEAT_BANDS))
INCIDENT_GROUPS = (DIRECTORATE, WORKPLACE, ABUSE, POLICE, HATE, REPEAT)


def incidents_table(rows: Iterable[Mapping], threshold: int = DEFAULT_THRESHOLD) -> CountTable:
	"""The senior managers' summary, a line per quarter, for rows of (financial_year, quarter, directorate,
	workplace, abuse_types, police_involved, hate_related, repeat_incidents, count), as the monitoring query groups
	incidents' facts. Every quarter of each year found is a line, so a quarter without incidents shows as 0."""
	rows = list(rows)
	years = sorted({row.get("financial_year") for row in rows} - {None, ""})
	quarters = tuple(quarter_label(year, quarter) for year in years for quarter in QUARTERS)
	by_quarter = replace(QUARTER, fixed=quarters)
	return count_table(rows, INCIDENT_GROUPS, threshold, by=by_quarter, total_label="All quarters")
