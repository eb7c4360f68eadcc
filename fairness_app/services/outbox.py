"""Notices about what happens on a case. When a case is received, moves stage, is closed or misses a deadline,
every council plugin may ask for people to be told (the `fairness_notifications` hook). Their notices are written
as Fairness Notice records in the same transaction as the change, and delivered by a background job once it commits,
so a change that fails tells nobody and a change that is saved always tells.

Delivered once: a delivery locks the notice, tells people and marks it sent in one transaction, so a second delivery
of the same notice (a retried job, or the scheduled one) finds it sent. A notice whose delivery failed, or whose job
never ran, is delivered by the scheduled job when its next try is due; one that keeps failing (a council's webhook is
down) is given up after a few tries (procedure/retries.py), and the case's timeline and the Error Log say so.

Cost: the scheduled job reads only the notices whose next try is due, through an index; a sent notice has none.
"""

import dataclasses
import html
import json
from datetime import datetime, timedelta

import frappe
from frappe import _
from frappe.utils.password import get_decrypted_password

from fairness_app.procedure.decisions import (
	Channel,
	Notification,
	deliveries,
	recipients_from_list,
	recipients_to_list,
)
from fairness_app.procedure.retries import next_try
from fairness_app.procedure.snapshots import (
	CLOSED,
	RECEIVED,
	STAGE_CHANGED,
	CaseEvent,
	CaseSnapshot,
	StageCategory,
)
from fairness_app.services import webhooks
from fairness_app.services.notices import TEAM, send_notice
from fairness_app.services.plugin_registry import get_plugins
from fairness_app.services.snapshots import case_snapshot, stage_of

NOTICE = "Fairness Notice"
QUEUED, SENT, FAILED = "Queued", "Sent", "Failed"
PICK_UP_AFTER = timedelta(minutes=10)  # a new notice that no job has delivered by then is left to the scheduled job
BATCH = 500  # notices per scheduled job
JOB_ID = "fairness_notice_delivery"


# Case events


def case_received(doc) -> None:
	if _quiet():
		return
	plugins = get_plugins()
	case = _as_saved(doc, case_snapshot(doc, plugins.config.nation))  # the snapshot intake asked the plugins about
	announce(doc.doctype, doc.name, case, CaseEvent(RECEIVED, frappe.utils.now_datetime(), stage=case.stage), plugins)


def start_announcements(doc) -> None:
	"""Start this save's list of what happened, to announce once the save has gone through. Every validation starts
	afresh, so nothing a refused save recorded is ever announced."""
	doc.flags.to_announce = []


def happened(doc, case: CaseSnapshot, events: list[CaseEvent]) -> None:
	"""Something this save records as having happened: a meeting, a field that marks a step, a move."""
	doc.flags.setdefault("to_announce", []).extend((case, event) for event in events)


def stage_changed(doc, case: CaseSnapshot, at: datetime) -> None:
	moved = [CaseEvent(STAGE_CHANGED, at, stage=case.stage)]
	if case.stage_category is StageCategory.CLOSED:
		moved.append(CaseEvent(CLOSED, at, stage=case.stage))
	happened(doc, case, moved)


def announce_what_happened(doc) -> None:
	"""Once the save has gone through, ask the plugins who to tell about each thing it recorded, in order."""
	if not (pending := doc.flags.pop("to_announce", None)) or _quiet():
		return
	plugins = get_plugins()
	for case, event in pending:
		announce(doc.doctype, doc.name, case, event, plugins)


def clock_event(
	doctype: str, name: str, case: CaseSnapshot, event: str, rule_key: str, at: datetime, plugins
) -> None:
	"""Announce something that happened to one of the case's deadlines (missed, extended), naming the deadline."""
	announce(doctype, name, case, CaseEvent(event, at, stage=case.stage, detail=(("clock", rule_key),)), plugins)


def announce(doctype: str, name: str, case: CaseSnapshot, event: CaseEvent, plugins) -> list[str]:
	"""Write the notices the plugins ask for about `event`; they are delivered once the change commits."""
	now = frappe.utils.now_datetime()
	names = [
		_write(doctype, name, event, plugin, delivery, now)
		for plugin, notification in plugins.notifications(case, event).items
		for delivery in deliveries(notification)
	]
	if names:
		frappe.enqueue("fairness_app.services.outbox.deliver", names=names, enqueue_after_commit=True)
	return names


def _quiet() -> bool:
	"""Cases brought in by a data import or a migration are history: nobody is told about them again."""
	return bool(frappe.flags.in_import or frappe.flags.in_migrate or frappe.flags.in_install)


def _as_saved(doc, case: CaseSnapshot) -> CaseSnapshot:
	"""Intake's snapshot, taken before the case had a name or a stage, as the case now stands."""
	return dataclasses.replace(case, case_id=doc.name, **stage_of(doc))


def _write(doctype: str, name: str, event: CaseEvent, plugin: str, notification: Notification, now: datetime) -> str:
	record = frappe.get_doc(
		{
			"doctype": NOTICE,
			"reference_doctype": doctype,
			"reference_name": name,
			"event": describe(event),
			"plugin": plugin,
			"channel": notification.channel.value.capitalize(),
			"subject": notification.subject[:255],
			"message": notification.message,
			"recipients": json.dumps(recipients_to_list(notification.recipients)),
			"status": QUEUED,
			"attempts": 0,
			"next_attempt_at": now + PICK_UP_AFTER,
		}
	)
	record.set_new_name()
	record.set_user_and_timestamp()
	record.db_insert()  # a notice has no logic of its own, and a case event may write several
	return record.name


def describe(event: CaseEvent) -> str:
	"""How a notice names its event, e.g. "clock_missed: Investigation (clock acknowledgement)"."""
	described = ": ".join(part for part in (event.name, event.stage) if part)
	if event.detail:
		described += " (" + ", ".join(f"{key} {value}" for key, value in event.detail) + ")"
	return described


# Delivery, in the background


def schedule_delivery() -> None:
	"""The scheduler's entry: one delivery job at a time, however often the scheduler fires."""
	frappe.enqueue(
		"fairness_app.services.outbox.deliver_due", job_id=JOB_ID, deduplicate=True, enqueue_after_commit=True
	)


def deliver_due(now: datetime | None = None) -> list[str]:
	"""Deliver the notices whose next try has come: retries, and new notices whose own job never ran."""
	now = now or frappe.utils.now_datetime()
	due = frappe.get_all(  # access: the site-wide delivery reads only the names of the notices due
		NOTICE, filters={"next_attempt_at": ("<=", now)}, order_by="next_attempt_at", limit=BATCH, pluck="name"
	)
	deliver(due)
	return due


def deliver(names: list[str]) -> None:
	"""Deliver each notice still queued, committing each one with its record as sent (or its failed try)."""
	nation = get_plugins().config.nation
	cases = {}
	for name in names:
		frappe.db.savepoint("fairness_notice")
		try:
			notice = frappe.db.get_value(NOTICE, name, "*", as_dict=True, for_update=True)
			if not notice or notice.status != QUEUED:
				continue  # sent already, given up, or gone with its case
			key = (notice.reference_doctype, notice.reference_name)
			if key not in cases:
				case = frappe.get_doc(*key)
				cases[key] = (case, case_snapshot(case, nation))
			told = _deliver(*cases[key], notice)
			sent = {"status": SENT, "told": "\n".join(told), "sent_at": frappe.utils.now_datetime()}
			frappe.db.set_value(NOTICE, name, {**sent, "next_attempt_at": None, "last_error": None}, update_modified=False)
		except webhooks.WebhookFailed as failed:
			_failed_try(name, str(failed), retry=failed.retry)
		except Exception:
			frappe.db.rollback(save_point="fairness_notice")  # nobody was told: the notice is as it was
			frappe.log_error(_("A notice about a case could not be delivered"), reference_doctype=NOTICE, reference_name=name)
			_failed_try(name, _("It could not be delivered: see the Error Log."), retry=True)
		frappe.db.commit()


def _deliver(doc, case: CaseSnapshot, notice) -> list[str]:
	recipients = recipients_from_list(json.loads(notice.recipients))
	if notice.channel == Channel.WEBHOOK.value.capitalize():
		team = recipients[0].value
		if url := _webhook_url(team):
			webhooks.post(url, _payload(doc, case, notice))
			posted = _("{0} (webhook)").format(frappe.db.get_value(TEAM, team, "team_name"))
			doc.add_comment("Info", html.escape(f"{notice.message} " + _("Posted to: {0}.").format(posted), quote=False))
			return [posted]
		# A team without a webhook is told the usual way, so nobody is missed.
	return send_notice(doc, case, recipients, notice.subject, notice.message)


def _webhook_url(team: str) -> str | None:
	if not frappe.db.exists(TEAM, team):
		return None
	return get_decrypted_password(TEAM, team, "webhook_url", raise_exception=False)


def _payload(doc, case: CaseSnapshot, notice) -> dict:
	"""What the webhook receives: the plugin's words and a link to the case, which only its team can open."""
	link = frappe.utils.get_url_to_form(doc.doctype, doc.name)
	return {
		"text": f"{notice.subject}\n\n{notice.message}\n\n{link}",  # what Microsoft Teams and Slack show
		"subject": notice.subject,
		"message": notice.message,
		"case": case.label,
		"event": notice.event,
		"link": link,
	}


def _failed_try(name: str, reason: str, retry: bool) -> None:
	notice = frappe.db.get_value(NOTICE, name, "*", as_dict=True, for_update=True)
	if not notice or notice.status != QUEUED:
		return
	attempts = (notice.attempts or 0) + 1
	again_at = next_try(attempts, frappe.utils.now_datetime()) if retry else None
	fields = {"attempts": attempts, "last_error": reason, "next_attempt_at": again_at}
	frappe.db.set_value(NOTICE, name, {**fields, "status": QUEUED if again_at else FAILED}, update_modified=False)
	if again_at is None:
		_say_given_up(notice, reason)


def _say_given_up(notice, reason: str) -> None:
	"""Tell the case's team (on its timeline) and the site's administrators (the Error Log), without the address."""
	message = _("This notice could not be delivered and will not be tried again: '{0}'. {1} Tell the people it was for another way.").format(
		notice.subject, reason
	)
	frappe.log_error(_("A notice about a case was given up"), message, reference_doctype=NOTICE, reference_name=notice.name)
	if frappe.db.exists(notice.reference_doctype, notice.reference_name):
		case = frappe.get_doc(notice.reference_doctype, notice.reference_name)
		case.add_comment("Info", html.escape(message, quote=False))
