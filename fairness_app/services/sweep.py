"""The deadline sweep: finds the clocks with an alert to raise, asks the plugins what to do about each (remind,
escalate, reassign, tell a central team), records the decision and has it carried out, exactly once.

Exactly once: every alert is a Fairness Clock Alert named after the deadline and the alert, inserted in the same
transaction that moves the clock's row on. A second sweep finds the row moved on; a second worker sweeping at the
same moment waits on the first one's insert, then finds the name taken and skips it; a case that fails rolls back
to before it, so the next sweep raises its alerts afresh. Telling people runs in a background job after the commit
and marks the alert told in the same transaction as its notices; an alert still untold a while later (a job that
failed, or a worker that died) is handed to a new job by the next sweep.

Cost: one indexed query for the clocks whose next alert day has come, then a few queries per batch of cases for
what the plugins need to see, however many cases and clocks the site holds.
"""

import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import frappe
from frappe import _

from fairness_app import roles
from fairness_app.procedure.calendar import as_date
from fairness_app.procedure.clocks import ClockAlert, ClockStatus
from fairness_app.procedure.decisions import (
	Escalation,
	EscalationAction,
	Recipient,
	escalation_from_dict,
	escalation_to_dict,
)
from fairness_app.procedure.snapshots import CLOCK_MISSED
from fairness_app.services import monitoring, outbox
from fairness_app.services.clocks import CLOCK_ROW, alert_fields, alerted_status, stored_clock
from fairness_app.services.notices import send_notice
from fairness_app.services.plugin_registry import get_plugins
from fairness_app.services.snapshots import case_snapshot, case_snapshots
from fairness_app.services.transitions import HANDLER

ALERT = "Fairness Clock Alert"
JOB_ID = "fairness_clock_sweep"
BATCH = 200  # cases per transaction
RETELL_AFTER = timedelta(minutes=30)  # an alert still untold this long after it was raised is handed to a new job


@dataclass
class SweepResult:
	alerts: list[str] = field(default_factory=list)  # the alerts this sweep raised
	failed_cases: int = 0


def schedule_sweep() -> None:
	"""The scheduler's entry: one sweep job at a time, however often the scheduler fires."""
	frappe.enqueue(
		"fairness_app.services.sweep.sweep_clocks", queue="long", job_id=JOB_ID, deduplicate=True, enqueue_after_commit=True
	)


def sweep_clocks(now: datetime | None = None) -> SweepResult:
	now = now or frappe.utils.now_datetime()
	result = SweepResult()
	by_doctype = defaultdict(dict)
	for (doctype, name), rows in _clocks_to_look_at(now).items():
		by_doctype[doctype][name] = rows
	for doctype, cases in by_doctype.items():
		names = list(cases)
		for start in range(0, len(names), BATCH):
			batch = {name: cases[name] for name in names[start : start + BATCH]}
			raised = _sweep_batch(doctype, batch, now, result)
			frappe.db.commit()
			_tell_later(raised)
			result.alerts += raised
	_tell_later(_untold(), retelling=True)
	return result


def _clocks_to_look_at(now: datetime) -> dict[tuple[str, str], list]:
	rows = frappe.get_all(  # access: the site-wide sweep reads deadlines only, through the next-alert index
		CLOCK_ROW,
		filters={"next_alert_on": ("<=", now.date())},
		fields=["name", "parenttype", "parent", "rule_key", "label", "alerted", "clock_state"],
		order_by="parent, idx",
	)
	by_case = defaultdict(list)
	for row in rows:
		by_case[(row.parenttype, row.parent)].append(row)
	return by_case


def _sweep_batch(doctype: str, cases: dict[str, list], now: datetime, result: SweepResult) -> list[str]:
	plugins = get_plugins()
	calendar = plugins.calendar
	alerts = {
		name: [(row, alert) for row in rows if (alert := _alert(row, calendar, now))] for name, rows in cases.items()
	}
	due = [name for name, found in alerts.items() if found]  # not an hour clock due later today
	snapshots = case_snapshots(doctype, due, plugins.config.nation) if due else {}
	raised, missed = [], []
	for name in due:
		frappe.db.savepoint("fairness_sweep_case")
		try:
			claims = [
				(_raise(plugins, doctype, name, row, alert, snapshots[name]), alert.status) for row, alert in alerts[name]
			]
			raised += [claim for claim, _status in claims if claim]
			if any(claim and status is ClockStatus.MISSED for claim, status in claims):
				missed.append(name)
		except Exception:
			frappe.db.rollback(save_point="fairness_sweep_case")  # the case as it was; the next sweep tries again
			result.failed_cases += 1
			_log_failure(doctype, name, _("The deadline sweep could not deal with a case"))
	if missed:
		monitoring.queue_refresh(doctype, *missed)  # a missed deadline shows in the figures: one job for the batch
	return raised


def _raise(plugins, doctype: str, name: str, row, alert: ClockAlert, case) -> str | None:
	"""Decide and record one alert, and move the clock's row on; the alert's name, or None if it was raised already."""
	decision = plugins.clock_escalation(case, alert)
	claimed = _claim(doctype, name, row, alert, decision.value, decision.decided_by)
	if claimed:
		fields = {"status": alert.status.value.capitalize(), **alert_fields(alert.clock, plugins.calendar, alert.status)}
		frappe.db.set_value(CLOCK_ROW, row.name, fields, update_modified=False)
		if alert.status is ClockStatus.MISSED:
			outbox.clock_event(doctype, name, case, CLOCK_MISSED, row.rule_key, alert.at, plugins)
	return claimed


def _alert(row, calendar, now: datetime) -> ClockAlert | None:
	return stored_clock(row.clock_state).alert(calendar, now, alerted_status(row))


def _claim(doctype: str, name: str, row, alert: ClockAlert, escalation: Escalation, decided_by: str) -> str | None:
	"""Record the alert and return its name; None when another sweep already has (the name is the alert)."""
	record = frappe.get_doc(
		{
			"doctype": ALERT,
			"reference_doctype": doctype,
			"reference_name": name,
			"rule_key": row.rule_key,
			"label": row.label,
			"due_on": as_date(alert.due),
			"status": alert.status.value.capitalize(),
			"alerted_at": alert.at,
			"action": escalation.action.value,
			"decided_by": decided_by,
			"escalation": json.dumps(escalation_to_dict(escalation)),
		}
	)
	record.autoname()
	record.set_user_and_timestamp()
	try:
		record.db_insert()  # an alert record has no logic of its own; its name is the claim
	except frappe.DuplicateEntryError:
		return None
	return record.name


# Telling people, in the background.


def _tell_later(alerts: list[str], retelling: bool = False) -> None:
	if alerts:
		frappe.enqueue(
			"fairness_app.services.sweep.tell",
			queue="long",
			alerts=alerts,
			job_id=f"fairness_tell_{alerts[0]}" + ("_again" if retelling else ""),
			deduplicate=True,
			now=frappe.flags.in_test,  # the alerts are committed already
		)


def _untold() -> list[str]:
	raised_before = frappe.utils.now_datetime() - RETELL_AFTER
	filters = {"delivered_at": ("is", "not set"), "creation": ("<", raised_before)}
	return frappe.get_all(ALERT, filters=filters, pluck="name", limit=BATCH)  # access: the sweep's own records


def tell(alerts: list[str]) -> None:
	"""Carry out the recorded escalations: each alert's notices and its record as told commit together, and an
	alert already told (by an earlier try) is left alone."""
	nation = get_plugins().config.nation
	for name in alerts:
		try:
			found = frappe.db.get_value(ALERT, name, ["name", "delivered_at"], as_dict=True, for_update=True)
			if not found or found.delivered_at:
				continue  # told already, or gone with its case
			alert = frappe.get_doc(ALERT, name)
			case = frappe.get_doc(alert.reference_doctype, alert.reference_name)
			told = _act(case, case_snapshot(case, nation), alert, escalation_from_dict(json.loads(alert.escalation)))
			now = frappe.utils.now_datetime()
			frappe.db.set_value(ALERT, name, {"told": "\n".join(told), "delivered_at": now}, update_modified=False)
			frappe.db.commit()
		except Exception:
			frappe.db.rollback()
			_log_failure(ALERT, name, _("People could not be told about a deadline; the next sweep tries again"))


def _log_failure(doctype: str, name: str, title: str) -> None:
	frappe.log_error(title=title, message=frappe.get_traceback(), reference_doctype=doctype, reference_name=name)


def _act(doc, case, alert, escalation: Escalation) -> list[str]:
	if alert.status == "Missed":
		subject = _("Case {0}: the deadline for '{1}' has passed").format(case.label, alert.label)
	elif alert.status == "Closed":
		subject = _("Case {0}: the time for '{1}' has ended").format(case.label, alert.label)
	else:
		subject = _("Case {0}: '{1}' is due today").format(case.label, alert.label)
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
