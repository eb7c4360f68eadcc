"""Best Value performance indicators 174 and 175 (SOM-17): complaints of discrimination recorded, and how many of
them were followed up, on grounds of race, gender, disability and sexual orientation.

BV174 is the number of racial incidents recorded per 100,000 population, and BV175 the percentage of them that led
to further action. Somerset records both for four grounds and benchmarks them against other councils, so each
ground is a line: complaints recorded, followed up (see `followed_up` for what counts), not followed up, the share
followed up, and the rate per 100,000 people when the population is given.

A complaint on two of the grounds is recorded under each, so the total line adds up the lines: it counts each
complaint once for each of the four grounds it concerns, and is not the number of complaints. That keeps every
figure in sums the suppression sees (X-2): on each line followed up and not followed up add up to recorded, and each
column adds up to its total. A share or a rate is given only from shown figures, as either would give a hidden
figure away.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from fairness_app.reports.counting import checked_rows
from fairness_app.reports.facts import unlisted
from fairness_app.reports.suppression import DEFAULT_THRESHOLD, Shown, suppress

# The app's grounds under the indicators' headings, in the order Somerset lists them.
HEADING_OF_GROUND = {
	"Race": "Race",
	"Sex": "Gender",
	"Disability": "Disability",
	"Sexual orientation": "Sexual orientation",
}
HEADINGS = tuple(HEADING_OF_GROUND.values())
FURTHER_ACTION_OUTCOMES = frozenset({"Upheld", "Partly upheld"})
NO_SANCTION = "No action"
RATE_PER = 100_000  # people, for BV174


def followed_up(row: Mapping) -> bool:
	"""Whether further action followed the complaint (BV175): it was upheld in whole or in part, or the person
	complained about was given a sanction other than "No action". A complaint not upheld without a sanction,
	withdrawn, not completed or not yet decided was not followed up, or not yet."""
	sanction = row.get("sanction")
	return row.get("outcome") in FURTHER_ACTION_OUTCOMES or bool(sanction and sanction != NO_SANCTION)


@dataclass(frozen=True)
class BestValueLine:
	ground: str
	recorded: Shown
	followed_up: Shown
	not_followed_up: Shown
	followed_up_share: float | None  # BV175: followed up out of recorded, as a percentage; None when not shown
	per_100000: float | None  # BV174: recorded per 100,000 people; None without a population or when hidden


@dataclass(frozen=True)
class BestValueTable:
	lines: tuple[BestValueLine, ...]  # in the order of HEADINGS
	total: BestValueLine
	threshold: int
	population: int | None


def best_value_table(
	rows: Iterable[Mapping], threshold: int = DEFAULT_THRESHOLD, population: int | None = None
) -> BestValueTable:
	"""The indicators for rows of (grounds, outcome, sanction, count), as the monitoring query groups complaints'
	facts for the year; `population` is the area's, for BV174."""
	_check_population(population)
	counts: Counter = Counter()
	for row in checked_rows(rows, threshold):
		action = followed_up(row)
		for heading in headings_of(row):
			counts[heading, action] += row["count"]
	table = suppress([[counts[heading, True], counts[heading, False]] for heading in HEADINGS], threshold)
	lines = tuple(
		_line(heading, cells, total, population)
		for heading, cells, total in zip(HEADINGS, table.cells, table.row_totals, strict=True)
	)
	return BestValueTable(
		lines, _line("All four grounds", table.column_totals, table.grand_total, population), threshold, population
	)


def headings_of(row: Mapping) -> set[str]:
	"""The headings a complaint is recorded under: each of its grounds that the indicators count, once."""
	return {HEADING_OF_GROUND[ground] for ground in unlisted(row.get("grounds")) if ground in HEADING_OF_GROUND}


def _line(ground: str, cells: tuple[Shown, ...], recorded: Shown, population: int | None) -> BestValueLine:
	followed, not_followed = cells
	shown = isinstance(followed, int) and isinstance(recorded, int)
	share = round(100 * followed / recorded, 1) if shown and recorded else None
	rate = round(RATE_PER * recorded / population, 2) if population and isinstance(recorded, int) else None
	return BestValueLine(ground, recorded, followed, not_followed, share, rate)


def _check_population(population: int | None) -> None:
	if population is None:
		return
	if not isinstance(population, int) or isinstance(population, bool) or population < 1:
		raise ValueError(f"The population for BV174 must be a whole number of people, 1 or more, not {population!r}.")
