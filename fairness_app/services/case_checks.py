"""Checks every kind of case makes on what a user typed: real dates in a possible order, and each person in one
part only. Each error names the field as the form labels it and says what to do."""

import frappe
from frappe import _

SUBJECT = "Subject"


def date_value(doc, fieldname: str):
	"""The field as a date (the date part of a datetime), or a plain error when it is not a real date."""
	value = doc.get(fieldname)
	if not value:
		return None
	try:
		day = frappe.utils.getdate(value)
	except (ValueError, TypeError, frappe.ValidationError):
		frappe.clear_last_message()
		frappe.throw(
			_("{0}{1}: {2} is not a real date. Enter it as day, month and year.").format(
				row_prefix(doc), _label(doc, fieldname), frappe.bold(str(value))
			),
			title=_("Date not recognised"),
		)
	if isinstance(value, str) and doc.meta.get_field(fieldname).fieldtype == "Date":
		doc.set(fieldname, day)  # parsed once: the checks and intake after this read the date itself
	return day


def check_not_in_future(doc, fieldname: str, hint: str) -> None:
	when = date_value(doc, fieldname)
	if when and when > frappe.utils.getdate():
		frappe.throw(
			_("{0}{1} ({2}) is in the future. {3}").format(row_prefix(doc), _label(doc, fieldname), _format(when), hint),
			title=_("Date in the future"),
		)


def check_not_before(doc, fieldnames, earliest_field: str) -> None:
	"""Each of `fieldnames` is a step that cannot come before the date in `earliest_field`."""
	earliest = date_value(doc, earliest_field)
	if not earliest:
		return
	for fieldname in fieldnames:
		later = date_value(doc, fieldname)
		if later and later < earliest:
			frappe.throw(
				_("{0}{1} ({2}) is before {3} ({4}). Check the dates.").format(
					row_prefix(doc),
					_label(doc, fieldname),
					_format(later),
					_label(doc, earliest_field).lower(),
					_format(earliest),
				),
				title=_("Dates in the wrong order"),
			)


def check_party_roles(doc) -> None:
	"""A person appears once per part, and the subject of a case plays no other part in it."""
	roles_by_party = {}
	for row in doc.parties:
		roles = roles_by_party.setdefault(row.party, set())
		if row.role in roles:
			frappe.throw(
				_("Row {0}: this person is already listed as {1}. Remove one of the rows.").format(
					row.idx, _(row.role).lower()
				),
				title=_("Person listed twice"),
			)
		roles.add(row.role)
		if SUBJECT in roles and len(roles) > 1:
			other = sorted(roles - {SUBJECT})[0]
			frappe.throw(
				_("Row {0}: the same person cannot be both the subject and {1}. Check who is who.").format(
					row.idx, _(other).lower()
				),
				title=_("One person in two roles"),
			)


def check_listed_in_case(doc, table: str, fieldname: str) -> None:
	"""Each row's person in `table` is one of the people listed in the case."""
	listed = {row.party for row in doc.parties}
	for row in doc.get(table):
		if row.get(fieldname) and row.get(fieldname) not in listed:
			frappe.throw(
				_("{0}{1} must be one of the people in this case. Add them under People first.").format(
					row_prefix(row), _label(row, fieldname)
				),
				title=_("Person not in this case"),
			)


def check_private_files(doc, table: str, fieldname: str) -> None:
	"""A file in one of the case's tables is an upload to the case, which is always private."""
	for row in doc.get(table):
		if row.get(fieldname) and not row.get(fieldname).startswith("/private/files/"):
			frappe.throw(
				_("{0}{1}: files on a case are always private. Upload the file again and tick Private.").format(
					row_prefix(row), _label(row, fieldname)
				),
				title=_("File must be private"),
			)


def rows_before(before, table: str) -> dict:
	"""The rows `table` held before this save, by row name (none for a new case)."""
	return {row.name: row for row in (before.get(table) or ())} if before else {}


def removed_rows(doc, before, table: str) -> list[str]:
	"""The names of the rows of `table` this save deletes (entered in error, say)."""
	kept = {row.name for row in doc.get(table) or ()}
	return [name for name in rows_before(before, table) if name not in kept]


def row_prefix(doc) -> str:
	"""How a message names a row of one of the case's tables ("Meetings, row 2: "); nothing for the case."""
	if not doc.get("parentfield"):
		return ""
	table = frappe.get_meta(doc.parenttype).get_label(doc.parentfield)
	return _("{0}, row {1}: ").format(_(table), doc.idx)


def _label(doc, fieldname: str) -> str:
	return _(doc.meta.get_label(fieldname))


def _format(day) -> str:
	return frappe.format(day, "Date")
