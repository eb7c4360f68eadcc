"""The formal harassment and bullying procedure of the ER consultant's handbook (requirements FHB-1 to
FHB-15): complaints between members of staff follow the "er_consultant_formal" procedure, on form CF1 to the
line manager (or the manager's manager), with an ER consultant deciding each step, and an appeal on form CF2.

Each hook hands over to a small module: routing, clocks, checks (workflow moves), notifications and meetings.
What the handbook says that the hooks cannot yet express is listed in this plugin's README.
"""

from __future__ import annotations

from collections.abc import Sequence

from fairness_app.plugins import hookimpl
from fairness_app.procedure.clocks import ClockRule
from fairness_app.procedure.decisions import Notification
from fairness_app.procedure.meetings import MeetingRules
from fairness_app.procedure.routes import Route
from fairness_app.procedure.snapshots import CaseEvent, CaseSnapshot, Transition
from fairness_er_consultant import checks, clocks, meetings, notifications, routing
from fairness_er_consultant.procedure import PROCEDURE

__all__ = ["PROCEDURE", "ErConsultant"]


class ErConsultant:
	"""The council plugin. Each hook returns None for cases outside the formal procedure, so other plugins and
	the built-in rules decide those."""

	@hookimpl
	def fairness_route_case(self, case: CaseSnapshot) -> Route | None:
		return routing.route(case)

	@hookimpl
	def fairness_clock_rules(self, case: CaseSnapshot) -> Sequence[ClockRule] | None:
		return clocks.clock_rules(case)

	@hookimpl
	def fairness_validate_transition(self, case: CaseSnapshot, transition: Transition) -> str | None:
		return checks.refusal(case, transition)

	@hookimpl
	def fairness_notifications(self, case: CaseSnapshot, event: CaseEvent) -> Sequence[Notification] | None:
		return notifications.notifications(case, event)

	@hookimpl
	def fairness_meeting_rules(self, case: CaseSnapshot) -> MeetingRules | None:
		return meetings.meeting_rules(case)
