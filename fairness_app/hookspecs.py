"""Every hook a council plugin can implement. Each docstring is that hook's documentation (docs/plugins.md repeats
it with an example, and a test keeps the two in step).

Decisions (route, reference, time limit, clock rules, calendar, meeting rules, escalation, retention) are
`firstresult`: plugins are asked in turn and the first answer that is not None wins, so return None to leave the
decision to the next plugin. The built-in rules answer last. Contributions (transition vetoes, notifications) are
collected from every plugin.

Plugins receive frozen snapshots, never live records, and return the dataclasses of `fairness_app.procedure`.
Implement a hook with `@hookimpl` from `fairness_app.plugins`; a plugin may accept any subset of the arguments.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pluggy

from fairness_app.procedure.calendar import WorkingCalendar
from fairness_app.procedure.clocks import ClockAlert, ClockRule
from fairness_app.procedure.decisions import Escalation, Notification
from fairness_app.procedure.meetings import MeetingRules
from fairness_app.procedure.references import ReferenceCounter
from fairness_app.procedure.retention import RetentionRule
from fairness_app.procedure.routes import Route
from fairness_app.procedure.snapshots import CaseEvent, CaseSnapshot, Transition
from fairness_app.procedure.time_limits import TimeLimit

PROJECT = "fairness_app"

hookspec = pluggy.HookspecMarker(PROJECT)


@hookspec(firstresult=True)
def fairness_route_case(case: CaseSnapshot) -> Route | None:
	"""Decide which procedure a new case follows and who receives it.

	Called once when a complaint or incident is recorded, before it has a reference. Return a `Route` naming the
	procedure (a workflow template key such as "staff_complaint"), the recipients who handle the case and any
	copies, or a `Route` with a `Redirect` when the case belongs to another procedure. Return None to leave the
	decision to the next plugin.
	"""


@hookspec(firstresult=True)
def fairness_case_reference(case: CaseSnapshot, counter: ReferenceCounter) -> str | None:
	"""Give a new case its reference.

	Called once, after routing, when the case is recorded. `counter.next(series)` returns the next number in a
	series and is safe when two cases are recorded at the same moment; choose the series so numbering restarts
	where your policy says (per directorate, per financial year). Return the reference string, or None.
	"""


@hookspec(firstresult=True)
def fairness_clock_rules(case: CaseSnapshot) -> Sequence[ClockRule] | None:
	"""List the deadlines that apply to a case under its procedure.

	Called when a case is recorded, whenever its procedure, stage or flags change, when a meeting is arranged or
	held and when a complaint is made formal. `case.procedure` says which procedure applies. Return every
	`ClockRule` for the case (an empty list means no deadlines), or None to leave the decision to the next plugin.
	A rule starts and stops on case events: those the workflow's states raise, "<kind of meeting>_arranged" and
	"<kind of meeting>_held" (`MeetingType.arranged_event`, `MeetingType.held_event`) and "made_formal"
	(`MADE_FORMAL`). Clocks already running keep the rule they started with.
	"""


@hookspec(firstresult=True)
def fairness_working_calendar(nation: str, closures: tuple[date, ...]) -> WorkingCalendar | None:
	"""Provide the working calendar that day-based deadlines count in.

	Called when the site's plugins are loaded. `nation` is the site's nation ("ENG", "WLS", "SCT" or "NIR") and
	`closures` the council's closure days from Fairness Settings. Return a `WorkingCalendar`, or None.
	"""


@hookspec
def fairness_validate_transition(case: CaseSnapshot, transition: Transition) -> str | None:
	"""Check a workflow move before it happens, and refuse it if your policy forbids it.

	Called for every transition on every case; every plugin is asked. Return a message saying why the move cannot
	happen, in words the person making it understands, or None to allow it. Any message blocks the move. A
	validator that raises an error also blocks the move, with a message naming the plugin.
	"""


@hookspec(firstresult=True)
def fairness_clock_escalation(case: CaseSnapshot, alert: ClockAlert) -> Escalation | None:
	"""Decide what happens when a clock falls due or is missed.

	Called by the scheduled sweep, exactly once per clock for each status it reaches ("due", then "missed", or
	"closed" for a party's window).
	Return an `Escalation` (remind, escalate to the next manager, reassign, or notify a central team), or None.
	"""


@hookspec
def fairness_notifications(case: CaseSnapshot, event: CaseEvent) -> Sequence[Notification] | None:
	"""Say who should be told about something that happened on a case.

	Called after each case event ("received", "stage_changed", "closed", "clock_missed", "clock_extended",
	"made_formal", and a meeting first arranged or recorded as held, such as "appeal_hearing_held"); every plugin is
	asked and all the notifications returned are sent, in the background, after the change is saved. Return a list
	of `Notification`s, or None.
	"""


@hookspec(firstresult=True)
def fairness_time_limit(case: CaseSnapshot) -> TimeLimit | None:
	"""Decide how long after the latest incident a complaint may be made, and who may accept a late one.

	Called whenever a complaint with a latest incident date is saved. Return a `TimeLimit` (months, or None for no
	limit). A complaint received after the last day is refused until the case records who accepted it late and
	why, and, when the limit names an `approver_role`, until that person holds the role. Return None to leave the
	decision to the next plugin.
	"""


@hookspec(firstresult=True)
def fairness_meeting_rules(case: CaseSnapshot) -> MeetingRules | None:
	"""Say who may accompany people to a case's meetings and hearings, how much notice each kind needs, and how far,
	how often and for what reasons one may be put off.

	Called whenever a case's meetings are saved. Return `MeetingRules`, or None to leave the decision to the next
	plugin. A companion the rules do not allow, an invitation with too little notice, or a postponement beyond the
	rules (or for a reason whose evidence has not been seen) is refused with a plain message.
	"""


@hookspec(firstresult=True)
def fairness_retention(case: CaseSnapshot) -> RetentionRule | None:
	"""Decide how long a case's records are kept.

	Called whenever a case is saved; the case keeps the date and rule, and the daily purge deletes its records the
	day after that date unless the case is on legal hold (`case.legal_hold`). Return a `RetentionRule` with the date
	after which the records are destroyed (None while the case is open) and the rule it follows, or None to leave
	the decision to the next plugin.
	"""
