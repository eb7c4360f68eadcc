"""A case's clocks as rows on the case: each row shows the deadline and its status for people and the sweep's
indexed query, and keeps the exact clock (rule, pauses, extensions) for the pure core to rebuild."""

import json
from collections.abc import Iterable
from datetime import datetime

from fairness_app.procedure.calendar import WorkingCalendar
from fairness_app.procedure.clocks import Clock, clock_from_dict, clock_to_dict

CLOCKS_TABLE = "clocks"


def write_clocks(doc, clocks: Iterable[Clock], calendar: WorkingCalendar, now: datetime) -> None:
	doc.set(CLOCKS_TABLE, [clock_row(clock, calendar, now) for clock in clocks])


def read_clocks(doc) -> tuple[Clock, ...]:
	return tuple(clock_from_dict(json.loads(row.clock_state)) for row in doc.get(CLOCKS_TABLE))


def clock_row(clock: Clock, calendar: WorkingCalendar, now: datetime) -> dict:
	due = clock.due(calendar)
	hours = clock.rule.unit.is_hours
	return {
		"rule_key": clock.rule.key,
		"label": clock.rule.label,
		"requirement": clock.rule.requirement,
		"complainant_text": clock.rule.complainant_text,
		"status": clock.status(calendar, now).value.capitalize(),
		"started_at": clock.started_at,
		# The sweep finds clocks by due_on, so hour clocks carry their day too.
		"due_on": due.date() if hours and due else due,
		"due_at": due if hours else None,
		"met_at": clock.met_at,
		"clock_state": json.dumps(clock_to_dict(clock)),
	}
