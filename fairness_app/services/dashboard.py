"""The managers' workspace: its number cards and its chart, counted over the cases the reader may open.

Every count goes through frappe.get_list, so the site's permission rules pick the cases: a line manager counts their
own cases, a case officer those of their team, and someone who may read no case counts nothing and is told so. The
chart is a custom source rather than a Document Type chart because Frappe caches a Document Type chart's figures
under the chart's name, for everyone: the first reader's counts would be shown to the next.
"""

import frappe
from frappe import _
from frappe.utils import add_days, getdate

from fairness_app.permissions import CASE_DOCTYPES
from fairness_app.services.clocks import CLOCK_ROW

PLURALS = {"Fairness Complaint": "Complaints", "Fairness Incident": "Incidents"}
STILL_RUNNING = ("Running", "Due")
DAYS_AHEAD = 7


@frappe.whitelist()
def deadlines_due_soon(filters=None) -> dict:
	"""Number card: deadlines still running that fall due in the next seven days, today included."""
	today = getdate()
	due = [[CLOCK_ROW, "status", "in", STILL_RUNNING], [CLOCK_ROW, "due_on", "between", [today, add_days(today, DAYS_AHEAD)]]]
	return {"value": _count_clocks(due), "fieldtype": "Int"}


@frappe.whitelist()
def missed_deadlines(filters=None) -> dict:
	"""Number card: deadlines missed in cases that are still open."""
	return {"value": _count_clocks([[CLOCK_ROW, "status", "=", "Missed"]], open_only=True), "fieldtype": "Int"}


@frappe.whitelist()
def open_cases_by_stage(**kwargs) -> dict:
	"""Chart: the open complaints and incidents the reader may open, by the stage they are at."""
	counts: dict[str, dict[str, int]] = {}
	for doctype in _readable_case_doctypes():
		for row in frappe.get_list(
			doctype,
			filters=[[doctype, "stage_category", "!=", "closed"]],
			fields=["workflow_state", "count(*) as count"],
			group_by="workflow_state",
			order_by="workflow_state",
		):
			counts.setdefault(doctype, {})[row.workflow_state or _("Not started")] = row.count
	stages = sorted({stage for by_stage in counts.values() for stage in by_stage})
	return {
		"labels": [_(stage) for stage in stages],
		"datasets": [
			{"name": _(PLURALS[doctype]), "values": [counts[doctype].get(stage, 0) for stage in stages]}
			for doctype in counts
		],
	}


def _count_clocks(clock_filters: list, open_only: bool = False) -> int:
	total = 0
	for doctype in _readable_case_doctypes():
		filters = [*clock_filters, [doctype, "stage_category", "!=", "closed"]] if open_only else clock_filters
		(row,) = frappe.get_list(doctype, filters=filters, fields=[f"count(`tab{CLOCK_ROW}`.name) as count"])
		total += row.count
	return total


def _readable_case_doctypes() -> list[str]:
	readable = [doctype for doctype in CASE_DOCTYPES if frappe.has_permission(doctype, "read")]
	if not readable:
		frappe.throw(_("You can see these figures once you work on complaints or incidents."), frappe.PermissionError)
	return readable
