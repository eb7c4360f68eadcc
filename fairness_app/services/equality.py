"""Equality monitoring details (SOM-9 part 2, DER-24): special-category data a complainant may choose to give.

They are kept apart from the case, in a record only the monitoring role can read, with no change history. Case
officers record them through record_equality_details and cannot read them back; the case form never shows them.
"""

import frappe
from frappe import _

from fairness_app.permissions import CASE_DOCTYPES
from fairness_app.reports.facts import EQUALITY_BANDS

EQUALITY = "Fairness Equality Monitoring"
ANSWERS = EQUALITY_BANDS  # each answer is a band the monitoring reports count


def questions() -> list[dict]:
	"""Each question with its label and choices, for the form a case officer fills in with the complainant."""
	meta = frappe.get_meta(EQUALITY)
	return [
		{"fieldname": df.fieldname, "label": _(df.label), "options": [_(option) for option in df.options.split("\n")]}
		for df in map(meta.get_field, ANSWERS)
	]


def record_equality_details(case_doctype: str, case: str, answers: dict, declined: bool = False) -> None:
	"""Create or replace the equality details of one case, for someone who may work on that case."""
	if case_doctype not in CASE_DOCTYPES:
		frappe.throw(_("Equality details can only be recorded for a complaint or an incident."))
	frappe.has_permission(case_doctype, "write", doc=case, throw=True)
	unknown = sorted(set(answers) - set(ANSWERS))
	if unknown:
		frappe.throw(_("These are not equality monitoring questions: {0}").format(", ".join(unknown)))
	existing = frappe.db.get_value(EQUALITY, {"case": case})  # access: the case's own record, checked above
	doc = frappe.get_doc(EQUALITY, existing) if existing else frappe.new_doc(EQUALITY)
	doc.update({"case_doctype": case_doctype, "case": case, "declined": int(bool(declined))})
	doc.update({fieldname: answers.get(fieldname) for fieldname in ANSWERS})
	doc.flags.ignore_permissions = True  # access: the writer may work the case, and may not read these back
	doc.save()


def were_given(case_doctype: str, case: str) -> bool | None:
	"""Whether the case's equality details were given (True) or declined (False), or None if nobody has asked yet;
	never the answers themselves."""
	declined = frappe.db.get_value(EQUALITY, {"case_doctype": case_doctype, "case": case}, "declined")
	return None if declined is None else not declined
