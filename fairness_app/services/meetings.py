"""A case's meetings and hearings, checked against the site's meeting rules when they change (DER-4, DER-5, FHB-7,
FHB-12)."""

from datetime import datetime

import frappe
from frappe import _
from frappe.utils import get_datetime, getdate

from fairness_app.procedure.calendar import happened_on
from fairness_app.procedure.clocks import Occurrence
from fairness_app.procedure.meetings import MeetingType
from fairness_app.services.case_checks import check_listed_in_case, row_prefix, rows_before
from fairness_app.services.deadlines import long_date
from fairness_app.services.plugin_registry import get_plugins
from fairness_app.services.snapshots import case_snapshot

HELD = "Held"


def check_meetings(doc) -> None:
	if not doc.get("meetings"):
		return
	check_listed_in_case(doc, "meetings", "party")
	before = doc.get_doc_before_save()
	earlier_rows = rows_before(before, "meetings")
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
					evidence_seen=bool(row.postponement_evidence_seen),
				),
			)
			row.postponements = times_before + 1


def meeting_events(doc, before, now: datetime) -> list[tuple[str, datetime, Occurrence]]:
	"""The case events of this save's meetings, each about its meeting and the time it is set for: a meeting first
	recorded with its time was arranged when its invitation was sent, or now ("appeal_hearing_arranged"), and one
	newly recorded as held was held at its time, or now if that is earlier ("appeal_hearing_held")."""
	earlier_rows = rows_before(before, "meetings")
	events = []
	for row in doc.get("meetings") or ():
		kind, earlier = MeetingType(row.meeting_type), earlier_rows.get(row.name)
		if row.scheduled_for and not (earlier and earlier.scheduled_for):
			invited_on = _day(row.invitation_sent_on)
			arranged_at = happened_on(invited_on, now) if invited_on else now
			events.append((kind.arranged_event, arranged_at, meeting_occurrence(row)))
		if row.outcome == HELD and not (earlier and earlier.outcome == HELD):
			events.append((kind.held_event, min(meeting_time(row) or now, now), meeting_occurrence(row)))
	return events


def rescheduled_meetings(doc, before) -> list[Occurrence]:
	"""The meetings this save sets for a new time, such as a hearing put off: deadlines counted back from them move."""
	earlier_times = {name: meeting_time(row) for name, row in rows_before(before, "meetings").items()}
	return [
		meeting_occurrence(row)
		for row in doc.get("meetings") or ()
		if earlier_times.get(row.name) and meeting_time(row) and meeting_time(row) != earlier_times[row.name]
	]


def meeting_occurrence(row) -> Occurrence:
	"""A meeting as the clocks see it: which one it is, in words that name nobody, and when it is."""
	when, kind = meeting_time(row), _(row.meeting_type).lower()
	return Occurrence(row.name, _("{0} on {1}").format(kind, long_date(when)) if when else kind, when)


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
