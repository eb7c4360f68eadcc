"""Working days on each UK nation's bank-holiday calendar (X-1): "within N working days of X" is due on the Nth
working day after X, and X itself never counts."""

from datetime import date, datetime, timedelta

import pytest

from fairness_app.procedure.calendar import (
	NATIONS,
	WorkingCalendar,
	add_calendar_days,
	add_hours,
	add_months,
	add_weeks,
	add_years,
	happened_on,
)

ALL = ("ENG", "WLS", "SCT", "NIR")

def due(everywhere: date, **by_nation: date) -> dict[str, date]:
	"""The due date in every nation, except where a nation's own bank holidays move it."""
	return {nation: by_nation.get(nation, everywhere) for nation in ALL}


# (what it shows, start, working days, due date per nation)
CROSSINGS = [
	("Christmas 2026: Boxing Day's substitute Monday", date(2026, 12, 24), 1, due(date(2026, 12, 29))),
	("Christmas 2027: both substitute days", date(2027, 12, 24), 1, due(date(2027, 12, 29))),
	("New Year 2027: Scotland's 2 January substitute", date(2026, 12, 31), 1, due(date(2027, 1, 4), SCT=date(2027, 1, 5))),
	("New Year 2026: Scotland's 2 January", date(2025, 12, 31), 1, due(date(2026, 1, 2), SCT=date(2026, 1, 5))),
	("Easter 2026: no Easter Monday in Scotland", date(2026, 4, 2), 1, due(date(2026, 4, 7), SCT=date(2026, 4, 6))),
	("St Andrew's Day 2025 on a Sunday: Scotland's substitute", date(2025, 11, 28), 1, due(date(2025, 12, 1), SCT=date(2025, 12, 2))),
	("St Patrick's Day in Northern Ireland", date(2026, 3, 16), 1, due(date(2026, 3, 17), NIR=date(2026, 3, 18))),
	("The Twelfth's substitute in Northern Ireland", date(2026, 7, 10), 1, due(date(2026, 7, 13), NIR=date(2026, 7, 14))),
	("Two working days over Christmas 2025 (DER-9)", date(2025, 12, 24), 2, due(date(2025, 12, 30))),
]


@pytest.mark.req("X-1")
@pytest.mark.parametrize("nation", ALL)
@pytest.mark.parametrize("what, start, n, due", CROSSINGS, ids=[c[0] for c in CROSSINGS])
def test_deadlines_skip_the_nations_bank_holidays(nation, what, start, n, due):
	assert WorkingCalendar(nation).add_working_days(start, n) == due[nation]


@pytest.mark.req("X-1")
@pytest.mark.parametrize("nation", ALL)
def test_the_start_day_never_counts(nation):
	calendar = WorkingCalendar(nation)
	monday, saturday = date(2026, 3, 2), date(2026, 3, 7)
	assert calendar.add_working_days(monday, 1) == date(2026, 3, 3)
	assert calendar.add_working_days(saturday, 1) == date(2026, 3, 9)
	assert calendar.add_working_days(monday, 0) == monday


@pytest.mark.req("X-1")
def test_weekends_and_bank_holidays_are_named():
	calendar = WorkingCalendar("SCT")
	assert calendar.non_working_reason(date(2026, 3, 7)) == "Saturday"
	assert calendar.non_working_reason(date(2026, 1, 2)) == "New Year Holiday"
	assert calendar.non_working_reason(date(2025, 12, 1)) == "Saint Andrew's Day (observed)"
	assert calendar.non_working_reason(date(2026, 3, 3)) is None


@pytest.mark.req("X-1")
def test_council_closure_days_are_not_working_days():
	closures = [date(2026, 12, 29), datetime(2026, 12, 30, 9, 0)]
	calendar = WorkingCalendar("ENG", closures)
	assert calendar.non_working_reason(date(2026, 12, 29)) == "Council closure"
	assert not calendar.is_working_day(date(2026, 12, 30))
	# 24 Dec 2026 + 1: 25 bank holiday, weekend, 28 substitute, 29 and 30 closed.
	assert calendar.add_working_days(date(2026, 12, 24), 1) == date(2026, 12, 31)


@pytest.mark.req("X-1")
@pytest.mark.parametrize("nation", ALL)
def test_counting_between_days_is_the_inverse_of_adding(nation):
	calendar = WorkingCalendar(nation)
	for offset in range(0, 366, 5):
		start = date(2026, 1, 1) + timedelta(days=offset)
		for n in (1, 2, 3, 5, 10, 20):
			due = calendar.add_working_days(start, n)
			assert calendar.working_days_between(start, due) == n, (start, n)
			assert calendar.is_working_day(due)
			assert calendar.add_working_days(due, -n) <= start


def test_counting_backwards_and_end_before_start():
	calendar = WorkingCalendar("ENG")
	# 5 working days' notice before a hearing on Tuesday 7 April 2026 (Good Friday and Easter Monday in between).
	assert calendar.add_working_days(date(2026, 4, 7), -5) == date(2026, 3, 27)
	assert calendar.working_days_between(date(2026, 3, 6), date(2026, 3, 2)) == -4


def test_datetimes_count_from_their_day():
	assert WorkingCalendar("ENG").add_working_days(datetime(2026, 3, 2, 17, 30), 2) == date(2026, 3, 4)


def test_an_unknown_nation_is_refused_with_the_choices():
	with pytest.raises(ValueError) as raised:
		WorkingCalendar("UK")
	message = str(raised.value)
	assert "'UK'" in message
	assert all(code in message for code in NATIONS)


@pytest.mark.req("DER-11", "DER-13", "DER-2")
def test_calendar_day_week_and_month_clocks_ignore_bank_holidays():
	assert add_calendar_days(date(2025, 12, 20), 14) == date(2026, 1, 3)
	assert add_weeks(date(2026, 1, 5), 12) == date(2026, 3, 30)
	assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
	assert add_months(date(2026, 1, 15), 3) == date(2026, 4, 15)


@pytest.mark.req("SOM-13", "DER-23")
def test_year_periods_end_on_the_same_day_or_the_28th_of_february():
	assert add_years(date(2026, 5, 1), 2) == date(2028, 5, 1)
	assert add_years(date(2028, 2, 29), 6) == date(2034, 2, 28)


@pytest.mark.req("KEN-4")
def test_hour_clocks_run_through_weekends_and_need_a_time():
	assert add_hours(datetime(2026, 12, 24, 18, 0), 24) == datetime(2026, 12, 25, 18, 0)
	with pytest.raises(TypeError, match="needs the time"):
		add_hours(date(2026, 12, 24), 24)


def test_something_recorded_by_its_day_happened_now_if_today_else_late_that_day():
	now = datetime(2026, 3, 4, 10, 30)
	assert happened_on(date(2026, 3, 4), now) == now
	assert happened_on(date(2026, 3, 2), now) == datetime(2026, 3, 2, 23, 59)
