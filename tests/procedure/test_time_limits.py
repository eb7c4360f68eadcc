"""The time limit for making a complaint (DER-2)."""

from datetime import date

import pytest

from fairness_app.plugins import hookimpl
from fairness_app.procedure.defaults import TIME_LIMIT
from fairness_app.procedure.time_limits import TimeLimit
from fairness_app.testing import make_case, plugin_manager

pytestmark = pytest.mark.req("DER-2")


def test_a_complaint_on_the_last_day_is_in_time():
	limit = TimeLimit(3, "the Assistant Director (Personnel)")
	assert limit.last_day(date(2026, 1, 15)) == date(2026, 4, 15)
	assert not limit.is_late(date(2026, 1, 15), date(2026, 4, 15))
	assert limit.is_late(date(2026, 1, 15), date(2026, 4, 16))


def test_three_months_from_the_end_of_a_long_month_ends_on_the_last_day_of_a_short_one():
	assert TimeLimit(3, "a senior manager").last_day(date(2025, 11, 30)) == date(2026, 2, 28)


def test_no_limit_is_never_late():
	assert not TimeLimit(None, "nobody needs to").is_late(date(2020, 1, 1), date(2026, 1, 1))


@pytest.mark.parametrize("months, who", [(0, "a senior manager"), (3, " ")])
def test_a_meaningless_limit_is_refused(months, who):
	with pytest.raises(ValueError):
		TimeLimit(months, who)


def test_the_built_in_limit_is_three_months_and_a_council_can_set_its_own():
	assert plugin_manager().time_limit(make_case()).value == TIME_LIMIT

	class SixMonths:
		@hookimpl
		def fairness_time_limit(self, case):
			return TimeLimit(6, "the Head of HR")

	decision = plugin_manager(SixMonths()).time_limit(make_case())
	assert decision.value.months == 6
