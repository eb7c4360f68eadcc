"""The letters the policies require (X-4): each is a print format for complaints that asks for its own facts, and
is signed by the first member of the case team holding one of its signing roles."""

import json
import re
from pathlib import Path

import pytest

from fairness_app.procedure.letters import (
	ACKNOWLEDGEMENT,
	APPEAL_OUTCOME,
	INTERVIEW_RECORD,
	LETTERS,
	SIGNING_TITLES,
)

PRINT_FORMATS = Path(__file__).parents[2] / "fairness_app" / "fairness_app" / "print_format"


def folder(letter) -> Path:
	return PRINT_FORMATS / re.sub(r"[ -]", "_", letter.print_format.lower())


@pytest.mark.req("X-4")
@pytest.mark.parametrize("letter", LETTERS.values(), ids=list(LETTERS))
def test_each_letter_is_a_standard_print_format_that_asks_for_its_own_facts(letter):
	definition = json.loads((folder(letter) / f"{folder(letter).name}.json").read_text())
	assert (definition["name"], definition["doc_type"], definition["standard"]) == (
		letter.print_format,
		"Fairness Complaint",
		"Yes",
	)
	template = (folder(letter) / f"{folder(letter).name}.html").read_text()
	assert f'fairness_letter(doc, "{letter.key}")' in template
	assert "{% autoescape true %}" in template  # names and free text are escaped
	for requirement in letter.requirements:
		assert requirement in template, f"{letter.key} does not say which clause it meets: {requirement}"


@pytest.mark.req("X-4")
def test_every_letter_the_issue_lists_is_there():
	assert set(LETTERS) == {
		"acknowledgement",
		"invitation",
		"subject_notification",
		"investigation",
		"interview_record",
		"outcome",
		"appeal_outcome",
		"delay",
		"six_month_review",
	}


@pytest.mark.req("SOM-14", "DER-9")
def test_the_first_signing_role_held_signs():
	team = [("officer", "Recorded the case"), ("cs", "Case officer"), ("lm", "Handles the case")]
	assert ACKNOWLEDGEMENT.signatory(team) == ("lm", "Handles the case")
	assert ACKNOWLEDGEMENT.signatory(team[:2]) == ("cs", "Case officer")


@pytest.mark.req("DER-18", "DER-14")
def test_nobody_signs_when_no_one_holds_a_signing_role():
	team = [("officer", "Recorded the case"), ("copy", "Kept informed")]
	assert APPEAL_OUTCOME.signatory(team) is None
	assert INTERVIEW_RECORD.signatory([]) is None


def test_every_signing_role_has_a_title_for_the_signature():
	for letter in LETTERS.values():
		assert set(letter.signed_by) <= set(SIGNING_TITLES), letter.key
