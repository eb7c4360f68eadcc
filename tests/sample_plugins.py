"""Small council plugins for the plugin manager's tests."""

from fairness_app.plugins import hookimpl
from fairness_app.procedure.decisions import Notification, Recipient
from fairness_app.procedure.routes import Route


class Northshire:
	@hookimpl
	def fairness_route_case(self, case):
		return Route("northshire_procedure", (Recipient.team("central_equalities"),))

	@hookimpl
	def fairness_case_reference(self, case, counter):
		return f"NS-{counter.next('NS'):03d}"

	@hookimpl
	def fairness_notifications(self, case, event):
		return [Notification((Recipient.party("complainant"),), "We have your complaint", "We will be in touch.")]


class Southshire:
	@hookimpl
	def fairness_route_case(self, case):
		return Route("southshire_procedure", (Recipient.role("Fairness Case Officer"),))


class Quietshire:
	"""Leaves every decision to the next plugin."""

	@hookimpl
	def fairness_route_case(self, case):
		return None


class Crashshire:
	@hookimpl
	def fairness_route_case(self, case):
		raise KeyError("directorate_table")

	@hookimpl
	def fairness_case_reference(self, case, counter):
		raise RuntimeError("numbering service down")

	@hookimpl
	def fairness_clock_rules(self, case):
		return [{"key": "acknowledgement"}]

	@hookimpl
	def fairness_validate_transition(self, case, transition):
		raise ValueError("bad table")

	@hookimpl
	def fairness_notifications(self, case, event):
		raise ConnectionError("mail server")


class Typoshire:
	@hookimpl
	def fairness_route_cases(self, case):
		return None


class Vetoshire:
	@hookimpl
	def fairness_validate_transition(self, case, transition):
		if transition.to_state == "Appeal":
			return "The appeal form arrived after the 5 working days allowed, so the appeal cannot be heard."
		return None


BROKEN_ON_IMPORT = "tests.module_that_does_not_exist"
