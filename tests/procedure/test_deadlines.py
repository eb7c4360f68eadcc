"""A case's deadlines as plugins see them in a snapshot: when something done counts as late."""

from datetime import date, datetime

import pytest

from fairness_app.procedure.clocks import ClockRule, ClockUnit
from fairness_app.procedure.snapshots import Deadline
from fairness_app.testing import make_case, make_deadline

APPEAL_WINDOW = ClockRule("appeal_window", "Appeal", 5, ClockUnit.WORKING_DAYS, "decided", ("appealed",))
MANAGER_MEETING = ClockRule("manager_meeting", "Meet", 24, ClockUnit.HOURS, "received", ("met",))


@pytest.mark.req("FHB-12", "X-1")
def test_a_deadline_in_days_lasts_all_of_its_last_day_and_skips_bank_holidays():
	# Decided on Wednesday 20 May 2026; the spring bank holiday on Monday 25 May does not count.
	window = make_deadline(APPEAL_WINDOW, datetime(2026, 5, 20, 15))
	assert window.due == date(2026, 5, 28)
	assert not window.is_late(datetime(2026, 5, 28, 23, 59))
	assert not window.is_late(date(2026, 5, 28))
	assert window.is_late(datetime(2026, 5, 29, 0, 1))
	assert window.is_late(date(2026, 5, 29))


@pytest.mark.req("KEN-4")
def test_a_deadline_in_hours_is_late_from_the_minute_after_it():
	meeting = make_deadline(MANAGER_MEETING, datetime(2026, 5, 22, 14))
	assert meeting.due == datetime(2026, 5, 23, 14)
	assert not meeting.is_late(datetime(2026, 5, 23, 14))
	assert meeting.is_late(datetime(2026, 5, 23, 14, 1))
	assert not meeting.is_late(date(2026, 5, 23))  # a day without a time is not after a moment within it
	assert meeting.is_late(date(2026, 5, 24))


def test_a_paused_deadline_is_never_late_as_it_is_not_yet_known():
	paused = Deadline(key="appeal_window", started_at=datetime(2026, 5, 20, 15), due=None)
	assert not paused.is_late(datetime(2030, 1, 1))


def test_a_snapshot_finds_a_deadline_by_its_rule():
	window = make_deadline(APPEAL_WINDOW, datetime(2026, 5, 20, 15), met_at=datetime(2026, 5, 21, 9))
	case = make_case(deadlines=[window])
	assert case.deadline("appeal_window") is window and not window.is_running
	assert case.deadline("manager_meeting") is None
	assert isinstance(case.deadlines, tuple)
