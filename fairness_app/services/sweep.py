"""The deadline sweep: finds the clocks with an alert to raise, asks the plugins what to do about each (remind,
escalate, reassign, tell a central team) and does it, exactly once.

Exactly once: every alert is a Fairness Clock Alert named after the deadline and the alert, inserted in the same
transaction as what it does. A second sweep finds the clock's row already moved on; a second worker sweeping at the
same moment waits on the first one's insert, then finds the name taken and skips it; a sweep that fails on a case
rolls that case back, so the next sweep raises its alerts afresh.

Cost: one indexed query for the clocks whose next alert day has come, then work on those alone, however many cases
and clocks the site holds.
"""

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

import frappe
from frappe import _

from fairness_app import roles
from fairness_app.procedure.calendar import as_date
from fairness_app.procedure.clocks import ClockAlert, ClockStatus, clock_from_dict
from fairness_app.procedure.decisions import Escalation, EscalationAction, Recipient
from fairness_app.services.clocks import alert_fields, alerted_status
from fairness_app.services.notices import send_notice
from fairness_app.services.plugin_registry import get_plugins
from fairness_app.services.snapshots import case_snapshot
from fairness_app.services.transitions import HANDLER

CLOCK_ROW = "Fairness Case Clock"
ALERT = "Fairness Clock Alert"
JOB_ID = "fairness_clock_sweep"


@dataclass
class SweepResult:
	alerts: int = 0  # alerts raised and acted on by this sweep
	skipped: int = 0  # alerts another sweep had already raised
	failed_cases: int = 0


def schedule_sweep() -> None:
	"""The scheduler's entry: one sweep job at a time, however often the scheduler fires."""
	frappe.enqueue(
		"fairness_app.services.sweep.sweep_clocks", queue="long", job_id=JOB_ID, deduplicate=True, enqueue_after_commit=True
	)


def sweep_clocks(now: datetime | None = None) -> SweepResult:
	now = now or frappe.utils.now_datetime()
	result = SweepResult()
	for (doctype, name), rows in _clocks_to_look_at(now).items():
		try:
			_sweep_case(doctype, name, rows, now, result)
			frappe.db.commit()
		except Exception:
			frappe.db.rollback()
			result.failed_cases += 1
			frappe.log_error(
				title=_("The deadline sweep could not deal with a case"),
				message=frappe.get_traceback(),
				reference_doctype=doctype,
				reference_name=name,
			)
	return result


def _clocks_to_look_at(now: datetime) -> dict[tuple[str, str], list]:
	# access: the sweep runs for the whole site; it reads deadlines only, through the next-alert index
	rows = frappe.get_all(
		CLOCK_ROW,
		filters={"next_alert_on": ("<=", now.date())},
		fields=["name", "parenttype", "parent", "rule_key", "alerted", "clock_state"],
		order_by="parent, idx",
	)
	by_case = defaultdict(list)
	for row in rows:
		by_case[(row.parenttype, row.parent)].append(row)
	return by_case


def _sweep_case(doctype: str, name: str, rows: list, now: datetime, result: SweepResult) -> None:
	plugins = get_plugins()
	calendar = plugins.calendar
	doc = case = None
	for row in rows:
		clock, alerted = clock_from_dict(json.loads(row.clock_state)), alerted_status(row)
		alert = clock.alert(calendar, now, alerted)
		if alert is None:
			continue  # an hour clock due later today
		doc = doc or frappe.get_doc(doctype, name)
		case = case or case_snapshot(doc, plugins.config.nation)
		decision = plugins.clock_escalation(case, alert)
		claimed = _claim(doc, row.rule_key, alert, decision.value, decision.decided_by)
		if claimed is None:
			result.skipped += 1
			continue
		told = _act(doc, case, alert, decision.value)
		frappe.db.set_value(ALERT, claimed, "told", "\n".join(told), update_modified=False)
		fields = {"status": alert.status.value.capitalize(), **alert_fields(clock, calendar, alert.status)}
		frappe.db.set_value(CLOCK_ROW, row.name, fields, update_modified=False)
		result.alerts += 1


def _claim(doc, rule_key: str, alert: ClockAlert, escalation: Escalation, decided_by: str) -> str | None:
	"""Record the alert and return its name; None when another sweep already has (the name is the alert)."""
	record = frappe.get_doc(
		{
			"doctype": ALERT,
			"reference_doctype": doc.doctype,
			"reference_name": doc.name,
			"rule_key": rule_key,
			"due_on": as_date(alert.due),
			"status": alert.status.value.capitalize(),
			"alerted_at": alert.at,
			"action": escalation.action.value,
			"decided_by": decided_by,
		}
	)
	try:
		record.insert(ignore_permissions=True)  # access: written by the sweep; read through the case's team
	except frappe.DuplicateEntryError:
		return None
	return record.name


def _act(doc, case, alert: ClockAlert, escalation: Escalation) -> list[str]:
	label = alert.clock.rule.label
	if alert.status is ClockStatus.MISSED:
		subject = _("Case {0}: the deadline for '{1}' has passed").format(case.label, label)
	else:
		subject = _("Case {0}: '{1}' is due today").format(case.label, label)
	message, recipients = escalation.message, escalation.recipients
	if escalation.action is EscalationAction.REASSIGN:
		new_handler = escalation.reassign_to
		if refused := _reassign(doc, new_handler):
			message = f"{message} {refused}"
			recipients = (*recipients, Recipient.role(roles.CASE_OFFICER, "the case could not be handed over"))
		else:
			message = f"{message} " + _("The case is now handled by {0}.").format(frappe.utils.get_fullname(new_handler))
			recipients = (*recipients, Recipient.user(new_handler, "now handles the case"))
	return send_notice(doc, case, recipients, subject, message)


def _reassign(doc, user: str) -> str | None:
	"""Hand the case to `user`; the reason in plain words when the case's own rules refuse it (say, they are a
	party to it), leaving the case as it was."""
	frappe.db.savepoint("fairness_reassign")
	for row in [row for row in doc.team if row.team_role == HANDLER]:
		doc.remove(row)
	doc.append("team", {"user": user, "team_role": HANDLER, "why": _("reassigned when a deadline was missed")})
	try:
		doc.save(ignore_permissions=True)  # access: the sweep acts for the site on a plugin's decision
	except frappe.ValidationError as refused:
		frappe.db.rollback(save_point="fairness_reassign")
		doc.reload()
		return _("The case could not be handed to {0}: {1}").format(
			frappe.utils.get_fullname(user), frappe.utils.strip_html(str(refused))
		)
	return None
