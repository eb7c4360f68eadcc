"""What the monitoring reports read: monitoring facts only, grouped for one reporting period, and only for someone
the site lets report on them (the monitoring role, X-2). The tables themselves are worked out in reports/.

Each query reads the period asked for through indexed columns, so a report costs what is in that period, not
everything ever recorded.
"""

import frappe
from frappe import _

from fairness_app.reports.best_value import best_value_table
from fairness_app.reports.committee import committee_table
from fairness_app.reports.counting import CountTable
from fairness_app.reports.exports import spreadsheet_safe
from fairness_app.reports.facts import COMPLAINT, INCIDENT, unlisted
from fairness_app.reports.incidents_summary import incidents_table
from fairness_app.reports.periods import (
	HALVES,
	QUARTERS,
	financial_year_bounds,
	financial_year_of,
	half_bounds,
	period_of,
	quarter_bounds,
)
from fairness_app.reports.review_group import departmental_return, review_group_table
from fairness_app.reports.suppression import DEFAULT_THRESHOLD
from fairness_app.reports.timeliness import RESULTS, timeliness_table
from fairness_app.services.monitoring import FACT

# Once a site holds several years, MariaDB guesses a whole-table scan is cheaper than reading one year through the
# index on the day received; it is not (benchmarks/monitoring_reports.py), so a year's queries name the index.
BY_DAY_RECEIVED = "force index (received_on)"

# What the review group, the departmental return and the incidents summary count a case by (reports/counting.py).
COUNTED_COMPLAINT_FIELDS = "complaint_type, directorate, grounds, outcome, stage_category"
COUNTED_INCIDENT_FIELDS = (
	"financial_year, quarter, directorate, workplace, abuse_types, police_involved, hate_related, repeat_incidents"
)

RECEIVED_IN_YEAR = "Received in the year"
OUTSTANDING_FROM_EARLIER = "Outstanding from earlier years"


def check_may_read_figures() -> None:
	if not frappe.has_permission(FACT, "report"):
		frappe.throw(_("Only the monitoring officer can see monitoring reports."), frappe.PermissionError)


def suppression_threshold() -> int:
	return frappe.db.get_single_value("Fairness Settings", "suppression_threshold") or DEFAULT_THRESHOLD


def year_bounds(financial_year: str | None):
	"""The first and last day of a financial year written like "2026-27", or a message saying how to write it."""
	try:
		return financial_year_bounds((financial_year or "").strip())
	except ValueError:
		frappe.throw(
			_("Enter the financial year like 2026-27 (the year that starts on 1 April 2026)."),
			title=_("Financial year not recognised"),
		)


def complaint_facts(financial_year: str, cases: str = RECEIVED_IN_YEAR) -> list[dict]:
	"""The complaints received in the year, or those still open when it began, as groups of alike facts with their
	count and their lists of grounds and types of harassment, ready for reports/committee.py."""
	check_may_read_figures()
	start, end = year_bounds(financial_year)
	if cases == OUTSTANDING_FROM_EARLIER:
		index, period = "", "received_on < %(start)s and (closed_on is null or closed_on >= %(start)s)"
	elif cases == RECEIVED_IN_YEAR:
		index, period = BY_DAY_RECEIVED, "received_on between %(start)s and %(end)s"
	else:
		frappe.throw(_("Choose which complaints to count: {0} or {1}.").format(RECEIVED_IN_YEAR, OUTSTANDING_FROM_EARLIER))
	alike = "ethnic_group, sex, disabled, outcome, grounds, harassment_types"
	groups = frappe.db.sql(  # access: de-identified facts, for the monitoring role (checked above)
		f"select {alike}, count(*) as count from `tab{FACT}` {index} where {period} and case_kind = %(kind)s "
		f"group by {alike}",
		{"kind": COMPLAINT, "start": start, "end": end},
		as_dict=True,
	)
	return [
		{**group, "grounds": unlisted(group.grounds), "harassment_types": unlisted(group.harassment_types)}
		for group in groups
	]


def grouped_facts(kind: str, fields: str, start, end) -> list[dict]:
	"""The facts of one kind received between two days, as groups of alike facts with their count. Lists stay as
	the facts keep them, one a line: a group is alike in the whole list."""
	check_may_read_figures()
	return frappe.db.sql(  # access: de-identified facts, for the monitoring role (checked above)
		f"select {fields}, count(*) as count from `tab{FACT}` {BY_DAY_RECEIVED} "
		f"where received_on between %(start)s and %(end)s and case_kind = %(kind)s group by {fields}",
		{"kind": kind, "start": start, "end": end},
		as_dict=True,
	)


def clock_results(financial_year: str) -> list[dict]:
	"""How many of each deadline were met, missed or are running, by directorate, for cases received in the year."""
	check_may_read_figures()
	start, end = year_bounds(financial_year)
	return frappe.db.sql(  # access: de-identified facts, for the monitoring role (checked above)
		f"""select f.directorate, coalesce(c.label, c.rule_key) as deadline, c.result, count(*) as count
		from `tab{FACT}` f {BY_DAY_RECEIVED} join `tab{FACT} Clock` c on c.parent = f.name
		where f.received_on between %(start)s and %(end)s
		group by f.directorate, deadline, c.result""",
		{"start": start, "end": end},
		as_dict=True,
	)


def committee_report(filters: dict) -> tuple[list, list, str]:
	"""DER-25 as a Frappe report: columns, one line per racial group and the total line, and what it counts."""
	financial_year = chosen_year(filters)
	cases = filters.get("cases") or RECEIVED_IN_YEAR
	table = committee_table(complaint_facts(financial_year, cases), suppression_threshold())
	columns = [
		{"fieldname": "racial_group", "label": _("Racial group of complainant"), "fieldtype": "Data", "width": 260},
		{"fieldname": "complainants", "label": _("Complainants"), "fieldtype": "Data", "width": 110},
		*(
			{"fieldname": _fieldname(column.key), "label": f"{_(column.group)}: {_(column.label)}", "fieldtype": "Data"}
			for column in table.columns
		),
	]
	data = [
		{
			"racial_group": _(line.label),
			"complainants": line.complainants,
			**{_fieldname(column.key): cell for column, cell in zip(table.columns, line.cells, strict=True)},
		}
		for line in (*table.lines, table.total)
	]
	return _report(columns, data, _(cases), financial_year, table.threshold)


def timeliness_report(filters: dict) -> tuple[list, list, str]:
	"""Each deadline, met, missed and still running, by directorate, for the cases received in the year."""
	financial_year = chosen_year(filters)
	table = timeliness_table(clock_results(financial_year), suppression_threshold())
	columns = [
		{"fieldname": "directorate", "label": _("Directorate"), "fieldtype": "Data", "width": 220},
		{"fieldname": "deadline", "label": _("Deadline"), "fieldtype": "Data", "width": 260},
		*({"fieldname": result.lower(), "label": _(result), "fieldtype": "Data"} for result in RESULTS),
		{"fieldname": "total", "label": _("Total"), "fieldtype": "Data"},
		{"fieldname": "met_share", "label": _("Met on time (%)"), "fieldtype": "Percent"},
	]
	data = [
		{
			"directorate": _(line.directorate),
			"deadline": line.deadline,
			**{result.lower(): count for result, count in zip(RESULTS, line.counts, strict=True)},
			"total": line.total,
			"met_share": line.met_share,
		}
		for line in (*table.lines, table.total)
	]
	return _report(columns, data, _("Cases received in the year"), financial_year, table.threshold)


def best_value_report(filters: dict) -> tuple[list, list, str]:
	"""Best Value 174 and 175 (SOM-17): complaints of discrimination recorded in the year and followed up, by race,
	gender, disability and sexual orientation; the rate per 100,000 people when the area's population is given."""
	financial_year = chosen_year(filters)
	population = _population(filters.get("population"))
	start, end = year_bounds(financial_year)
	rows = grouped_facts(COMPLAINT, "grounds, outcome, sanction", start, end)
	table = best_value_table(rows, suppression_threshold(), population)
	columns = [
		{"fieldname": "ground", "label": _("Ground"), "fieldtype": "Data", "width": 200},
		{"fieldname": "recorded", "label": _("Recorded"), "fieldtype": "Data"},
		{"fieldname": "followed_up", "label": _("Followed up"), "fieldtype": "Data"},
		{"fieldname": "not_followed_up", "label": _("Not followed up"), "fieldtype": "Data"},
		{"fieldname": "followed_up_share", "label": _("Followed up (%, BV175)"), "fieldtype": "Percent", "width": 170},
		{"fieldname": "per_100000", "label": _("Recorded per 100,000 people (BV174)"), "fieldtype": "Float", "width": 230},
	]
	data = [
		{
			"ground": _(line.ground),
			"recorded": line.recorded,
			"followed_up": line.followed_up,
			"not_followed_up": line.not_followed_up,
			"followed_up_share": line.followed_up_share,
			"per_100000": line.per_100000,
		}
		for line in (*table.lines, table.total)
	]
	return _report(columns, data, _("Complaints received in the year"), financial_year, table.threshold)


def review_group_report(filters: dict) -> tuple[list, list, str]:
	"""The six-monthly review group's counts (SOM-17): the complaints received in the half year under each heading,
	numbers and types only."""
	financial_year, half = chosen_year(filters), _numbered(filters.get("half"), HALVES, _("half year"), "half")
	rows = grouped_facts(COMPLAINT, COUNTED_COMPLAINT_FIELDS, *_period_bounds(half_bounds, financial_year, half))
	table = review_group_table(rows, suppression_threshold())
	columns = [
		{"fieldname": "heading", "label": _("Heading"), "fieldtype": "Data", "width": 180},
		{"fieldname": "label", "label": _("Counted as"), "fieldtype": "Data", "width": 260},
		{"fieldname": "complaints", "label": _("Complaints"), "fieldtype": "Data"},
	]
	data = [
		{"heading": _(section.heading), "label": _(count.label), "complaints": count.count}
		for section in table.sections
		for count in (*section.lines, section.total)
	]
	what = _("Complaints received {0}").format(_(HALVES[half]))
	return _report(columns, data, what, financial_year, table.threshold)


def departmental_return_report(filters: dict) -> tuple[list, list, str]:
	"""The quarterly departmental return (SOM-20): a line per directorate of the complaints received in the
	quarter."""
	financial_year, quarter = chosen_year(filters), _numbered(filters.get("quarter"), QUARTERS, _("quarter"), "quarter")
	rows = grouped_facts(COMPLAINT, COUNTED_COMPLAINT_FIELDS, *_period_bounds(quarter_bounds, financial_year, quarter))
	table = departmental_return(rows, suppression_threshold())
	what = _("Complaints received {0}").format(_(QUARTERS[quarter]))
	columns, data = _count_table(table, _("Directorate"), _("Complaints"))
	return _report(columns, data, what, financial_year, table.threshold)


def incidents_report(filters: dict) -> tuple[list, list, str]:
	"""Third-party incidents for senior managers (CUM-6, KEN-11): a line per quarter of the year."""
	financial_year = chosen_year(filters)
	start, end = year_bounds(financial_year)
	rows = grouped_facts(INCIDENT, COUNTED_INCIDENT_FIELDS, start, end)
	table = incidents_table(rows, suppression_threshold())
	columns, data = _count_table(table, _("Quarter"), _("Incidents"))
	return _report(columns, data, _("Incidents reported in the year"), financial_year, table.threshold)


def _count_table(table: CountTable, line_label: str, cases_label: str) -> tuple[list, list]:
	columns = [
		{"fieldname": "line", "label": line_label, "fieldtype": "Data", "width": 200},
		{"fieldname": "cases", "label": cases_label, "fieldtype": "Data"},
		*(
			{"fieldname": f"column_{index}", "label": f"{_(column.group)}: {_(column.label)}", "fieldtype": "Data"}
			for index, column in enumerate(table.columns)
		),
	]
	data = [
		{
			"line": _(line.label),
			"cases": line.cases,
			**{f"column_{index}": cell for index, cell in enumerate(line.cells)},
		}
		for line in (*table.lines, table.total)
	]
	return columns, data


def _report(columns: list[dict], data: list[dict], what: str, financial_year: str, threshold: int) -> tuple:
	"""A report as Frappe shows and exports it, with what it counts. Labels come from what councils and plugins name
	things, and Frappe exports a report's cells and headings to CSV and Excel as they are, so text a spreadsheet
	would run as a formula is kept as text."""
	columns = [{**column, "label": spreadsheet_safe(column["label"])} for column in columns]
	data = [{key: spreadsheet_safe(value) for key, value in row.items()} for row in data]
	return columns, data, _about(what, financial_year, threshold)


def _period_bounds(bounds_of, financial_year: str, number: int):
	"""The first and last day of a quarter or half of the year, once the year is known to be written rightly."""
	year_bounds(financial_year)
	return bounds_of(financial_year, number)


def _numbered(chosen: str | None, numbered: dict[int, str], what: str, period: str) -> int:
	"""The number of a quarter or half year chosen by its months, like "April to June"; this one when none is."""
	if not chosen:
		return getattr(period_of(frappe.utils.getdate()), period)
	for number, months in numbered.items():
		if chosen in (months, str(number)):
			return number
	frappe.throw(_("Choose the {0}: {1}.").format(what, ", ".join(_(months) for months in numbered.values())))


def _population(population) -> int | None:
	if population in (None, "", 0, "0"):
		return None
	try:
		population = int(population)
	except (TypeError, ValueError):
		population = 0
	if population < 1:
		frappe.throw(_("Enter the area's population as a whole number of people, like 560000."))
	return population


def chosen_year(filters: dict) -> str:
	return (filters.get("financial_year") or "").strip() or financial_year_of(frappe.utils.getdate())


def _fieldname(key: str) -> str:
	return frappe.scrub(key.replace(":", "_").replace("/", "_"))


def _about(what: str, financial_year: str, threshold: int) -> str:
	return _("{0}, {1}. Counts from 1 to {2} are shown as <{3}, and some other figures as [c], so that nobody can be picked out.").format(
		what, financial_year, threshold - 1, threshold
	)
