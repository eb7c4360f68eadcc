from frappe import _

from fairness_app.controllers.case_record import CaseRecord
from fairness_app.services import case_checks, incidents

# Steps taken after an incident, which cannot come before it.
LATER_DATES = (
	"reported_on",
	"riddor_reported_on",
	"risk_assessment_reviewed_on",
	"legal_services_consulted_on",
	"closed_on",
)


class FairnessIncident(CaseRecord):
	def before_intake(self):
		incidents.count_earlier_incidents(self)

	def validate(self):
		super().validate()
		incidents.check_police_contact(self)
		incidents.check_service_withdrawal(self)
		if not self.is_new() and incidents.subjects_changed(self):  # a new one was counted before intake
			incidents.count_earlier_incidents(self)

	def on_update(self):
		super().on_update()
		if incidents.subjects_changed(self):
			incidents.update_repeat_counts(self)

	def validate_dates(self):
		case_checks.check_not_in_future(self, "occurred_at", _("Enter when the incident happened."))
		case_checks.check_not_in_future(self, "reported_on", _("Enter the day it was reported."))
		case_checks.check_not_before(self, LATER_DATES, "occurred_at")
