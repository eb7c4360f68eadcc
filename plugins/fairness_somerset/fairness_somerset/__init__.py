"""Somerset County Council's Corporate Code of Practice for Managing Complaints of Bullying, Harassment and
Discrimination (January 2006), for service users, members of the public, employees harassed by a service user,
councillors and contractors, as a fairness_app council plugin (requirements SOM-1 to SOM-20).

Each hook below answers for the Code and leaves to the next plugin what the Code does not govern: employee
against employee complaints (the Fairness and Dignity at Work policy) and the incident procedure's own
deadlines.
"""

from __future__ import annotations

from collections.abc import Sequence

from fairness_app.plugins import hookimpl
from fairness_app.procedure.calendar import add_years
from fairness_app.procedure.clocks import ClockAlert, ClockRule
from fairness_app.procedure.decisions import Escalation, Notification
from fairness_app.procedure.defaults import STAFF_COMPLAINT
from fairness_app.procedure.references import ReferenceCounter
from fairness_app.procedure.retention import RetentionRule
from fairness_app.procedure.routes import Route
from fairness_app.procedure.snapshots import CaseEvent, CaseSnapshot, Transition
from fairness_app.procedure.time_limits import TimeLimit
from fairness_somerset import checks, clocks, notifications, references, routing
from fairness_somerset.scope import follows_this_code

__version__ = "0.1.0"

RETENTION_YEARS = 2
RETENTION_RULE = "destroyed 2 years after resolution (SOM-13)"


class Somerset:
	"""The Code's rules, one hook each."""

	@hookimpl
	def fairness_route_case(self, case: CaseSnapshot) -> Route:
		return routing.route_case(case)

	@hookimpl
	def fairness_case_reference(self, case: CaseSnapshot, counter: ReferenceCounter) -> str | None:
		if not follows_this_code(case):
			return None  # the other procedure numbers its own cases
		return references.case_reference(case, counter)

	@hookimpl
	def fairness_clock_rules(self, case: CaseSnapshot) -> Sequence[ClockRule] | None:
		return clocks.clock_rules(case)

	@hookimpl
	def fairness_clock_escalation(self, case: CaseSnapshot, alert: ClockAlert) -> Escalation | None:
		return clocks.clock_escalation(case, alert)

	@hookimpl
	def fairness_validate_transition(self, case: CaseSnapshot, transition: Transition) -> str | None:
		return checks.refusal(case, transition)

	@hookimpl
	def fairness_notifications(self, case: CaseSnapshot, event: CaseEvent) -> Sequence[Notification] | None:
		return notifications.notifications(case, event)

	@hookimpl
	def fairness_time_limit(self, case: CaseSnapshot) -> TimeLimit | None:
		if not follows_this_code(case):
			return None
		# Section 4 asks people to come forward as near to the incident as they can, but sets no time limit.
		return TimeLimit(None, "nobody needs to: the Code sets no time limit", requirement="SOM-6")

	@hookimpl
	def fairness_retention(self, case: CaseSnapshot) -> RetentionRule | None:
		if case.procedure == STAFF_COMPLAINT:
			return None  # the Fairness and Dignity at Work policy keeps its own records
		# Every other form recorded under the Code, including one passed on to another procedure.
		if case.closed_on is None:
			return RetentionRule(None, f"{RETENTION_RULE}: not yet resolved")
		return RetentionRule(add_years(case.closed_on, RETENTION_YEARS), RETENTION_RULE)
