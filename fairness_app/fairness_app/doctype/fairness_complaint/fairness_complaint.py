import frappe
from frappe import _
from frappe.model.document import Document

from fairness_app.services import case_checks, case_parties, case_team, intake, time_limits

# Dates of what happens after a complaint arrives, which cannot come before it.
LATER_DATES = (
	"investigation_concluded_on",
	"outcome_on",
	"disciplinary_hearing_on",
	"appeal_received_on",
	"appeal_hearing_on",
	"review_due_on",
)


class FairnessComplaint(Document):
	def before_insert(self):
		case_parties.fill_party_details(self)
		self.validate_dates()  # intake reads the dates, so they must be real first
		intake.record_case(self)

	def before_validate(self):
		if not self.is_new():  # a new case was filled in before_insert, for intake
			case_parties.fill_party_details(self)

	def validate(self):
		self.validate_dates()
		case_checks.check_party_roles(self)
		time_limits.check_time_limit(self)
		case_team.check_team_change(self)

	def on_update(self):
		case_team.record_team_change(self)
		self.flags.case_snapshot = None  # the next save describes the case afresh

	def validate_dates(self):
		case_checks.check_not_in_future(
			self, "received_on", _("Enter the date the complaint reached the council.")
		)
		received_on = case_checks.date_value(self, "received_on")
		incident_on = case_checks.date_value(self, "latest_incident_on")
		if incident_on and incident_on > received_on:
			frappe.throw(
				_(
					"The most recent incident ({0}) is after the date the complaint was received ({1}). "
					"Check both dates."
				).format(frappe.format(incident_on, "Date"), frappe.format(received_on, "Date")),
				title=_("Incident after the complaint"),
			)
		case_checks.check_not_before(self, LATER_DATES, "received_on")
