"""Counts of complaints for the people who oversee them (SOM-17, SOM-20): numbers and types, never a case.

The review group meets every six months and looks at the complaints coming through: how many, of which type, on
which grounds, in which directorate, with what outcome and at what stage, "not individual details" (SOM-17). Each
department sends the county HR officer the same counts every quarter (SOM-20), so the return is a line per
directorate. The caller picks the period, as the WHERE clause of the query that groups the facts.

Small numbers are hidden (X-2), and every sum the figures make is given to the suppression: each group of columns
that counts a complaint once adds up to the complaints, and each column adds up to its total. A complaint may
concern several grounds, so the grounds add up to the grounds counted, which is published so that the suppression
sees that sum. A reader can also take a ground's count from the complaints, leaving those not on that ground; the
suppression is given those differences as if they were published, so a small one is hidden like any other count.

Limits: that the grounds counted are at least the complaints is not given to the suppression, as that would hide
a directorate's complaints whenever a few of them were on two grounds; and the suppression's own limits apply. So
someone should still look at a small table before it leaves the council.

The counting itself is in counting.py, shared with the incidents summary.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from fairness_app.reports.counting import CountTable, Group, count_table, field_list, field_value
from fairness_app.reports.suppression import DEFAULT_THRESHOLD, Shown

NO_DIRECTORATE = "No directorate"
NO_GROUND = "No ground given"
NOT_DECIDED = "Not yet decided"
ALL_GROUNDS = "All grounds counted"
OUTCOMES = ("Upheld", "Partly upheld", "Not upheld", "Withdrawn", "Not completed")  # as the complaint lists them
STAGES = {"open": "Open", "waiting": "Waiting on someone", "paused": "Paused", "closed": "Closed"}



TYPE = Group("Type of complaint", field_value("complaint_type"))
DIRECTORATE = Group("Directorate", field_value("directorate"), last=NO_DIRECTORATE)
GROUND = Group("Ground", field_list("grounds"), last=NO_GROUND, total=ALL_GROUNDS)
OUTCOME = Group("Outcome", field_value("outcome"), last=NOT_DECIDED, fixed=(*OUTCOMES, NOT_DECIDED))
STAGE = Group("Stage", field_value("stage_category", STAGES), fixed=tuple(STAGES.values()))
REVIEW_GROUPS = (TYPE, DIRECTORATE, GROUND, OUTCOME, STAGE)
RETURN_GROUPS = (TYPE, GROUND, OUTCOME, STAGE)


@dataclass(frozen=True)
class Count:
	label: str
	count: Shown


@dataclass(frozen=True)
class Section:
	heading: str
	lines: tuple[Count, ...]
	total: Count  # the complaints, or for the grounds the grounds counted


@dataclass(frozen=True)
class ReviewGroupTable:
	sections: tuple[Section, ...]  # in the order of REVIEW_GROUPS
	total: Count
	threshold: int


def review_group_table(rows: Iterable[Mapping], threshold: int = DEFAULT_THRESHOLD) -> ReviewGroupTable:
	"""The six-monthly review group's counts (SOM-17) for rows of (complaint_type, directorate, grounds, outcome,
	stage_category, count), as the monitoring query groups complaints' facts."""
	table = count_table(rows, REVIEW_GROUPS, threshold)
	sections = tuple(_section(table, group) for group in REVIEW_GROUPS)
	return ReviewGroupTable(sections, Count("Complaints", table.total.cases), threshold)


def departmental_return(rows: Iterable[Mapping], threshold: int = DEFAULT_THRESHOLD) -> CountTable:
	"""The quarterly return (SOM-20), a line per directorate, for rows of (directorate, complaint_type, grounds,
	outcome, stage_category, count)."""
	return count_table(rows, RETURN_GROUPS, threshold, by=DIRECTORATE, total_label="All directorates")


def _section(table: CountTable, group: Group) -> Section:
	counts = [
		Count(column.label, cell)
		for column, cell in zip(table.columns, table.total.cells, strict=True)
		if column.group == group.heading
	]
	if group.total:  # its total column comes last
		return Section(group.heading, tuple(counts[:-1]), counts[-1])
	return Section(group.heading, tuple(counts), Count("All complaints", table.total.cases))


