"""What a case gathers: interview records and statements (DER-14, FHB-10, CUM-4) and evidence files, each from one
of the people in the case and each file private to the case team."""

from datetime import datetime

import frappe
from frappe import _
from frappe.utils import getdate

from fairness_app.procedure.calendar import happened_on
from fairness_app.procedure.clocks import Occurrence
from fairness_app.procedure.snapshots import INTERVIEW_RECORD_SENT, INTERVIEW_RECORD_TAKEN
from fairness_app.services.case_checks import (
	check_listed_in_case,
	check_not_before,
	check_not_in_future,
	check_private_files,
	row_prefix,
	rows_before,
)
from fairness_app.services.deadlines import long_date

INTERVIEW = "Interview record"  # the kind of statement whose written record goes for signature (DER-14)


def check_statements(doc) -> None:
	for row in _checked_rows(doc, "statements", "party", "document"):
		check_not_in_future(row, "taken_on", _("Enter the day it was given."))
		check_not_in_future(row, "sent_for_signature_on", _("Enter the day it was sent."))
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


def interview_events(doc, before, now: datetime) -> list[tuple[str, datetime, Occurrence]]:
	"""The case events of this save's interview records (DER-14), each about its own record so that a clock can run
	for each: a record newly entered was taken on the day it was given, and one newly marked as sent was sent on that
	day."""
	events = []
	for row, was in _interview_records(doc, before):
		record = _record(row)
		if not (was and was.kind == INTERVIEW and was.taken_on):
			events.append((INTERVIEW_RECORD_TAKEN, happened_on(getdate(row.taken_on), now), record))
		if row.sent_for_signature_on and not (was and was.sent_for_signature_on):
			events.append((INTERVIEW_RECORD_SENT, happened_on(getdate(row.sent_for_signature_on), now), record))
	return events


def interviews_redated(doc, before, now: datetime) -> list[tuple[str, datetime, Occurrence]]:
	"""The interview records whose day given this save corrects: the deadline each started runs from the new day."""
	return [
		(INTERVIEW_RECORD_TAKEN, happened_on(getdate(row.taken_on), now), _record(row))
		for row, was in _interview_records(doc, before)
		if was and was.kind == INTERVIEW and was.taken_on and getdate(was.taken_on) != getdate(row.taken_on)
	]


def _interview_records(doc, before):
	"""Each interview record with a day given, with the row as it was before this save (None if it is new)."""
	earlier = rows_before(before, "statements")
	for row in doc.get("statements") or ():
		if row.kind == INTERVIEW and row.taken_on:
			yield row, earlier.get(row.name)


def _record(row) -> Occurrence:
	return Occurrence(row.name, _("interview on {0}").format(long_date(row.taken_on)))


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
