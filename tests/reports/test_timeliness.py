"""Timeliness: each deadline met, missed or still running, by directorate, with small numbers hidden (X-2)."""

import pytest

from fairness_app.reports.facts import CANCELLED, MET, MISSED, RUNNING
from fairness_app.reports.timeliness import timeliness_table


def row(directorate, deadline, result, count):
	return {"directorate": directorate, "deadline": deadline, "result": result, "count": count}


@pytest.mark.req("SOM-14", "DER-9", "FHB-4")
def test_each_deadline_is_a_line_with_the_share_met_on_time():
	table = timeliness_table(
		[
			row("Resources", "Acknowledge the complaint", MET, 30),
			row("Resources", "Acknowledge the complaint", MISSED, 10),
			row("Resources", "Acknowledge the complaint", RUNNING, 6),
			row("Resources", "Acknowledge the complaint", CANCELLED, 3),  # never came due: not counted
			row(None, "Start the investigation", MET, 20),
		]
	)
	first, second = table.lines
	assert (first.directorate, first.deadline, first.counts, first.total) == (
		"Resources",
		"Acknowledge the complaint",
		(30, 10, 6),
		46,
	)
	assert first.met_share == 75.0
	assert (second.directorate, second.counts, second.total, second.met_share) == ("No directorate", (20, 0, 0), 20, 100.0)
	assert (table.total.counts, table.total.total) == ((50, 10, 6), 66)


@pytest.mark.req("X-2", "SOM-17")
def test_a_share_is_not_given_when_a_figure_behind_it_is_hidden():
	table = timeliness_table([row("Resources", "Acknowledge", MET, 30), row("Resources", "Acknowledge", MISSED, 2)])
	(line,) = table.lines
	assert line.counts[1] == "<5"
	assert isinstance(line.counts[0], str)  # hidden too, or the total would give the 2 away
	assert line.met_share is None
