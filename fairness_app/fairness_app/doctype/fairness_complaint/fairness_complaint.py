import frappe
from frappe import _

from fairness_app.controllers.case_record import CaseRecord
from fairness_app.services import case_checks, time_limits

# Dates of what happens after a complaint arrives, which cannot come before it.
LATER_DATES = (
	"investigation_concluded_on",
	"outcome_on",
	"disciplinary_hearing_on",
	"disciplinary_letter_received_on",
	"appeal_received_on",
	"appeal_hearing_on",
	"statements_of_case_received_on",
	"review_due_on",
)


class FairnessComplaint(CaseRecord):
	def validate(self):
		super().validate()
		time_limits.check_time_limit(self)

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
		held = _("Enter the day it was held, once it has been.")
		case_checks.check_not_in_future(self, "disciplinary_hearing_on", held)
		case_checks.check_not_in_future(self, "disciplinary_letter_received_on", _("Enter the day the copy arrived."))
		case_checks.check_not_before(self, ("disciplinary_letter_received_on",), "disciplinary_hearing_on")
		case_checks.check_not_in_future(self, "statements_of_case_received_on", _("Enter the day they arrived."))
