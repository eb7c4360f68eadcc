"""What the monitoring reports read: monitoring facts only, grouped for one reporting period, and only for someone
the site lets report on them (the monitoring role, X-2). The tables themselves are worked out in reports/.

Each query reads the period asked for through indexed columns, so a report costs what is in that period, not
everything ever recorded.
"""

import frappe
from frappe import _

from fairness_app.reports.committee import committee_table
from fairness_app.reports.facts import COMPLAINT, unlisted
from fairness_app.reports.periods import financial_year_bounds, financial_year_of
from fairness_app.reports.suppression import DEFAULT_THRESHOLD
from fairness_app.reports.timeliness import RESULTS, timeliness_table
from fairness_app.services.monitoring import FACT

# Once a site holds several years, MariaDB guesses a whole-table scan is cheaper than reading one year through the
# index on the day received; it is not (benchmarks/monitoring_reports.py), so a year's queries name the index.
BY_DAY_RECEIVED = "force index (received_on)"

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
	return columns, data, _about(_(cases), financial_year, table.threshold)


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
	return columns, data, _about(_("Cases received in the year"), financial_year, table.threshold)


def chosen_year(filters: dict) -> str:
	return (filters.get("financial_year") or "").strip() or financial_year_of(frappe.utils.getdate())


def _fieldname(key: str) -> str:
	return frappe.scrub(key.replace(":", "_").replace("/", "_"))


def _about(what: str, financial_year: str, threshold: int) -> str:
	return _("{0}, {1}. Counts from 1 to {2} are shown as <{3}, and some other figures as [c], so that nobody can be picked out.").format(
		what, financial_year, threshold - 1, threshold
	)
