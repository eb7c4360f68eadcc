"""Whether a complaint was made in time, by the site's plugins' time limit (DER-2)."""

import frappe
from frappe import _

from fairness_app.procedure.time_limits import TimeLimit
from fairness_app.services.decisions import record_decision
from fairness_app.services.plugin_registry import get_plugins
from fairness_app.services.snapshots import case_snapshot

DEPENDS_ON = ("received_on", "latest_incident_on", "late_complaint_accepted_by", "late_complaint_reason")


def check_time_limit(doc) -> None:
	"""Mark a late complaint, and refuse it until the case records who accepted it late and why."""
	if not doc.latest_incident_on:
		doc.out_of_time, doc.time_limit_note = 0, None
		return
	if not doc.is_new() and not any(doc.has_value_changed(field) for field in DEPENDS_ON):
		return
	plugins = get_plugins()
	decision = plugins.time_limit(case_snapshot(doc, plugins.config.nation))
	limit, latest = decision.value, frappe.utils.getdate(doc.latest_incident_on)
	last_day = limit.last_day(latest)
	doc.out_of_time = int(limit.is_late(latest, frappe.utils.getdate(doc.received_on)))
	doc.time_limit_note = (
		_("Make the complaint by {0} ({1} months after the latest incident)").format(
			frappe.format(last_day, "Date"), limit.months
		)
		if last_day
		else _("No time limit")
	)
	record_decision(doc, "Time limit", decision, "late" if doc.out_of_time else "in time")
	if doc.out_of_time and not (doc.late_complaint_accepted_by and (doc.late_complaint_reason or "").strip()):
		frappe.throw(
			_(
				"This complaint was received on {0}, after the time limit ended on {1}: {2} months after the "
				"latest incident on {3}. If {4} has agreed to accept it late, record who agreed and why under "
				"Time limit. Otherwise, check the dates."
			).format(
				frappe.format(doc.received_on, "Date"),
				frappe.format(last_day, "Date"),
				limit.months,
				frappe.format(latest, "Date"),
				limit.who_may_extend,
			),
			title=_("Complaint made after the time limit"),
		)
	if doc.out_of_time:
		_check_accepted_by(doc.late_complaint_accepted_by, limit)


def _check_accepted_by(user: str, limit: TimeLimit) -> None:
	"""Refuse a late complaint accepted by someone without the role the plugin's time limit names (DER-2)."""
	if not limit.approver_role or limit.approver_role in frappe.get_roles(user):
		return
	frappe.throw(
		_(
			"{0} cannot accept a late complaint: only {1} may. Record the person who agreed to accept it. If {0} "
			"is {1}, ask your administrator to give them the {2} role."
		).format(frappe.utils.get_fullname(user), limit.who_may_extend, _(limit.approver_role)),
		title=_("Late complaint accepted by someone who cannot"),
	)
