"""The committee's analysis of complaints (DER-25): the layout of appendix 2 of the Derby report, with counts in
place of one complainant a line, and small numbers hidden so nobody can be picked out (X-2)."""

import random

import pytest

from fairness_app.reports.committee import (
	COLUMNS,
	DISABILITY_GROUP,
	GENDER_GROUP,
	NOT_STATED,
	OUTCOME_GROUP,
	TYPE_GROUP,
	TYPES,
	columns_of,
	committee_table,
)
from fairness_app.reports.suppression import SECONDARY_MARK

INDIAN = "Asian or Asian British: Indian"
WHITE = "White: British"

# The four complaints of appendix 2 (January 2004 to March 2005), as facts.
APPENDIX_2 = [
	{"ethnic_group": INDIAN, "grounds": ["Other"], "sex": "Male", "disabled": "No", "outcome": "Upheld"},
	{"ethnic_group": WHITE, "grounds": ["Other"], "sex": "Female", "disabled": "No", "outcome": "Upheld"},
	{"ethnic_group": WHITE, "grounds": ["Other"], "sex": "Female", "disabled": "Yes", "outcome": "Not upheld"},
	{"ethnic_group": WHITE, "grounds": ["Other"], "sex": "Male", "disabled": "No", "outcome": "Withdrawn"},
]


def as_dict(line):
	return {"complainants": line.complainants, **{column.key: cell for column, cell in zip(COLUMNS, line.cells)}}


@pytest.mark.req("DER-25")
def test_the_columns_are_those_of_appendix_2():
	groups = {}
	for column in COLUMNS:
		groups.setdefault(column.group, []).append(column.label)
	assert list(groups) == [TYPE_GROUP, GENDER_GROUP, DISABILITY_GROUP, OUTCOME_GROUP]
	assert groups[TYPE_GROUP] == ["Racial", "Sexual", "Disability", "Age", "Sexuality", "HIV/AIDS", "Other"]
	assert groups[GENDER_GROUP] == ["M", "F", NOT_STATED]
	assert groups[DISABILITY_GROUP] == ["Y", "N", NOT_STATED]
	assert groups[OUTCOME_GROUP][:5] == ["Not upheld", "Upheld", "Partly upheld", "Not completed", "Withdrawn"]


@pytest.mark.req("DER-25")
def test_with_nothing_hidden_the_appendix_2_complaints_add_up_line_by_line():
	table = committee_table(APPENDIX_2, threshold=1)
	assert [line.label for line in table.lines] == [INDIAN, WHITE]
	indian, white = (as_dict(line) for line in table.lines)
	assert indian["complainants"] == 1
	assert (indian["type:Other"], indian["gender:M"], indian["disability:N"], indian["outcome:Upheld"]) == (1, 1, 1, 1)
	assert white["complainants"] == 3
	assert (white["gender:M"], white["gender:F"], white["disability:Y"], white["disability:N"]) == (1, 2, 1, 2)
	assert (white["outcome:Not upheld"], white["outcome:Upheld"], white["outcome:Withdrawn"]) == (1, 1, 1)
	total = as_dict(table.total)
	assert (table.total.label, total["complainants"], total["type:Other"], total["outcome:Upheld"]) == ("Total", 4, 4, 2)


@pytest.mark.req("DER-25", "X-2")
def test_published_with_the_usual_threshold_no_figure_about_so_few_people_is_shown():
	table = committee_table(APPENDIX_2)
	for line in (*table.lines, table.total):
		assert all(cell in (0, "<5", SECONDARY_MARK) for cell in (line.complainants, *line.cells))
	assert as_dict(table.total)["complainants"] == "<5"


@pytest.mark.req("DER-25", "X-2")
def test_no_hidden_figure_follows_from_a_line_whose_columns_add_up_to_its_complainants():
	"""Within a line, each of gender, disability and outcome adds up to the complainants, so none of those groups may
	leave exactly one of its figures, with the complainants, hidden."""
	rng = random.Random(25)
	sexes, answers = ["Male", "Female", None], ["Yes", "No", "Prefer not to say"]
	outcomes = ["Upheld", "Not upheld", "Partly upheld", "Withdrawn", None]
	for _ in range(40):
		facts = [
			{
				"ethnic_group": rng.choice([INDIAN, WHITE, "Chinese", None]),
				"grounds": rng.sample(["Race", "Sex", "Age", "Religion or belief"], rng.randint(0, 2)),
				"sex": rng.choice(sexes),
				"disabled": rng.choice(answers),
				"outcome": rng.choice(outcomes),
			}
			for _ in range(rng.randint(5, 60))
		]
		table = committee_table(facts)
		for line in (*table.lines, table.total):
			figures = as_dict(line)
			for group in (GENDER_GROUP, DISABILITY_GROUP, OUTCOME_GROUP):
				keys = ["complainants", *(column.key for column in COLUMNS if column.group == group)]
				assert sum(isinstance(figures[key], str) for key in keys) != 1, (group, figures)


@pytest.mark.req("DER-25", "DER-26", "SOM-19")
def test_each_ground_falls_under_one_heading_and_a_complainant_is_counted_once_under_each():
	fact = {"grounds": ["Race", "Religion or belief", "Gender reassignment"], "harassment_types": ["Sexual", "Spoken"]}
	assert columns_of(fact) == {
		"type:Racial",
		"type:Other",
		"type:Sexual",
		f"gender:{NOT_STATED}",
		f"disability:{NOT_STATED}",
		"outcome:Not yet decided",
	}
	assert {"type:Sexuality", "type:HIV/AIDS"} <= columns_of({"grounds": ["Sexual orientation", "HIV/AIDS"]})
	assert not {f"type:{name}" for name in TYPES} & columns_of({"grounds": []})


@pytest.mark.req("DER-25", "X-2")
def test_people_who_did_not_say_are_counted_as_not_stated_last():
	facts = [{"ethnic_group": "Prefer not to say"}, {"ethnic_group": None}, {"ethnic_group": WHITE}]
	table = committee_table(facts, threshold=1)
	assert [(line.label, line.complainants) for line in table.lines] == [(WHITE, 1), (NOT_STATED, 2)]
