"""What a save records as having happened besides a move: meetings arranged and held, interview records given and
sent for signature, and fields that mark a step of the procedure (an informal complaint made formal, FHB-4; the day
of a disciplinary hearing, DER-16). Each is a case event: like a move, it meets and starts the case's clocks, and
the plugins are asked who to tell once the case is saved. A meeting put off moves the deadlines counted back from
it (DER-17); a day corrected moves the deadlines it started (DER-14, DER-16); a meeting or record deleted cancels
its own."""

from datetime import datetime

import frappe
from frappe.utils import getdate

from fairness_app.procedure.calendar import happened_on
from fairness_app.procedure.clocks import cancel_occurrences, reschedule, restart
from fairness_app.procedure.snapshots import (
	DISCIPLINARY_HEARING_HELD,
	DISCIPLINARY_LETTER_RECEIVED,
	MADE_FORMAL,
	STATEMENTS_OF_CASE_RECEIVED,
	CaseEvent,
	StageCategory,
)
from fairness_app.procedure.stages import clocks_after_stage_change
from fairness_app.services import evidence, meetings, outbox
from fairness_app.services.case_checks import removed_rows
from fairness_app.services.clocks import read_clocks, write_clocks
from fairness_app.services.intake import QUESTIONNAIRE
from fairness_app.services.plugin_registry import get_plugins
from fairness_app.services.snapshots import case_snapshot, stage_of

# By case doctype: a field changing from one value to another on a saved case raises an event.
FIELD_EVENTS = {"Fairness Complaint": (("formality", "Informal", "Formal", MADE_FORMAL),)}
# By case doctype: a date field first filled in raises an event, on that day.
DATE_EVENTS = {
	"Fairness Complaint": (
		("disciplinary_hearing_on", DISCIPLINARY_HEARING_HELD),
		("disciplinary_letter_received_on", DISCIPLINARY_LETTER_RECEIVED),
		("statements_of_case_received_on", STATEMENTS_OF_CASE_RECEIVED),
	)
}


def record_events(doc) -> None:
	before, now = doc.get_doc_before_save(), frappe.utils.now_datetime()
	happened = sorted(
		[
			*meetings.meeting_events(doc, before, now),
			*((name, at, None) for name, at in _fields_changed(doc, before, now)),
			*evidence.interview_events(doc, before, now),
		],
		key=lambda event: event[1],
	)
	corrected = [*_dates_corrected(doc, before, now), *evidence.interviews_redated(doc, before, now)]
	removed = removed_rows(doc, before, "statements") + removed_rows(doc, before, "meetings")
	rescheduled = meetings.rescheduled_meetings(doc, before)
	if not (happened or corrected or removed or rescheduled):
		return
	plugins = get_plugins()
	case = case_snapshot(doc, plugins.config.nation)
	category = StageCategory(doc.stage_category or StageCategory.OPEN.value)
	# A closed case's clocks have all stopped, and a questionnaire runs no deadlines (DER-22).
	if category is not StageCategory.CLOSED and QUESTIONNAIRE not in case.flags:
		clocks = reschedule(cancel_occurrences(read_clocks(doc), removed, now), rescheduled)
		for name, at, occurrence in corrected:
			clocks = restart(clocks, name, at, occurrence)
		rules = plugins.clock_rules(case).value
		# It happened in the stage the case is in, so a paused stage pauses any clock it starts.
		for name, at, occurrence in happened:
			clocks = clocks_after_stage_change(clocks, rules, name, category, at, occurrence=occurrence)
		write_clocks(doc, clocks, plugins.calendar, now)
	# It happened in the stage the case was in, even when this save also moves it on.
	stage = (stage_of(before)["stage"] if before else None) or case.stage
	outbox.happened(doc, case, [CaseEvent(name, at, stage=stage) for name, at, _occurrence in happened])


def _dates_corrected(doc, before, now: datetime) -> list[tuple[str, datetime, None]]:
	"""The event dates this save changes from one day to another: the deadlines they started run from the new day."""
	return [
		(event, happened_on(getdate(doc.get(field)), now), None)
		for field, event in DATE_EVENTS.get(doc.doctype, ())
		if before and before.get(field) and doc.get(field) and getdate(before.get(field)) != getdate(doc.get(field))
	]


def _fields_changed(doc, before, now: datetime) -> list[tuple[str, datetime]]:
	dated = [
		(event, happened_on(getdate(doc.get(field)), now))
		for field, event in DATE_EVENTS.get(doc.doctype, ())
		if doc.get(field) and not (before and before.get(field))
	]
	if before is None:
		return dated  # a new case's other fields are what intake records it with
	return dated + [
		(event, now)
		for field, was, becomes, event in FIELD_EVENTS.get(doc.doctype, ())
		if before.get(field) == was and doc.get(field) == becomes
	]
