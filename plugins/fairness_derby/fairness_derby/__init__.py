"""Derby City Council's council plugin for fairness_app.

It encodes the "Fairness at Work: Bullying, Discrimination and Harassment Policy and Complaints Procedure"
(live from 1 February 2005, appendix 3 of the Minority Ethnic Communities Advisory Committee report of 16 June
2005): the exemptions that send a complaint to another procedure, the 3-month time limit, the companion and
postponement rules, the timescales of Stages Two and Three and the six-month review, the independence of
investigators and appeal officers, and the six-year retention of records. Requirement IDs are those of
REQUIREMENTS.md (DER-).
"""

from __future__ import annotations

from collections.abc import Sequence

from fairness_app.plugins import hookimpl
from fairness_app.procedure.clocks import ClockAlert, ClockRule
from fairness_app.procedure.decisions import Escalation, Notification
from fairness_app.procedure.meetings import MeetingRules
from fairness_app.procedure.retention import RetentionRule
from fairness_app.procedure.routes import Route
from fairness_app.procedure.snapshots import CaseEvent, CaseSnapshot, Transition
from fairness_app.procedure.time_limits import TimeLimit
from fairness_derby import checks, clocks, notices, routing, rules

__all__ = ["Derby"]


class Derby:
	"""Derby City Council: Fairness at Work. Enable it as "derby" in Fairness Settings > Plugins."""

	@hookimpl
	def fairness_route_case(self, case: CaseSnapshot) -> Route | None:
		return routing.route(case)

	@hookimpl
	def fairness_clock_rules(self, case: CaseSnapshot) -> Sequence[ClockRule] | None:
		return clocks.clock_rules(case)

	@hookimpl
	def fairness_clock_escalation(self, case: CaseSnapshot, alert: ClockAlert) -> Escalation | None:
		return clocks.escalation(case, alert)

	@hookimpl
	def fairness_validate_transition(self, case: CaseSnapshot, transition: Transition) -> str | None:
		return checks.transition_refusal(case, transition)

	@hookimpl
	def fairness_notifications(self, case: CaseSnapshot, event: CaseEvent) -> Sequence[Notification] | None:
		return notices.notifications(case, event)

	@hookimpl
	def fairness_time_limit(self, case: CaseSnapshot) -> TimeLimit | None:
		return rules.time_limit(case)

	@hookimpl
	def fairness_meeting_rules(self, case: CaseSnapshot) -> MeetingRules | None:
		return rules.meeting_rules(case)

	@hookimpl
	def fairness_retention(self, case: CaseSnapshot) -> RetentionRule | None:
		return rules.retention(case)
