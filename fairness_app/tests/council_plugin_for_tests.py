"""Council plugins used by the app's own Frappe tests, installed under a real entry point by
fairness_app.testing.installed_plugin. Not part of the app's behaviour."""

from fairness_app import roles
from fairness_app.plugins import hookimpl
from fairness_app.procedure.clocks import ClockRule, ClockStatus, ClockUnit
from fairness_app.procedure.decisions import Channel, Escalation, EscalationAction, Notification, Recipient
from fairness_app.procedure.defaults import ACKNOWLEDGEMENT
from fairness_app.procedure.meetings import Companion, MeetingRules, MeetingType
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
	"""A council whose meetings allow only a union representative or a workplace colleague (as FHB-7), give 5
	working days' notice of an appeal hearing (as FHB-12), and are rearranged once, by at most 14 days unless on
	medical grounds (as DER-5); only its HR adviser withdraws a complaint."""

	@hookimpl
	def fairness_meeting_rules(self, case):
		return MeetingRules(
			companions={Companion.TRADE_UNION, Companion.COLLEAGUE},
			notice_working_days={MeetingType.APPEAL_HEARING: 5},
			max_postponements=1,
			max_postponement_days=14,
			who_decides="the HR adviser",
		)

	@hookimpl
	def fairness_validate_transition(self, case, transition):
		if transition.action == "Withdraw":
			return "Fairshire's HR adviser withdraws complaints, after speaking to the complainant. Ask them."
		return None


class Chaseshire:
	"""A council that tells its central equalities team when a deadline is missed."""

	@hookimpl
	def fairness_clock_escalation(self, case, alert):
		if alert.status is ClockStatus.MISSED:
			return Escalation(
				EscalationAction.NOTIFY_TEAM,
				(Recipient.team("central_equalities", "a deadline was missed"),),
				f"A deadline was missed on case {case.label}.",
			)
		return None


class Handovershire:
	"""A council that hands a case to another manager on the day a deadline falls due."""

	handover_to = "other_manager@fairness-test.example.org"

	@hookimpl
	def fairness_clock_escalation(self, case, alert):
		if alert.status is ClockStatus.DUE:
			label = alert.clock.rule.label
			return Escalation(EscalationAction.REASSIGN, (), f"'{label}' is due today.", self.handover_to)
		return None


class Partyshire(Handovershire):
	"""Handovershire with a mistake in its settings: it hands cases to the complainant."""

	handover_to = "employee@fairness-test.example.org"


class Newsshire:
	"""A council that keeps the complainant informed at every stage and after the formal complaint meeting, tells its
	case officers of new cases, and posts missed deadlines to its incident portal's webhook."""

	@hookimpl
	def fairness_notifications(self, case, event):
		complainant = Recipient.party("complainant", "kept informed")
		if event.name == "received":
			return [
				Notification((complainant,), f"Your complaint {case.label}", "We have your complaint."),
				Notification((Recipient.role(roles.CASE_OFFICER),), f"New case {case.label}", "A new case to look at."),
			]
		if event.name == "stage_changed":
			return [Notification((complainant,), f"Your complaint {case.label}", f"Your complaint is now at: {event.stage}.")]
		if event.name == "closed":
			return [Notification((complainant,), f"Your complaint {case.label}", "Your complaint is closed.")]
		if event.name == "formal_complaint_meeting_held":
			return [Notification((complainant,), f"Your complaint {case.label}", "Thank you for coming to the meeting.")]
		if event.name == "clock_missed":
			clock = dict(event.detail)["clock"]
			return [
				Notification(
					(Recipient.team("incident_portal"), Recipient.role(roles.CASE_OFFICER)),
					f"Case {case.label}: a deadline was missed",
					f"The deadline '{clock}' was missed.",
					Channel.WEBHOOK,
				)
			]
		return None


class Lettershire:
	"""A council whose complainants have 14 calendar days from receipt to appeal, and who are told when a deadline
	is extended."""

	APPEAL_WINDOW = ClockRule(
		key="appeal_window",
		label="Time for the complainant to appeal",
		length=14,
		unit=ClockUnit.CALENDAR_DAYS,
		starts_on="received",
		stops_on=("appeal_received",),
		complainant_text="If you are unhappy with the outcome, write to the Chief Executive and say why.",
	)

	@hookimpl
	def fairness_clock_rules(self, case):
		return [ACKNOWLEDGEMENT, self.APPEAL_WINDOW]

	@hookimpl
	def fairness_notifications(self, case, event):
		if event.name == "clock_extended":
			clock = dict(event.detail)["clock"]
			complainant = Recipient.party("complainant", "told of the delay (DER-3)")
			return [Notification((complainant,), f"Your complaint {case.label}", f"We need more time: {clock}.")]
		return None
