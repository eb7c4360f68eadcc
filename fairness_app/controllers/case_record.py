"""What every kind of case (complaint, incident) does when it is recorded and saved, so each doctype's controller
only says what is its own: its dates and its checks."""

import frappe
from frappe.model.document import Document
from frappe.utils import cstr

from fairness_app.services import (
	action_plan,
	approval_inbox,
	case_checks,
	case_events,
	case_parties,
	case_team,
	deadlines,
	evidence,
	intake,
	meetings,
	monitoring,
	outbox,
	retention,
	transitions,
)

# Set on every row by every save, so they say nothing about whether the row changed.
SAVE_STAMPS = ("modified", "modified_by")


def same_rows(rows: list, rows_before: list) -> bool:
	return len(rows) == len(rows_before) and all(
		not row.is_new() and row_values(row) == row_values(row_before) for row, row_before in zip(rows, rows_before)
	)


def row_values(row) -> dict:
	values = row.get_valid_dict(convert_dates_to_str=True)
	for stamp in SAVE_STAMPS:
		values.pop(stamp, None)
	return values


class CaseRecord(Document):
	def validate_dates(self):
		raise NotImplementedError

	# A move (Frappe's apply_workflow) reads the case and saves it at once, and the save reads the whole case a
	# second time to compare with: one query per child table. The case keeps a copy of what it read instead, and the
	# save compares with that copy once it has locked the row and seen that nobody has saved the case since.
	def load_from_db(self):
		super().load_from_db()
		self._as_read = self.as_dict()
		return self

	def load_doc_before_save(self, *, raise_exception: bool = False):
		as_read = self.__dict__.pop("_as_read", None)  # a second save in the same request reads afresh
		if as_read is None or self.is_new():
			return super().load_doc_before_save(raise_exception=raise_exception)
		saved = frappe.db.get_value(self.doctype, self.name, "modified", for_update=True)
		if cstr(saved) != cstr(as_read["modified"]):
			return super().load_doc_before_save(raise_exception=raise_exception)
		self._doc_before_save = frappe.get_doc(as_read)

	def update_child_table(self, fieldname: str, df=None):
		"""Frappe rewrites every row of every table on each save; a case has ten tables and a save changes one or
		two. A table whose rows are those it had before, value for value, is left as it is."""
		before = self.get_doc_before_save()
		if before is None or not same_rows(self.get(fieldname), before.get(fieldname)):
			super().update_child_table(fieldname, df)

	def before_intake(self):
		"""Anything the plugins should know that the case works out itself (say, earlier incidents)."""

	def onload(self):
		self.set_onload("next_steps", deadlines.next_steps(self))

	def before_insert(self):
		case_parties.fill_party_details(self)
		self.validate_dates()  # intake reads the dates, so they must be real first
		self.before_intake()
		intake.record_case(self)

	def before_validate(self):
		if not self.is_new():  # a new case was filled in before_insert, for intake
			case_parties.fill_party_details(self)

	def validate(self):
		outbox.start_announcements(self)
		self.validate_dates()
		case_checks.check_party_roles(self)
		case_team.check_team_change(self)
		meetings.check_meetings(self)
		evidence.check_statements(self)
		evidence.check_evidence(self)
		case_events.record_events(self)  # meetings, interviews and fields, before any move this save makes
		action_plan.check_actions(self)
		transitions.apply_stage_change(self)  # a move is checked against the case as saved
		retention.decide_retention(self)  # after the move: closing the case starts its retention

	def after_insert(self):
		outbox.case_received(self)

	def on_update(self):
		case_team.record_team_change(self)
		approval_inbox.keep_inbox(self)  # before Frappe's own hook, which then has nothing to do
		outbox.announce_what_happened(self)
		monitoring.queue_refresh(self.doctype, self.name)
		self.flags.case_snapshot = None  # the next save describes the case afresh
