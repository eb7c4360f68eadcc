"""The committee's analysis of complaints (DER-25, appendix 2 of the Derby report): complainants by racial group,
against the type of harassment, their gender, disability and the outcome.

The appendix lists one complainant a line. Published now, with numbers this small, that would name people, so each
racial group is one line of counts with small numbers hidden (X-2). Every figure is tied to others: in a line, the
gender columns, the disability columns and the outcome columns each add up to the line's complainants, and each
column adds up to its total. All those sums are given to the suppression, so no hidden figure can be worked back
from them. A complaint may concern several types of harassment at once, so those columns add up to nothing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from fairness_app.reports.suppression import DEFAULT_THRESHOLD, Shown, suppress_figures

NOT_STATED = "Not stated"


@dataclass(frozen=True)
class Column:
	key: str
	label: str
	group: str  # the heading above it, as in the appendix


TYPE_GROUP = "Harassment or bullying"
GENDER_GROUP = "Gender"
DISABILITY_GROUP = "Disability"
OUTCOME_GROUP = "Outcome"

TYPES = ("Racial", "Sexual", "Disability", "Age", "Sexuality", "HIV/AIDS", "Other")
# The app's grounds under the appendix's headings; every other ground counts as "Other". Sexual harassment is also a
# kind of harassment in its own right, whatever the ground.
TYPE_OF_GROUND = {
	"Race": "Racial",
	"Sex": "Sexual",
	"Disability": "Disability",
	"Age": "Age",
	"Sexual orientation": "Sexuality",
	"HIV/AIDS": "HIV/AIDS",
}
TYPE_OF_HARASSMENT = {"Sexual": "Sexual"}
GENDERS = {"Male": "M", "Female": "F"}
DISABILITY = {"Yes": "Y", "No": "N"}
OUTCOMES = ("Not upheld", "Upheld", "Partly upheld", "Not completed", "Withdrawn")
NOT_DECIDED = "Not yet decided"

COLUMNS = (
	*(Column(f"type:{name}", name, TYPE_GROUP) for name in TYPES),
	Column("gender:M", "M", GENDER_GROUP),
	Column("gender:F", "F", GENDER_GROUP),
	Column(f"gender:{NOT_STATED}", NOT_STATED, GENDER_GROUP),
	Column("disability:Y", "Y", DISABILITY_GROUP),
	Column("disability:N", "N", DISABILITY_GROUP),
	Column(f"disability:{NOT_STATED}", NOT_STATED, DISABILITY_GROUP),
	*(Column(f"outcome:{name}", name, OUTCOME_GROUP) for name in (*OUTCOMES, NOT_DECIDED)),
)
# Groups whose columns count each complainant exactly once, so add up to the line's complainants.
WHOLE_GROUPS = (GENDER_GROUP, DISABILITY_GROUP, OUTCOME_GROUP)
COMPLAINANTS = "complainants"


@dataclass(frozen=True)
class Line:
	label: str  # the racial group, or "Total"
	complainants: Shown
	cells: tuple[Shown, ...]  # in the order of COLUMNS


@dataclass(frozen=True)
class CommitteeTable:
	columns: tuple[Column, ...]
	lines: tuple[Line, ...]
	total: Line
	threshold: int


def committee_table(facts: Iterable[Mapping], threshold: int = DEFAULT_THRESHOLD) -> CommitteeTable:
	"""The table for these complaints' facts. Each fact gives ethnic_group, sex, disabled and outcome, `grounds`
	and `harassment_types` as lists, and, when it stands for several alike complaints, their `count`."""
	counts: Counter = Counter()
	for fact in facts:
		group, alike = _stated(fact.get("ethnic_group")), fact.get("count", 1)
		counts[group, COMPLAINANTS] += alike
		for column in columns_of(fact):
			counts[group, column] += alike
	groups = sorted({group for group, _ in counts}, key=lambda group: (group == NOT_STATED, group))
	values, lines = _figures(counts, groups)
	shown = suppress_figures(values, lines, threshold)

	def line(label: str, group: str | None) -> Line:
		return Line(label, shown[group, COMPLAINANTS], tuple(shown[group, column.key] for column in COLUMNS))

	return CommitteeTable(COLUMNS, tuple(line(group, group) for group in groups), line("Total", None), threshold)


def columns_of(fact: Mapping) -> set[str]:
	"""The columns one complainant is counted in."""
	types = {TYPE_OF_GROUND.get(ground, "Other") for ground in fact.get("grounds") or ()}
	types |= {TYPE_OF_HARASSMENT[kind] for kind in fact.get("harassment_types") or () if kind in TYPE_OF_HARASSMENT}
	outcome = fact.get("outcome") if fact.get("outcome") in OUTCOMES else NOT_DECIDED
	return {
		*(f"type:{name}" for name in types),
		f"gender:{GENDERS.get(fact.get('sex'), NOT_STATED)}",
		f"disability:{DISABILITY.get(fact.get('disabled'), NOT_STATED)}",
		f"outcome:{outcome}",
	}


def _stated(value: str | None) -> str:
	return NOT_STATED if not value or value == "Prefer not to say" else value


def _figures(counts: Counter, groups: list[str]) -> tuple[dict, list]:
	"""Every published figure, keyed (racial group or None for the total line, column), and the sums tying them."""
	keys = [COMPLAINANTS, *(column.key for column in COLUMNS)]
	values = {(group, key): counts[group, key] for group in groups for key in keys}
	values.update({(None, key): sum(counts[group, key] for group in groups) for key in keys})
	lines = [([(group, key) for group in groups], (None, key)) for key in keys]
	for group in [*groups, None]:
		for heading in WHOLE_GROUPS:
			cells = [(group, column.key) for column in COLUMNS if column.group == heading]
			lines.append((cells, (group, COMPLAINANTS)))
	return values, lines
