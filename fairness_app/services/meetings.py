"""A case's meetings and hearings, checked against the site's meeting rules when they change (DER-4, DER-5, FHB-7,
FHB-12)."""

import frappe
from frappe import _
from frappe.utils import get_datetime, getdate

from fairness_app.procedure.meetings import MeetingType
from fairness_app.procedure.snapshots import CaseEvent, StageCategory
from fairness_app.procedure.stages import clocks_after_stage_change
from fairness_app.services import outbox
from fairness_app.services.case_checks import check_listed_in_case, row_prefix
from fairness_app.services.clocks import read_clocks, write_clocks
from fairness_app.services.intake import QUESTIONNAIRE
from fairness_app.services.plugin_registry import get_plugins
from fairness_app.services.snapshots import case_snapshot

HELD = "Held"


def check_meetings(doc) -> None:
	if not doc.get("meetings"):
		return
	check_listed_in_case(doc, "meetings", "party")
	before = doc.get_doc_before_save()
	earlier_rows = {row.name: row for row in (before.get("meetings") if before else ())}
	plugins = rules = None
	for row in doc.meetings:
		earlier = earlier_rows.get(row.name)
		rescheduled = earlier and get_datetime(earlier.scheduled_for) != get_datetime(row.scheduled_for)
		if rescheduled and earlier.invitation_sent_on:
			_refuse(row, _("the invitation has been sent, so to move the meeting fill in Put off to and say why."))
		companion_changed = row.companion_type and (not earlier or earlier.companion_type != row.companion_type)
		moved_to = get_datetime(row.postponed_to) if row.postponed_to else None
		moved_before = get_datetime(earlier.postponed_to) if earlier and earlier.postponed_to else None
		postponed = moved_to is not None and moved_to != moved_before
		invited_on = _day(row.invitation_sent_on)
		invited = invited_on is not None and invited_on != _day(earlier.invitation_sent_on if earlier else None)
		if not (companion_changed or postponed or invited):
			continue
		if rules is None:
			plugins = get_plugins()
			rules = plugins.meeting_rules(case_snapshot(doc, plugins.config.nation)).value
		if companion_changed:
			_refuse(row, rules.companion_refusal(row.companion_type))
		if invited and row.scheduled_for:
			# A postponement only ever gives more notice, so the notice counts to the time first set.
			_refuse(
				row,
				rules.notice_refusal(row.meeting_type, invited_on, get_datetime(row.scheduled_for), plugins.calendar),
			)
		if postponed:
			if not row.postponement_reason:
				_refuse(row, _("say why the meeting was put off."))
			times_before = earlier.postponements if earlier else 0
			_refuse(
				row,
				rules.postponement_refusal(
					set_for=moved_before or get_datetime(row.scheduled_for),
					moved_to=moved_to,
					reason=row.postponement_reason,
					earlier_postponements=times_before,
				),
			)
			row.postponements = times_before + 1


def record_meetings_held(doc) -> None:
	"""A meeting newly recorded as held raises its case event ("appeal_hearing_held") at the time it was held, or
	now if that is later: the event meets and starts the case's clocks as a move does, and the plugins are asked
	who to tell once the case is saved."""
	before = doc.get_doc_before_save()
	held_before = {row.name for row in (before.get("meetings") if before else ()) if row.outcome == HELD}
	held = [row for row in doc.get("meetings") or () if row.outcome == HELD and row.name not in held_before]
	if not held:
		outbox.events_happened(doc, None, [])
		return
	plugins, now = get_plugins(), frappe.utils.now_datetime()
	case = case_snapshot(doc, plugins.config.nation)
	events = sorted(
		(
			CaseEvent(MeetingType(row.meeting_type).held_event, min(meeting_time(row) or now, now), stage=case.stage)
			for row in held
		),
		key=lambda event: event.at,
	)
	category = StageCategory(doc.stage_category or StageCategory.OPEN.value)
	# A closed case's clocks have all stopped, and a questionnaire runs no deadlines (DER-22).
	if category is not StageCategory.CLOSED and QUESTIONNAIRE not in case.flags:
		rules, clocks = plugins.clock_rules(case).value, read_clocks(doc)
		# The meeting happened in the stage the case is in, so a paused stage pauses any clock it starts.
		for event in events:
			clocks = clocks_after_stage_change(clocks, rules, event.name, category, event.at)
		write_clocks(doc, clocks, plugins.calendar, now)
	outbox.events_happened(doc, case, events)


def meeting_time(row):
	"""When a meeting is (or was) held: the time it was put off to, else the time first set."""
	moment = row.postponed_to or row.scheduled_for
	return get_datetime(moment) if moment else None


def _day(value):
	return getdate(value) if value else None


def _refuse(row, message: str | None) -> None:
	"""Refuse with `message` (translated where it was written), naming the row."""
	if message:
		frappe.throw(row_prefix(row) + message, title=_("Meeting not arranged"))
