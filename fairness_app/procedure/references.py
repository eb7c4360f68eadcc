"""Case references and the financial year they are numbered in (1 April to 31 March)."""

from __future__ import annotations

import threading
from collections import defaultdict
from datetime import date
from typing import Protocol


class ReferenceCounter(Protocol):
	"""Hands out the next number in a series. The app's counter is a database sequence, so two cases recorded at
	the same moment never share a number (SOM-11: unique, never double-counted)."""

	def next(self, series: str) -> int: ...


class MemoryCounter:
	"""A ReferenceCounter in memory, for tests and for plugin authors' own tests."""

	def __init__(self):
		self._lock = threading.Lock()
		self._last: dict[str, int] = defaultdict(int)

	def next(self, series: str) -> int:
		with self._lock:
			self._last[series] += 1
			return self._last[series]


def financial_year_start(day: date) -> int:
	"""The calendar year in which the financial year containing `day` began."""
	return day.year if day.month >= 4 else day.year - 1


def financial_year_label(day: date, short: bool = False) -> str:
	"""'2005-06' (or '0506' when short) for any day from 1 April 2005 to 31 March 2006."""
	start = financial_year_start(day)
	end = (start + 1) % 100
	return f"{start % 100:02d}{end:02d}" if short else f"{start}-{end:02d}"
