"""Warning markers (CUM-6): a senior manager approves what staff are told about a person and what the warning
letter tells them (services/letters.py); the approval lapses when either changes, and the marker is reviewed and
removed on the dates set. Who may read a marker is decided in permissions.py: the member of staff who raised it,
the approver and the staff it is circulated to."""

import frappe
from frappe import _
from frappe.utils import getdate, today

from fairness_app import roles
from fairness_app.permissions import SUPERUSER
from fairness_app.services import case_checks

AWAITING_APPROVAL = "Awaiting approval"
APPROVED = "Approved"
APPROVERS = (roles.LINE_MANAGER, roles.ASSISTANT_DIRECTOR)
# What the approver signed off: changing any of it after approval needs their approval again.
APPROVED_CONTENT = ("party", "risk", "precautions", "restriction", "letter_text", "approver")


def check_marker(doc) -> None:
	_check_dates(doc)
	_check_approver(doc)
	_check_circulation(doc)
	if doc.incident and doc.has_value_changed("incident"):
		_check_incident(doc)
	_settle_approval(doc)


def _check_dates(doc) -> None:
	review_on = case_checks.date_value(doc, "review_on")
	expires_on = case_checks.date_value(doc, "expires_on")
	if review_on and expires_on and review_on > expires_on:
		frappe.throw(
			_("Review by ({0}) is after Remove on ({1}). Set the review on or before the day the marker is removed.").format(
				frappe.format(review_on, "Date"), frappe.format(expires_on, "Date")
			),
			title=_("Dates in the wrong order"),
		)
	if expires_on and expires_on < getdate(today()) and doc.has_value_changed("expires_on"):
		frappe.throw(
			_("Remove on ({0}) has already passed. A marker must apply to at least today.").format(
				frappe.format(expires_on, "Date")
			),
			title=_("Date in the past"),
		)


def _check_approver(doc) -> None:
	raised_by = doc.owner if not doc.is_new() else frappe.session.user
	if doc.approver == raised_by and raised_by != SUPERUSER:
		frappe.throw(
			_("Someone else must approve a marker you raise. Choose a senior manager as the approver."),
			title=_("Choose another approver"),
		)
	if not doc.has_value_changed("approver"):
		return
	if not frappe.db.get_value("User", doc.approver, "enabled") or not set(APPROVERS) & set(
		frappe.get_roles(doc.approver)
	):
		frappe.throw(
			_("{0} cannot approve warning markers. Choose someone who is a line manager or an assistant director.").format(
				frappe.bold(frappe.utils.get_fullname(doc.approver))
			),
			title=_("Choose another approver"),
		)


def _check_circulation(doc) -> None:
	if not doc.circulation:
		return
	listed = [row.user for row in doc.circulation]
	enabled_staff = {"name": ("in", listed), "enabled": 1, "user_type": "System User"}
	staff = set(frappe.get_all("User", filters=enabled_staff, pluck="name"))  # access: account status only
	seen = set()
	for row in doc.circulation:
		prefix = case_checks.row_prefix(row)
		if row.user in seen:
			frappe.throw(
				_("{0}{1} is already on the list. Remove one of the rows.").format(
					prefix, frappe.utils.get_fullname(row.user)
				),
				title=_("Listed twice"),
			)
		seen.add(row.user)
		if row.user not in staff:
			frappe.throw(
				_("{0}{1} is not a member of staff with an account here, so cannot be told.").format(
					prefix, frappe.utils.get_fullname(row.user)
				),
				title=_("Not a member of staff"),
			)


def _check_incident(doc) -> None:
	"""Naming an incident says the person was in it: only its team may say so, and it must be true."""
	if not frappe.has_permission("Fairness Incident", "read", doc=doc.incident):
		frappe.throw(
			_("You can only link an incident you work on. Leave the incident empty or ask its team."),
			frappe.PermissionError,
			title=_("Incident not linked"),
		)
	in_incident = frappe.db.exists(
		"Fairness Case Party", {"parenttype": "Fairness Incident", "parent": doc.incident, "party": doc.party}
	)
	if not in_incident:
		frappe.throw(
			_("{0} is not one of the people in that incident. Check the person or the incident.").format(
				frappe.bold(doc.party_name or doc.party)
			),
			title=_("Person not in the incident"),
		)


def _settle_approval(doc) -> None:
	"""Only the approver approves. Anyone else changing what was approved sends it back for approval."""
	before = doc.get_doc_before_save()
	user = frappe.session.user
	by_approver = user in (doc.approver, SUPERUSER)
	if doc.approved and (not before or not before.approved) and not by_approver:
		frappe.throw(
			_("Only {0} can approve this marker.").format(frappe.bold(frappe.utils.get_fullname(doc.approver))),
			frappe.PermissionError,
			title=_("Not approved"),
		)
	if doc.approved and before and before.approved and not by_approver and _content_changed(doc, before):
		doc.approved = 0
		frappe.msgprint(
			_("What the marker says has changed, so {0} needs to approve it again.").format(
				frappe.utils.get_fullname(doc.approver)
			),
			title=_("Sent back for approval"),
		)
	if doc.approved and not doc.approved_on:
		doc.approved_on = today()
	elif not doc.approved:
		doc.approved_on = None
	doc.status = APPROVED if doc.approved else AWAITING_APPROVAL


def _content_changed(doc, before) -> bool:
	return any(doc.get(field) != before.get(field) for field in APPROVED_CONTENT) or sorted(
		row.user for row in doc.circulation
	) != sorted(row.user for row in before.circulation)
