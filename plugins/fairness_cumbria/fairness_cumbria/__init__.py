"""Cumbria County Council's Third Party Abuse and Harassment policy (requirements CUM-1 to CUM-12), as a
council plugin for fairness_app.

It handles third-party incidents only, as the policy covers nothing else: who handles an incident and which
senior manager is told (routing.py), the deadlines and what happens when one is missed (clocks.py), the moves
the policy forbids (checks.py) and who is told what as the incident moves on (notices.py). Complaints,
references, retention, time limits and meeting rules are left to the next plugin or the app's built-in rules.
"""

from __future__ import annotations

from collections.abc import Sequence

from fairness_app.plugins import hookimpl
from fairness_app.procedure.clocks import ClockAlert, ClockRule
from fairness_app.procedure.decisions import Escalation, Notification
from fairness_app.procedure.routes import Route
from fairness_app.procedure.snapshots import CaseEvent, CaseSnapshot, CaseType, Transition
from fairness_cumbria import checks, clocks, notices, policy, routing

__all__ = ["Cumbria"]


class Cumbria:
	"""The Cumbria plugin: enable it as "cumbria" in Fairness Settings > Plugins."""

	@hookimpl
	def fairness_route_case(self, case: CaseSnapshot) -> Route | None:
		return routing.route(case) if case.case_type is CaseType.INCIDENT else None

	@hookimpl
	def fairness_clock_rules(self, case: CaseSnapshot) -> Sequence[ClockRule] | None:
		return list(clocks.RULES) if policy.is_incident(case) else None

	@hookimpl
	def fairness_clock_escalation(self, case: CaseSnapshot, alert: ClockAlert) -> Escalation | None:
		return clocks.escalation(case, alert) if policy.is_incident(case) else None

	@hookimpl
	def fairness_validate_transition(self, case: CaseSnapshot, transition: Transition) -> str | None:
		return checks.refusal(case, transition)

	@hookimpl
	def fairness_notifications(self, case: CaseSnapshot, event: CaseEvent) -> Sequence[Notification] | None:
		return notices.notifications(case, event)
