"""What people do with a case's deadlines: give one a later date, saying why (DER-3, DER-13), and tell the
complainant what happens next and by when (SOM-14, CUM-9)."""

from datetime import datetime

import frappe
from frappe import _
from frappe.utils import get_datetime, getdate

from fairness_app.procedure.snapshots import CLOCK_EXTENDED
from fairness_app.services import outbox
from fairness_app.services.clocks import CLOCKS_TABLE, read_clocks, write_clocks
from fairness_app.services.plugin_registry import get_plugins
from fairness_app.services.snapshots import case_snapshot


def extend_deadline(doc, rule_key: str, new_due: str, reason: str) -> None:
	"""Move one of the case's deadlines to `new_due` (a date, or a date and time for a deadline in hours), recorded
	with the reason and who agreed it. The plugins' notices for `clock_extended` tell the people waiting, and the
	delay letter gives them the new date and the reason."""
	doc.check_permission("write")
	plugins = get_plugins()
	now = frappe.utils.now_datetime()
	clocks = read_clocks(doc)
	clock = next((clock for clock in clocks if clock.key == rule_key), None)
	if clock is None:
		frappe.throw(_("This case has no deadline called {0}.").format(rule_key), title=_("Deadline not extended"))
	if not new_due:
		frappe.throw(_("Choose the new deadline."), title=_("Deadline not extended"))
	new_due = get_datetime(new_due) if clock.rule.unit.is_hours else getdate(new_due)
	try:
		extended = clock.extend(new_due, (reason or "").strip(), frappe.session.user, now, plugins.calendar)
	except ValueError as error:
		frappe.throw(str(error), title=_("Deadline not extended"))
	write_clocks(doc, [extended if each is clock else each for each in clocks], plugins.calendar, now)
	doc.save()
	why = frappe.utils.escape_html(extended.extensions[-1].reason)  # the timeline shows comments as HTML
	doc.add_comment(
		"Info", _("Deadline extended: {0}, now {1}. Why: {2}").format(clock.label, long_date(new_due), why)
	)
	case = case_snapshot(doc, plugins.config.nation)
	outbox.clock_event(doc.doctype, doc.name, case, CLOCK_EXTENDED, rule_key, now, plugins)


def next_steps(doc) -> list[dict]:
	"""What the complainant is waiting for, soonest first: each deadline still running that a plugin explained to
	them, with its date (none while the case is on hold). A party's time to act that has closed is no next step."""
	rows = doc.get(CLOCKS_TABLE)
	steps = [
		{"text": row.complainant_text, "due_on": row.due_on, "by": long_date(row.due_at or row.due_on)}
		for row, clock in zip(rows, read_clocks(doc))
		if row.complainant_text and not clock.is_stopped and row.status != "Closed"
	]
	return sorted(steps, key=lambda step: (step["due_on"] is None, str(step["due_on"] or "")))


def long_date(value) -> str:
	"""A date as a letter writes it, in the language being printed: "Monday 7 December 2026", with the time for a
	deadline in hours ("Monday 7 December 2026, 14:30"). Empty for no date (a deadline on hold)."""
	if not value:
		return ""
	day = frappe.utils.formatdate(value, "EEEE d MMMM yyyy")
	if isinstance(value, datetime) or (isinstance(value, str) and len(value) > 10):
		return f"{day}, {frappe.utils.format_time(value, 'HH:mm')}"
	return day
