"""What a case gathers: interview records and statements (DER-14, FHB-10, CUM-4) and evidence files, each from one
of the people in the case and each file private to the case team."""

import frappe
from frappe import _

from fairness_app.services.case_checks import (
	check_listed_in_case,
	check_not_before,
	check_not_in_future,
	check_private_files,
	row_prefix,
)


def check_statements(doc) -> None:
	for row in _checked_rows(doc, "statements", "party", "document"):
		check_not_in_future(row, "taken_on", _("Enter the day it was given."))
		check_not_in_future(row, "signed_on", _("Enter the day it was signed."))
		check_not_before(row, ("sent_for_signature_on", "signed_on"), "taken_on")
		check_not_before(row, ("signed_on",), "sent_for_signature_on")
		if row.signed_on and row.marked_unsigned:
			frappe.throw(
				row_prefix(row)
				+ _("a record cannot be both signed and marked unsigned. Clear one of them."),
				title=_("Signed or unsigned"),
			)
		if row.marked_unsigned and not row.sent_for_signature_on:
			frappe.throw(
				row_prefix(row)
				+ _(
					"a record is marked unsigned only when it was sent for signature and not returned. "
					"Enter the day it was sent."
				),
				title=_("Not yet sent for signature"),
			)


def check_evidence(doc) -> None:
	for row in _checked_rows(doc, "evidence", "provided_by", "file"):
		check_not_in_future(row, "received_on", _("Enter the day it was received."))


def _checked_rows(doc, table: str, person_field: str, file_field: str):
	"""The rows of `table`, once each is known to name one of the people in the case and hold a private file."""
	rows = doc.get(table) or ()
	if rows:
		check_listed_in_case(doc, table, person_field)
		check_private_files(doc, table, file_field)
	return rows
