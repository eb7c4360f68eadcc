"""Statutory and policy clocks as data: what starts them, how long they run, what stops them, pauses and
extensions (DER-3, DER-13), and whether a clock is running, due, met or missed at a given moment.

A `ClockRule` is what a policy says ("acknowledge within 2 working days of receiving the form"). A `Clock` is one
rule running on one case. Both are immutable: every change returns a new Clock, so the app can store each state and
the plugins can never change a clock behind its back.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import Enum

from fairness_app.procedure.calendar import (
	WorkingCalendar,
	add_calendar_days,
	add_hours,
	add_months,
	add_weeks,
	as_date,
)


class ClockUnit(str, Enum):
	WORKING_DAYS = "working days"
	CALENDAR_DAYS = "calendar days"
	WEEKS = "weeks"
	MONTHS = "months"
	HOURS = "hours"

	@property
	def is_hours(self) -> bool:
		return self is ClockUnit.HOURS

	def add(self, start: datetime, length: int, calendar: WorkingCalendar) -> date | datetime:
		"""The deadline `length` units after `start`: a day for day-based units, a moment for hours."""
		if self is ClockUnit.WORKING_DAYS:
			return calendar.add_working_days(start, length)
		if self is ClockUnit.CALENDAR_DAYS:
			return add_calendar_days(start, length)
		if self is ClockUnit.WEEKS:
			return add_weeks(start, length)
		if self is ClockUnit.MONTHS:
			return add_months(start, length)
		return add_hours(start, length)


class ClockStatus(str, Enum):
	RUNNING = "running"  # started, deadline not yet reached
	DUE = "due"  # today is the deadline day (hour clocks: the deadline is later today)
	PAUSED = "paused"  # waiting on a party; the deadline moves on by the time spent paused
	MET = "met"  # stopped on or before the deadline
	MISSED = "missed"  # the deadline passed before the clock stopped (including met late)
	CLOSED = "closed"  # a party's time to act, such as to appeal, ended unused: nobody missed anything
	CANCELLED = "cancelled"  # no longer applies, e.g. the complaint was withdrawn


_ALERTS = (ClockStatus.DUE, ClockStatus.MISSED, ClockStatus.CLOSED)
_LAST_ALERTS = (ClockStatus.MISSED, ClockStatus.CLOSED)  # nothing is raised after these


@dataclass(frozen=True)
class ClockRule:
	"""A deadline a policy sets, as data a council plugin returns from `fairness_clock_rules`."""

	key: str  # stable identifier, e.g. "acknowledgement"
	label: str  # plain English for staff, e.g. "Acknowledge the complaint in writing"
	length: int
	unit: ClockUnit
	starts_on: str  # the case event that starts it, e.g. "received"
	stops_on: tuple[str, ...]  # the case events that meet it, e.g. ("acknowledged",)
	requirement: str = ""  # the policy clause, e.g. "DER-9"
	complainant_text: str = ""  # what happens next, for the complainant: "We will write to you"
	# False for a date fixed in the calendar, such as a review six months on, which no waiting or paused stage
	# puts back.
	pausable: bool = True
	# True for the time a party has to act, such as to appeal, rather than a deadline the council must meet: it
	# closes when it ends unused, is never missed, does not count in the council's timeliness, and no stage pauses it.
	party_window: bool = False
	# True to run a clock for each thing its starting event is about, such as each interview record (DER-14): an
	# event about one of them meets only that one's clock.
	repeats: bool = False
	# True for a deadline `length` units before the time of what its starting event is about, such as statements
	# of case 7 days before the appeal hearing (DER-17): it moves when the hearing moves, and no stage pauses it.
	counts_back: bool = False

	def __post_init__(self):
		object.__setattr__(self, "unit", ClockUnit(self.unit))
		object.__setattr__(self, "stops_on", tuple(self.stops_on))
		if not self.key or not self.key.replace("_", "").isalnum():
			raise ValueError(f"A clock rule key must be letters, digits and underscores, not {self.key!r}.")
		if self.length <= 0:
			raise ValueError(f"Clock rule {self.key!r} must run for at least one {self.unit.value[:-1]}.")
		if not self.starts_on or not self.stops_on:
			raise ValueError(f"Clock rule {self.key!r} needs the event that starts it and at least one that stops it.")

	def start(self, at: datetime, occurrence: Occurrence | None = None) -> Clock | None:
		"""The clock this rule starts at `at`; None for a rule that counts back from a time the event does not give."""
		if self.counts_back and (occurrence is None or occurrence.on is None):
			return None
		return Clock(rule=self, started_at=at, occurrence=occurrence if self.repeats or self.counts_back else None)


@dataclass(frozen=True)
class Occurrence:
	"""One of several like things in a case that a case event is about, such as one interview record."""

	key: str  # tells it apart within the case, e.g. the record's row name
	about: str = ""  # tells staff which one it is without naming anyone, e.g. "interview on 3 March 2026"
	on: datetime | None = None  # the time it is set for, such as a hearing's: what a rule that counts back counts from

	def __post_init__(self):
		if not self.key or not self.key.replace("_", "").replace("-", "").isalnum():
			raise ValueError(f"An occurrence key must be letters, digits, hyphens and underscores, not {self.key!r}.")


@dataclass(frozen=True)
class Pause:
	start: datetime
	end: datetime | None = None
	reason: str = ""


@dataclass(frozen=True)
class Extension:
	"""A new deadline with its reason and who agreed it (DER-3: the employee is told why and the new timescale)."""

	new_due: date | datetime
	reason: str
	granted_by: str
	granted_at: datetime

	def __post_init__(self):
		if not self.reason.strip():
			raise ValueError("Say why the deadline is being extended: the people waiting will be told the reason.")
		if not self.granted_by:
			raise ValueError("Record who agreed to extend the deadline.")


@dataclass(frozen=True)
class Clock:
	rule: ClockRule
	started_at: datetime
	pauses: tuple[Pause, ...] = ()
	extensions: tuple[Extension, ...] = ()
	met_at: datetime | None = None
	cancelled_at: datetime | None = None
	occurrence: Occurrence | None = None  # which one it runs for, when its rule repeats

	@property
	def key(self) -> str:
		return f"{self.rule.key}:{self.occurrence.key}" if self.occurrence and self.rule.repeats else self.rule.key

	@property
	def label(self) -> str:
		about = self.occurrence.about if self.occurrence else ""
		return f"{self.rule.label} ({about})" if about else self.rule.label

	@property
	def is_paused(self) -> bool:
		return bool(self.pauses) and self.pauses[-1].end is None

	@property
	def is_stopped(self) -> bool:
		return self.met_at is not None or self.cancelled_at is not None

	def due(self, calendar: WorkingCalendar) -> date | datetime | None:
		"""The deadline: a day (or a moment, for hour clocks); None while paused, as it is not yet known."""
		if self.is_paused:
			return None
		if self.extensions:
			latest = self.extensions[-1]
			due, counted_from = latest.new_due, latest.granted_at
		elif self.rule.counts_back:
			due, counted_from = self.rule.unit.add(self.occurrence.on, -self.rule.length, calendar), self.started_at
		else:
			due, counted_from = self.rule.unit.add(self.started_at, self.rule.length, calendar), self.started_at
		# Pauses before an extension are already reflected in the date that was agreed.
		for pause in self.pauses:
			if pause.start >= counted_from:
				due = self._shift(due, pause, calendar)
		return due

	def _shift(self, due: date | datetime, pause: Pause, calendar: WorkingCalendar) -> date | datetime:
		unit = self.rule.unit
		if unit.is_hours:
			return due + (pause.end - pause.start)
		if unit is ClockUnit.WORKING_DAYS:
			return calendar.add_working_days(due, calendar.working_days_between(pause.start, pause.end))
		return due + timedelta(days=(as_date(pause.end) - as_date(pause.start)).days)

	def _on_time(self, moment: datetime, due: date | datetime) -> bool:
		return moment <= due if self.rule.unit.is_hours else as_date(moment) <= due

	def status(self, calendar: WorkingCalendar, at: datetime) -> ClockStatus:
		passed = ClockStatus.CLOSED if self.rule.party_window else ClockStatus.MISSED
		if self.met_at is not None and self.met_at <= at:
			return ClockStatus.MET if self._on_time(self.met_at, self.due(calendar)) else passed
		if self.cancelled_at is not None and self.cancelled_at <= at:
			# Cancelling after the deadline passed (say, a late withdrawal) does not undo the miss.
			return ClockStatus.CANCELLED if self._on_time(self.cancelled_at, self.due(calendar)) else passed
		if self.is_paused:
			return ClockStatus.PAUSED
		due = self.due(calendar)
		if not self._on_time(at, due):
			return passed
		return ClockStatus.DUE if as_date(at) == as_date(due) else ClockStatus.RUNNING

	# Changes: each returns a new Clock.

	def pause(self, at: datetime, reason: str = "") -> Clock:
		if self.is_stopped:
			raise ValueError(f"The {self.rule.label!r} clock has stopped and cannot be paused.")
		if self.is_paused:
			return self
		return dataclasses.replace(self, pauses=(*self.pauses, Pause(start=at, reason=reason)))

	def resume(self, at: datetime) -> Clock:
		if not self.is_paused:
			return self
		last = self.pauses[-1]
		if at < last.start:
			raise ValueError("A clock cannot resume before it was paused.")
		return dataclasses.replace(self, pauses=(*self.pauses[:-1], dataclasses.replace(last, end=at)))

	def extend(
		self, new_due: date | datetime, reason: str, granted_by: str, at: datetime, calendar: WorkingCalendar
	) -> Clock:
		if self.is_stopped:
			raise ValueError(
				f"The {self.rule.label!r} deadline has already been met or cancelled, so it cannot be extended."
			)
		if self.rule.unit.is_hours != isinstance(new_due, datetime):
			kind = "a date and time" if self.rule.unit.is_hours else "a date"
			raise ValueError(f"The {self.rule.label!r} clock needs {kind} as its new deadline.")
		current = self.due(calendar)
		if current is not None and new_due <= current:
			raise ValueError(
				f"The new deadline must be later than the current one ({_format(current)}) "
				f"for {self.rule.label!r}."
			)
		extension = Extension(new_due=new_due, reason=reason, granted_by=granted_by, granted_at=at)
		return dataclasses.replace(self, extensions=(*self.extensions, extension))

	def meet(self, at: datetime) -> Clock:
		"""Stop the clock as met (a paused clock resumes at that moment, so its deadline is known)."""
		return self if self.is_stopped else dataclasses.replace(self.resume(at), met_at=at)

	def cancel(self, at: datetime) -> Clock:
		return self if self.is_stopped else dataclasses.replace(self.resume(at), cancelled_at=at)

	# The sweep: each clock raises "due" on its deadline day and "missed" once the deadline has passed, each once
	# for each deadline it has (an extension gives it a new one).

	def alert(self, calendar: WorkingCalendar, at: datetime, alerted: ClockStatus | None = None) -> ClockAlert | None:
		"""The alert the sweep should raise at `at`, given the one already raised for the current deadline. A stopped
		or paused clock raises none, and a sweep that ran late raises "missed" (or "closed") without "due"."""
		if self.is_stopped or self.is_paused or alerted in _LAST_ALERTS:
			return None
		status = self.status(calendar, at)
		if status not in _ALERTS or status is alerted:
			return None
		return ClockAlert(clock=self, status=status, due=self.due(calendar), at=at)

	def next_alert_on(self, calendar: WorkingCalendar, alerted: ClockStatus | None = None) -> date | None:
		"""The first day the sweep may have an alert to raise: the deadline day, then the day after it (the same day
		for hour clocks, which are missed within it); None once nothing is left to raise or while paused."""
		if self.is_stopped or self.is_paused or alerted in _LAST_ALERTS:
			return None
		due_day = as_date(self.due(calendar))
		if alerted is ClockStatus.DUE and not self.rule.unit.is_hours:
			return due_day + timedelta(days=1)
		return due_day


@dataclass(frozen=True)
class ClockAlert:
	"""A clock that has fallen due or been missed, as the escalation hook sees it."""

	clock: Clock
	status: ClockStatus
	due: date | datetime
	at: datetime


def apply_event(
	clocks: Iterable[Clock],
	rules: Iterable[ClockRule],
	event: str,
	at: datetime,
	occurrence: Occurrence | None = None,
) -> tuple[Clock, ...]:
	"""The clocks after a case event: running clocks that the event stops are met, and rules that the event
	starts begin a clock unless one with the same key already exists (a repeated event never restarts a clock).
	An event about an `occurrence` stops only that occurrence's clock of a repeating rule, and starts one for it."""
	updated = [clock.meet(at) if _stopped_by(clock, event, occurrence) else clock for clock in clocks]
	existing = {clock.key for clock in updated}
	for rule in rules:
		if rule.starts_on == event and (clock := rule.start(at, occurrence)) and clock.key not in existing:
			updated.append(clock)
	return tuple(updated)


def _stopped_by(clock: Clock, event: str, occurrence: Occurrence | None) -> bool:
	if event not in clock.rule.stops_on:
		return False
	return clock.occurrence is None or occurrence is None or clock.occurrence.key == occurrence.key


def reschedule(clocks: Iterable[Clock], occurrences: Iterable[Occurrence]) -> tuple[Clock, ...]:
	"""The clocks once these occurrences are set for a new time (a hearing put off, say): a running clock that
	counts back from one of them counts back from its new time."""
	moved = {occurrence.key: occurrence for occurrence in occurrences}

	def anchored(clock: Clock) -> Clock:
		if not clock.rule.counts_back or clock.is_stopped or clock.occurrence.key not in moved:
			return clock
		return dataclasses.replace(clock, occurrence=moved[clock.occurrence.key])

	return tuple(anchored(clock) for clock in clocks)


def restart(
	clocks: Iterable[Clock], event: str, at: datetime, occurrence: Occurrence | None = None
) -> tuple[Clock, ...]:
	"""The clocks once what `event` marks turns out to have happened at `at` instead (the day of an interview or a
	hearing corrected, say): a running clock that `event` started, for the same occurrence or for none, runs from
	`at`. A deadline already met or cancelled stays as it was."""

	def restarted(clock: Clock) -> Clock:
		started_for = clock.occurrence.key if clock.occurrence else None
		if clock.is_stopped or clock.rule.starts_on != event or started_for != (occurrence and occurrence.key):
			return clock
		return dataclasses.replace(clock, started_at=at, occurrence=occurrence if clock.occurrence else None)

	return tuple(restarted(clock) for clock in clocks)


def cancel_occurrences(clocks: Iterable[Clock], keys: Iterable[str], at: datetime) -> tuple[Clock, ...]:
	"""The clocks once the occurrences with these keys are gone from the case (an interview record deleted as
	entered in error, say): theirs are cancelled, and a deadline they had already missed stays missed."""
	gone = set(keys)
	return tuple(clock.cancel(at) if clock.occurrence and clock.occurrence.key in gone else clock for clock in clocks)


def _format(moment: date | datetime) -> str:
	return moment.strftime("%-d %B %Y %H:%M" if isinstance(moment, datetime) else "%-d %B %Y")


def clock_to_dict(clock: Clock) -> dict:
	"""A JSON-ready record of a clock, so the app can store it on the case and rebuild it exactly later."""

	def moment(value):
		return value.isoformat() if value is not None else None

	rule = dataclasses.asdict(clock.rule)
	rule["unit"] = clock.rule.unit.value
	return {
		"rule": rule,
		"started_at": moment(clock.started_at),
		"pauses": [{"start": moment(p.start), "end": moment(p.end), "reason": p.reason} for p in clock.pauses],
		"extensions": [
			{
				"new_due": moment(e.new_due),
				"reason": e.reason,
				"granted_by": e.granted_by,
				"granted_at": moment(e.granted_at),
			}
			for e in clock.extensions
		],
		"met_at": moment(clock.met_at),
		"cancelled_at": moment(clock.cancelled_at),
		"occurrence": _occurrence_to_dict(clock.occurrence),
	}


def clock_from_dict(data: dict) -> Clock:
	def moment(value):
		return datetime.fromisoformat(value) if value else None

	def deadline(value: str) -> date | datetime:
		return datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)

	rule = ClockRule(**{**data["rule"], "stops_on": tuple(data["rule"]["stops_on"])})
	return Clock(
		rule=rule,
		started_at=moment(data["started_at"]),
		pauses=tuple(Pause(moment(p["start"]), moment(p["end"]), p["reason"]) for p in data["pauses"]),
		extensions=tuple(
			Extension(deadline(e["new_due"]), e["reason"], e["granted_by"], moment(e["granted_at"]))
			for e in data["extensions"]
		),
		met_at=moment(data["met_at"]),
		cancelled_at=moment(data["cancelled_at"]),
		occurrence=_occurrence_from_dict(data.get("occurrence")),
	)


def _occurrence_to_dict(occurrence: Occurrence | None) -> dict | None:
	if occurrence is None:
		return None
	on = occurrence.on.isoformat() if occurrence.on else None
	return {"key": occurrence.key, "about": occurrence.about, "on": on}


def _occurrence_from_dict(data: dict | None) -> Occurrence | None:
	if not data:
		return None
	on = data.get("on")
	return Occurrence(data["key"], data.get("about", ""), datetime.fromisoformat(on) if on else None)
