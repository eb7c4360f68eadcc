"""Whitelisted endpoints: typed and permission-checked."""

import frappe

from fairness_app.permissions import CASE_DOCTYPES
from fairness_app.plugins import installed_plugins as find_installed_plugins
from fairness_app.services import deadlines, equality


@frappe.whitelist()
def installed_plugins() -> list[dict]:
	"""The council plugins installed on this server, for the Fairness Settings form."""
	frappe.has_permission("Fairness Settings", "read", throw=True)
	return [
		{"name": name, "package": entry_point.dist.name if entry_point.dist else entry_point.value}
		for name, entry_point in sorted(find_installed_plugins().items())
	]


@frappe.whitelist()
def equality_questions() -> list[dict]:
	"""The voluntary equality monitoring questions, for anyone who records cases."""
	if not frappe.has_permission("Fairness Complaint", "create"):
		frappe.throw(frappe._("Only people who record cases can ask these questions."), frappe.PermissionError)
	return equality.questions()


@frappe.whitelist(methods=["POST"])
def record_equality_details(case_doctype: str, case: str, answers: dict | str | None = None, declined: bool = False):
	"""Record the equality details a person chose to give about themselves. They cannot be read back here."""
	equality.record_equality_details(case_doctype, case, frappe.parse_json(answers) or {}, frappe.utils.cint(declined))
	return {"recorded": True}


@frappe.whitelist(methods=["POST"])
def extend_deadline(case_doctype: str, case: str, deadline: str, new_due: str, reason: str) -> None:
	"""Give one of a case's deadlines a later date, saying why (DER-3, DER-13)."""
	if case_doctype not in CASE_DOCTYPES:
		frappe.throw(frappe._("Only a complaint's or an incident's deadlines can be extended."))
	deadlines.extend_deadline(frappe.get_doc(case_doctype, case), deadline, new_due, reason)
