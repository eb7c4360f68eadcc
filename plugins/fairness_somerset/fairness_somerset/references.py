"""Case references (Section 5, "Referencing the recording form", SOM-11): directorate code / officer initials
and case number / financial year, e.g. CEO/JH001/0506 for the Chief Executive's Office, Jane Harris, case 1,
2005-06."""

from __future__ import annotations

import re
from datetime import date

from fairness_app.procedure.references import ReferenceCounter, financial_year_label
from fairness_app.procedure.snapshots import CaseSnapshot

QUARTER_MONTHS = ("April to June", "July to September", "October to December", "January to March")


def case_reference(case: CaseSnapshot, counter: ReferenceCounter) -> str | None:
	"""The reference, or None (the app's own numbering) when the directorate or the officer's initials are not
	known: a reference is never made up from guesses."""
	directorate = _code(case.directorate)
	initials = _code(case.case_officer.initials if case.case_officer else None)
	if not directorate or not initials:
		return None
	year = financial_year_label(case.received_on, short=True)
	# One series per directorate, initials and financial year: numbering restarts each April, and two officers
	# with the same initials in one directorate share a series, so no reference is ever given twice.
	number = counter.next(f"{directorate}/{initials}/{year}")
	return f"{directorate}/{initials}{number:03d}/{year}"


def financial_quarter(day: date) -> str:
	"""'Q1 2026-27 (April to June)': the quarter of the financial year (from 1 April) that `day` falls in."""
	index = (day.month - 4) % 12 // 3
	return f"Q{index + 1} {financial_year_label(day)} ({QUARTER_MONTHS[index]})"


def _code(value: str | None) -> str:
	return re.sub(r"[^A-Z0-9]", "", (value or "").upper())
