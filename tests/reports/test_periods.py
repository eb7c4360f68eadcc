"""Reporting periods: the financial year runs 1 April to 31 March (DER-25), split into the quarters of the
departments' returns (SOM-20) and the halves of the six-monthly review (SOM-17)."""

import re
from datetime import date, datetime, timedelta

import pytest

from fairness_app.procedure.references import financial_year_label
from fairness_app.reports.periods import (
	ReportingPeriod,
	financial_year_bounds,
	financial_year_of,
	half_bounds,
	period_of,
	quarter_bounds,
)

# (last day of one period, the next day, the period of each)
BOUNDARIES = [
	(date(2027, 3, 31), ReportingPeriod("2026-27", 4, 2), ReportingPeriod("2027-28", 1, 1)),
	(date(2026, 6, 30), ReportingPeriod("2026-27", 1, 1), ReportingPeriod("2026-27", 2, 1)),
	(date(2026, 9, 30), ReportingPeriod("2026-27", 2, 1), ReportingPeriod("2026-27", 3, 2)),
	(date(2026, 12, 31), ReportingPeriod("2026-27", 3, 2), ReportingPeriod("2026-27", 4, 2)),
]


@pytest.mark.req("DER-25", "SOM-20", "SOM-17")
@pytest.mark.parametrize("last_day, before, after", BOUNDARIES)
def test_a_period_ends_on_its_last_day_and_the_next_begins_the_day_after(last_day, before, after):
	assert period_of(last_day) == before
	assert period_of(last_day + timedelta(days=1)) == after


@pytest.mark.req("DER-25")
def test_a_datetime_counts_as_its_day():
	assert period_of(datetime(2027, 3, 31, 23, 59, 59)) == ReportingPeriod("2026-27", 4, 2)
	assert period_of(datetime(2027, 4, 1, 0, 0)) == ReportingPeriod("2027-28", 1, 1)
	assert financial_year_of(datetime(2027, 4, 1, 0, 0)) == "2027-28"


@pytest.mark.req("DER-25")
def test_the_year_that_began_in_1999_is_1999_00():
	assert financial_year_of(date(2000, 3, 31)) == "1999-00"
	assert financial_year_of(date(2000, 4, 1)) == "2000-01"
	assert financial_year_bounds("1999-00") == (date(1999, 4, 1), date(2000, 3, 31))
	assert period_of(date(2000, 1, 15)).half_label == "October 1999 to March 2000"


@pytest.mark.req("DER-25", "SOM-20")
def test_the_last_quarter_ends_on_29_february_in_a_leap_year():
	assert financial_year_bounds("2027-28") == (date(2027, 4, 1), date(2028, 3, 31))
	assert quarter_bounds("2027-28", 4) == (date(2028, 1, 1), date(2028, 3, 31))
	assert period_of(date(2028, 2, 29)) == ReportingPeriod("2027-28", 4, 2)
	assert quarter_bounds("2099-00", 4) == (date(2100, 1, 1), date(2100, 3, 31))


@pytest.mark.req("SOM-20")
@pytest.mark.parametrize(
	"quarter, first, last",
	[
		(1, date(2026, 4, 1), date(2026, 6, 30)),
		(2, date(2026, 7, 1), date(2026, 9, 30)),
		(3, date(2026, 10, 1), date(2026, 12, 31)),
		(4, date(2027, 1, 1), date(2027, 3, 31)),
	],
)
def test_quarters_are_three_months_from_april(quarter, first, last):
	assert quarter_bounds("2026-27", quarter) == (first, last)
	assert period_of(first).quarter == period_of(last).quarter == quarter


@pytest.mark.req("SOM-17")
def test_halves_are_april_to_september_and_october_to_march():
	assert half_bounds("2026-27", 1) == (date(2026, 4, 1), date(2026, 9, 30))
	assert half_bounds("2026-27", 2) == (date(2026, 10, 1), date(2027, 3, 31))


@pytest.mark.req("SOM-17", "SOM-20")
def test_labels_are_plain_english():
	assert period_of(date(2026, 5, 1)).quarter_label == "Q1 2026-27"
	assert period_of(date(2027, 2, 1)).quarter_label == "Q4 2026-27"
	assert period_of(date(2026, 5, 1)).half_label == "April to September 2026"
	assert period_of(date(2027, 2, 1)).half_label == "October 2026 to March 2027"


@pytest.mark.req("DER-25")
def test_every_day_falls_inside_its_periods_and_the_year_its_case_references_use():
	day = date(1999, 1, 1)
	while day < date(2002, 1, 1):
		period = period_of(day)
		assert period.financial_year == financial_year_of(day) == financial_year_label(day)
		for first, last in (
			financial_year_bounds(period.financial_year),
			quarter_bounds(period.financial_year, period.quarter),
			half_bounds(period.financial_year, period.half),
		):
			assert first <= day <= last
		day += timedelta(days=1)


@pytest.mark.parametrize("label", ["2026/27", "2026-28", "2026-2027", "26-27", "2026-7", " 2026-27", "", None, 2026])
def test_a_malformed_financial_year_is_refused_by_name(label):
	with pytest.raises(ValueError, match=f"^{re.escape(repr(label))} is not a financial year"):
		financial_year_bounds(label)


def test_a_year_that_does_not_follow_on_says_what_it_should_be():
	with pytest.raises(ValueError, match="'2026-28' is not a financial year: the year starting in 2026 is '2026-27'"):
		financial_year_bounds("2026-28")


@pytest.mark.parametrize("quarter", [0, 5, -1, 1.0, True, "1"])
def test_there_are_four_quarters(quarter):
	with pytest.raises(ValueError, match=f"^There is no quarter {re.escape(repr(quarter))}:"):
		quarter_bounds("2026-27", quarter)


@pytest.mark.parametrize("half", [0, 3, True])
def test_there_are_two_halves(half):
	with pytest.raises(ValueError, match=f"^There is no half {re.escape(repr(half))}:"):
		half_bounds("2026-27", half)


def test_a_period_cannot_be_built_inconsistent():
	with pytest.raises(ValueError, match="Quarter 3 falls in half 2, not half 1"):
		ReportingPeriod("2026-27", 3, 1)
	with pytest.raises(ValueError, match="'2026/27' is not a financial year"):
		ReportingPeriod("2026/27", 1, 1)
