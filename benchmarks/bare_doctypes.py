"""Throwaway doctypes for the benchmarks to measure against: made at the start of a run and removed at its end.

Making a DocType changes the database schema, which commits, so each benchmark removes them whatever happens.
"""

import frappe

LAYOUT = ("Section Break", "Column Break", "Tab Break", "HTML", "Button")
# Written by Frappe on every record and row: not copied from one to another.
STANDARD = ("name", "owner", "creation", "modified", "modified_by", "parent", "parenttype", "parentfield")
STAGE = {"fieldname": "workflow_state", "fieldtype": "Link", "label": "Stage", "options": "Workflow State"}


def complaint_shape() -> list[dict]:
	"""The complaint's fields and child tables, without its controller, hooks, fetches or checks."""
	return [
		{"fieldname": df.fieldname, "fieldtype": df.fieldtype, "label": df.label, "options": df.options}
		for df in frappe.get_meta("Fairness Complaint").fields
		if df.fieldtype not in LAYOUT
	]


def make_doctype(name: str, fields: list[dict], workflow: dict | None = None) -> None:
	"""A custom DocType only the System Manager uses, and, if given, an active Workflow on it."""
	frappe.get_doc(
		{
			"doctype": "DocType",
			"name": name,
			"module": "Fairness App",
			"custom": 1,
			"autoname": "hash",
			"fields": fields,
			"permissions": [{"role": "System Manager", "read": 1, "write": 1, "create": 1, "delete": 1}],
		}
	).insert()
	if workflow:
		frappe.get_doc({"doctype": "Workflow", "document_type": name, "is_active": 1, **workflow}).insert()
	frappe.db.commit()


def remove_doctypes(*names: str) -> None:
	frappe.db.rollback()
	for name in names:
		workflows = frappe.get_all("Workflow", filters={"document_type": name}, pluck="name")  # access: throwaway ones
		for workflow in workflows:
			frappe.delete_doc("Workflow", workflow, force=True)
		if frappe.db.exists("DocType", name):
			frappe.delete_doc("DocType", name, force=True)
	frappe.db.commit()


def copy_of(doc, doctype: str, **values):
	"""An unsaved record of `doctype` (of `doc`'s shape) holding copies of `doc`'s values and rows."""
	copied = {key: value for key, value in doc.as_dict().items() if key not in STANDARD}
	for df in doc.meta.get_table_fields():
		copied[df.fieldname] = [{k: v for k, v in row.items() if k not in STANDARD} for row in copied[df.fieldname]]
	return frappe.get_doc({**copied, **values, "doctype": doctype})
