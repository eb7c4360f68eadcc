"""Exports never turn a case's free text into a spreadsheet formula."""

import pytest

from fairness_app.reports.exports import spreadsheet_safe


@pytest.mark.parametrize(
	"typed", ["=HYPERLINK(\"http://example.org\")", "+44 20 7946 0000", "-2+3", "@SUM(A1:A2)", "\t=1+1"]
)
def test_text_a_spreadsheet_would_evaluate_is_kept_as_text(typed):
	assert spreadsheet_safe(typed) == "'" + typed


@pytest.mark.parametrize("value", ["He said it twice", "", 7, None, 2.5])
def test_everything_else_is_unchanged(value):
	assert spreadsheet_safe(value) == value
