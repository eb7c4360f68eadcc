from frappe import _
from frappe.model.document import Document

from fairness_app.services import case_checks, case_parties, case_team, incidents, intake

# Steps taken after an incident, which cannot come before it.
LATER_DATES = (
	"reported_on",
	"riddor_reported_on",
	"risk_assessment_reviewed_on",
	"legal_services_consulted_on",
	"closed_on",
)


class FairnessIncident(Document):
	def before_insert(self):
		case_parties.fill_party_details(self)
		self.validate_dates()  # intake reads the dates, so they must be real first
		incidents.count_earlier_incidents(self)
		intake.record_case(self)

	def before_validate(self):
		if not self.is_new():  # a new case was filled in before_insert, for intake
			case_parties.fill_party_details(self)

	def validate(self):
		self.validate_dates()
		case_checks.check_party_roles(self)
		incidents.check_police_contact(self)
		incidents.check_service_withdrawal(self)
		case_team.check_team_change(self)
		if not self.is_new():
			incidents.count_earlier_incidents(self)

	def on_update(self):
		case_team.record_team_change(self)
		incidents.update_repeat_counts(self)
		self.flags.case_snapshot = None  # the next save describes the case afresh

	def validate_dates(self):
		case_checks.check_not_in_future(self, "occurred_at", _("Enter when the incident happened."))
		case_checks.check_not_in_future(self, "reported_on", _("Enter the day it was reported."))
		case_checks.check_not_before(self, LATER_DATES, "occurred_at")
