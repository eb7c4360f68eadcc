"""Council plugins used by the app's own Frappe tests, installed under a real entry point by
fairness_app.testing.installed_plugin. Not part of the app's behaviour."""

from fairness_app.plugins import hookimpl
from fairness_app.procedure.decisions import Recipient
from fairness_app.procedure.meetings import Companion, MeetingRules
from fairness_app.procedure.routes import Route


class Tidyshire:
	"""A council that sends everything to its central team and numbers cases TDY-1, TDY-2, ..."""

	@hookimpl
	def fairness_route_case(self, case):
		return Route("tidyshire_procedure", (Recipient.team("central_equalities"),))

	@hookimpl
	def fairness_case_reference(self, case, counter):
		return f"TDY-{counter.next('TDY')}"


class Brokenshire:
	"""A council plugin with a bug: every routing attempt raises."""

	@hookimpl
	def fairness_route_case(self, case):
		raise KeyError("directorate_table")


class Fairshire:
	"""A council whose meetings allow only a union representative or a workplace colleague (as FHB-7), and are
	rearranged once, by at most 14 days unless on medical grounds (as DER-5); only its HR adviser
	withdraws a complaint."""

	@hookimpl
	def fairness_meeting_rules(self, case):
		return MeetingRules(
			companions={Companion.TRADE_UNION, Companion.COLLEAGUE},
			max_postponements=1,
			max_postponement_days=14,
			who_decides="the HR adviser",
		)

	@hookimpl
	def fairness_validate_transition(self, case, transition):
		if transition.action == "Withdraw":
			return "Fairshire's HR adviser withdraws complaints, after speaking to the complainant. Ask them."
		return None
