"""Working days on the UK bank-holiday calendar of a council's nation (X-1).

"Within N working days of X" is due on the Nth working day after X: X itself never counts, even when it is a
working day. Calendar-day, week, month and hour clocks ignore the calendar and have their own helpers here, so that
every deadline in the app is computed in exactly one place.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta

import holidays
from dateutil.relativedelta import relativedelta

NATIONS = {
	"ENG": "England",
	"WLS": "Wales",
	"SCT": "Scotland",
	"NIR": "Northern Ireland",
}

_SATURDAY = 5
END_OF_DAY = time(23, 59)


def as_date(value: date | datetime) -> date:
	"""The calendar day of a date or datetime (a datetime is a date subclass, so check it first)."""
	return value.date() if isinstance(value, datetime) else value


def happened_on(day: date, now: datetime) -> datetime:
	"""When something recorded only by its day happened: now, if that day is today, else late on that day, so that
	whatever was done on the day it was due counts as done in time."""
	return now if day >= now.date() else datetime.combine(day, END_OF_DAY)


class WorkingCalendar:
	"""The working days of one council: weekdays that are neither a bank holiday of its nation (substitute days
	included) nor one of the council's own closure days."""

	def __init__(self, nation: str, closures: Iterable[date] = ()):
		if nation not in NATIONS:
			choices = ", ".join(f"{code} ({name})" for code, name in NATIONS.items())
			raise ValueError(f"Unknown nation {nation!r}. Use one of: {choices}.")
		self.nation = nation
		self.closures = frozenset(as_date(day) for day in closures)
		# holidays fills in each year the first time a date in it is looked up.
		self._bank_holidays = holidays.country_holidays("GB", subdiv=nation)

	def __repr__(self) -> str:
		return f"WorkingCalendar({self.nation!r}, closures={len(self.closures)})"

	def non_working_reason(self, day: date | datetime) -> str | None:
		"""Why a day is not a working day ("Saturday", "Good Friday", "Council closure"), or None."""
		day = as_date(day)
		if day.weekday() >= _SATURDAY:
			return day.strftime("%A")
		if day in self._bank_holidays:
			return self._bank_holidays.get(day)
		if day in self.closures:
			return "Council closure"
		return None

	def is_working_day(self, day: date | datetime) -> bool:
		return self.non_working_reason(day) is None

	def add_working_days(self, start: date | datetime, n: int) -> date:
		"""The Nth working day after `start` (before it, for negative N). `start` itself never counts."""
		day = as_date(start)
		step = timedelta(days=1 if n >= 0 else -1)
		remaining = abs(n)
		while remaining:
			day += step
			if self.is_working_day(day):
				remaining -= 1
		return day

	def working_days_between(self, start: date | datetime, end: date | datetime) -> int:
		"""How many working days fall after `start` up to and including `end`; negative when `end` is earlier.

		The inverse of `add_working_days`: working_days_between(x, add_working_days(x, n)) == n.
		"""
		start, end = as_date(start), as_date(end)
		if end < start:
			return -self.working_days_between(end, start)
		return sum(1 for offset in range(1, (end - start).days + 1) if self.is_working_day(start + timedelta(offset)))

	def next_working_day(self, day: date | datetime) -> date:
		"""`day` itself when it is a working day, else the first working day after it."""
		day = as_date(day)
		return day if self.is_working_day(day) else self.add_working_days(day, 1)


def add_calendar_days(start: date | datetime, n: int) -> date:
	""""Within 14 calendar days of X" is due on X + 14, whatever day of the week that is."""
	return as_date(start) + timedelta(days=n)


def add_weeks(start: date | datetime, n: int) -> date:
	""""Within 12 weeks of X" is due on the same weekday 12 weeks later."""
	return as_date(start) + timedelta(weeks=n)


def add_months(start: date | datetime, n: int) -> date:
	""""Within 3 months of X" is due on the same day of the month, or the month's last day when it is shorter."""
	return as_date(start) + relativedelta(months=n)


def add_years(start: date | datetime, n: int) -> date:
	"""Retention periods: "2 years after resolution" ends on the same day two years on (28 February for 29th)."""
	return as_date(start) + relativedelta(years=n)


def add_hours(start: datetime, n: int) -> datetime:
	"""Hour clocks (KEN-4's 24 hours) run through nights, weekends and bank holidays alike."""
	if not isinstance(start, datetime):
		raise TypeError("An hour clock needs the time it started, not just the day.")
	return start + timedelta(hours=n)
