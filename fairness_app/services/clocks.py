"""A case's clocks as rows on the case: each row shows the deadline and its status for people and the sweep's
indexed query, and keeps the exact clock (rule, pauses, extensions) for the pure core to rebuild."""

import json
from collections.abc import Iterable
from datetime import datetime
from functools import lru_cache

from frappe.utils import get_datetime, getdate

from fairness_app.procedure.calendar import WorkingCalendar
from fairness_app.procedure.clocks import Clock, ClockStatus, clock_from_dict, clock_to_dict
from fairness_app.procedure.snapshots import Deadline

CLOCKS_TABLE = "clocks"
CLOCK_ROW = "Fairness Case Clock"  # the doctype of a clocks table's rows


def write_clocks(doc, clocks: Iterable[Clock], calendar: WorkingCalendar, now: datetime) -> None:
	# The sweep's alerts stand for as long as the deadline they were about (an extension gives a new one).
	sent = {row.rule_key: (alerted_status(row), str(row.due_on)) for row in doc.get(CLOCKS_TABLE) if row.alerted}
	rows = []
	for clock in clocks:
		row = clock_row(clock, calendar, now)
		alerted, due_on = sent.get(clock.key, (None, None))
		if alerted and due_on == str(row["due_on"]):
			row.update(alert_fields(clock, calendar, alerted))
		rows.append(row)
	doc.set(CLOCKS_TABLE, rows)


def read_clocks(doc) -> tuple[Clock, ...]:
	return tuple(stored_clock(row.clock_state) for row in doc.get(CLOCKS_TABLE))


@lru_cache(maxsize=4096)
def stored_clock(clock_state: str) -> Clock:
	"""The clock a row's stored state describes. A save reads each row more than once (the plugins' snapshot, then
	the move), and clocks never change, so each state is parsed once."""
	return clock_from_dict(json.loads(clock_state))


def deadline_of(row) -> Deadline:
	"""A clock row as plugins see it: the clock's own moments from its stored state, and the deadline the row shows
	(worked out on the site's calendar when the clock last changed)."""
	clock = stored_clock(row.clock_state)
	due = get_datetime(row.due_at) if row.due_at else getdate(row.due_on) if row.due_on else None
	return Deadline(
		key=clock.key, started_at=clock.started_at, due=due, met_at=clock.met_at, cancelled_at=clock.cancelled_at
	)


def clock_row(clock: Clock, calendar: WorkingCalendar, now: datetime) -> dict:
	due = clock.due(calendar)
	hours = clock.rule.unit.is_hours
	return {
		"rule_key": clock.key,
		"label": clock.label,
		"requirement": clock.rule.requirement,
		"complainant_text": clock.rule.complainant_text,
		"status": clock.status(calendar, now).value.capitalize(),
		"started_at": clock.started_at,
		# The sweep finds clocks by due_on, so hour clocks carry their day too.
		"due_on": due.date() if hours and due else due,
		"due_at": due if hours else None,
		"met_at": clock.met_at,
		"clock_state": json.dumps(clock_to_dict(clock)),
		**alert_fields(clock, calendar, None),
	}


def alert_fields(clock: Clock, calendar: WorkingCalendar, alerted: ClockStatus | None) -> dict:
	"""The row's record of the sweep's latest alert, and the day the sweep should look at it next."""
	return {
		"alerted": alerted.value.capitalize() if alerted else None,
		"next_alert_on": clock.next_alert_on(calendar, alerted),
	}


def alerted_status(row) -> ClockStatus | None:
	return ClockStatus(row.alerted.lower()) if row.alerted else None
