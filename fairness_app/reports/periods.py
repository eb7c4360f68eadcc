"""The periods a council reports in. The financial year runs 1 April to 31 March (DER-25); departments make
quarterly returns (SOM-20) and the review group meets every six months (SOM-17), so both split that year.

Pure on purpose: monitoring maths must run without Frappe. Case references are numbered in the same financial
year (procedure/references.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from fairness_app.procedure.calendar import as_date
from fairness_app.procedure.references import financial_year_label

FIRST_MONTH = 4  # April
QUARTERS = {1: "April to June", 2: "July to September", 3: "October to December", 4: "January to March"}
HALVES = {1: "April to September", 2: "October to March"}

_FINANCIAL_YEAR = re.compile(r"([0-9]{4})-([0-9]{2})")


@dataclass(frozen=True)
class ReportingPeriod:
	"""Where a day falls: its financial year ("2026-27"), quarter (1 = April to June) and half (1 = April to
	September). Build one with `period_of` rather than by hand."""

	financial_year: str
	quarter: int
	half: int

	def __post_init__(self):
		_first_year(self.financial_year)
		_check_quarter(self.quarter)
		if self.half != _half_of_quarter(self.quarter):
			raise ValueError(
				f"Quarter {self.quarter} falls in half {_half_of_quarter(self.quarter)}, not half {self.half!r}."
			)

	@property
	def quarter_label(self) -> str:
		"""'Q1 2026-27'."""
		return f"Q{self.quarter} {self.financial_year}"

	@property
	def half_label(self) -> str:
		"""'April to September 2026' or 'October 2026 to March 2027'."""
		first_year = _first_year(self.financial_year)
		if self.half == 1:
			return f"April to September {first_year}"
		return f"October {first_year} to March {first_year + 1}"


def period_of(day: date | datetime) -> ReportingPeriod:
	"""The financial year, quarter and half that `day` (or a datetime's day) falls in."""
	day = as_date(day)
	months_into_year = (day.month - FIRST_MONTH) % 12
	quarter = months_into_year // 3 + 1
	return ReportingPeriod(financial_year_of(day), quarter, _half_of_quarter(quarter))


def financial_year_of(day: date | datetime) -> str:
	"""'2026-27' for any day from 1 April 2026 to 31 March 2027; '1999-00' for the year that began in 1999."""
	return financial_year_label(as_date(day))


def financial_year_bounds(label: str) -> tuple[date, date]:
	"""The first and last day of a financial year given as '2026-27': 1 April 2026 and 31 March 2027."""
	first_year = _first_year(label)
	return date(first_year, FIRST_MONTH, 1), date(first_year + 1, FIRST_MONTH, 1) - timedelta(days=1)


def quarter_bounds(label: str, quarter: int) -> tuple[date, date]:
	"""The first and last day of a quarter of a financial year: ('2026-27', 4) is 1 January to 31 March 2027."""
	_check_quarter(quarter)
	return _months_bounds(_first_year(label), first_month=3 * (quarter - 1), months=3)


def half_bounds(label: str, half: int) -> tuple[date, date]:
	"""The first and last day of a half of a financial year: ('2026-27', 2) is 1 October 2026 to 31 March 2027."""
	if not _is_one_of(half, HALVES):
		raise ValueError(f"There is no half {half!r}: use 1 (April to September) or 2 (October to March).")
	return _months_bounds(_first_year(label), first_month=6 * (half - 1), months=6)


def _months_bounds(first_year: int, first_month: int, months: int) -> tuple[date, date]:
	"""First and last day of `months` months starting `first_month` months after the year's 1 April."""
	return _month_start(first_year, first_month), _month_start(first_year, first_month + months) - timedelta(days=1)


def _month_start(first_year: int, months_after_april: int) -> date:
	months_after_january = FIRST_MONTH - 1 + months_after_april
	return date(first_year + months_after_january // 12, months_after_january % 12 + 1, 1)


def _first_year(label: str) -> int:
	"""The calendar year a financial year label begins in, or a ValueError that says how to write the label."""
	match = _FINANCIAL_YEAR.fullmatch(label) if isinstance(label, str) else None
	if match is None:
		raise ValueError(
			f"{label!r} is not a financial year: write the year it starts in and the last two digits of the next, "
			"like '2026-27'."
		)
	first_year = int(match.group(1))
	expected = f"{first_year}-{(first_year + 1) % 100:02d}"
	if label != expected:
		raise ValueError(f"{label!r} is not a financial year: the year starting in {first_year} is {expected!r}.")
	return first_year


def _check_quarter(quarter: int) -> None:
	if not _is_one_of(quarter, QUARTERS):
		choices = ", ".join(f"{number} ({months})" for number, months in QUARTERS.items())
		raise ValueError(f"There is no quarter {quarter!r}: use {choices}.")


def _is_one_of(number: int, numbered: dict[int, str]) -> bool:
	"""True for a whole number that is a key of `numbered`; 1.0, True and "1" are not accepted as 1."""
	return isinstance(number, int) and not isinstance(number, bool) and number in numbered


def _half_of_quarter(quarter: int) -> int:
	return 1 if quarter <= 2 else 2
