"""What a move to another stage does to a case's clocks. The stage's category decides: an open stage lets clocks
run, a stage waiting on someone or paused stops them counting (unless their rule is not pausable, or is a party's
own window), and a closed stage stops them for good."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from fairness_app.procedure.clocks import Clock, ClockRule, Occurrence, apply_event
from fairness_app.procedure.snapshots import StageCategory

# Waiting on a party (say, for the complainant's signed statement) is not the council's delay.
PAUSING = frozenset({StageCategory.WAITING, StageCategory.PAUSED})


def clocks_after_stage_change(
	clocks: Iterable[Clock],
	rules: Iterable[ClockRule],
	event: str,
	category: StageCategory,
	at: datetime,
	reason: str = "",
	occurrence: Occurrence | None = None,
) -> tuple[Clock, ...]:
	"""The clocks once a case in a stage of `category` raises `event` (entering the stage, or something happening
	in it): the event meets and starts clocks as usual, then the category pauses, resumes or stops the clocks still
	running."""
	clocks = apply_event(clocks, rules, event, at, occurrence)
	if category is StageCategory.CLOSED:
		return tuple(clock.cancel(at) for clock in clocks)
	if category in PAUSING:
		return tuple(clock.pause(at, reason) if _pauses(clock) else clock for clock in clocks)
	return tuple(clock.resume(at) for clock in clocks)


def _pauses(clock: Clock) -> bool:
	# A party's window ends on the date its letter gave (DER-16: "within 14 days of the outcome letter"), and a
	# deadline counted back from a hearing moves only with the hearing: no stage puts either back.
	rule = clock.rule
	return rule.pausable and not rule.party_window and not rule.counts_back and not clock.is_stopped
