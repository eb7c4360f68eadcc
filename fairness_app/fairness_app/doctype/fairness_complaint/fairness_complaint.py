import frappe
from frappe import _
from frappe.model.document import Document

from fairness_app.services import case_team, intake, time_limits

SUBJECT = "Subject"
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
	def validate(self):
		self.validate_dates()
		self.validate_parties()
		time_limits.check_time_limit(self)
		case_team.check_team_change(self)

	def on_update(self):
		case_team.record_team_change(self)
		self.flags.case_snapshot = None  # the next save describes the case afresh

	def before_insert(self):
		self.validate_dates()  # intake reads the dates, so they must be real first
		intake.record_complaint(self)

	def validate_dates(self):
		today = frappe.utils.getdate()
		received_on = self.date_field("received_on")
		if received_on > today:
			frappe.throw(
				_("The date received ({0}) is in the future. Enter the date the complaint reached the council.").format(
					frappe.format(received_on, "Date")
				),
				title=_("Date received is in the future"),
			)
		incident_on = self.date_field("latest_incident_on")
		if incident_on and incident_on > received_on:
			frappe.throw(
				_(
					"The most recent incident ({0}) is after the date the complaint was received ({1}). "
					"Check both dates."
				).format(frappe.format(incident_on, "Date"), frappe.format(received_on, "Date")),
				title=_("Incident after the complaint"),
			)
		for fieldname in LATER_DATES:
			later = self.date_field(fieldname)
			if later and later < received_on:
				frappe.throw(
					_("{0} ({1}) is before the complaint was received ({2}). Check the dates.").format(
						_(self.meta.get_label(fieldname)), frappe.format(later, "Date"), frappe.format(received_on, "Date")
					),
					title=_("Date before the complaint"),
				)

	def date_field(self, fieldname):
		value = self.get(fieldname)
		if not value:
			return None
		try:
			return frappe.utils.getdate(value)
		except (ValueError, TypeError, frappe.ValidationError):
			frappe.clear_last_message()
			frappe.throw(
				_("{0}: {1} is not a real date. Enter it as day, month and year.").format(
					_(self.meta.get_label(fieldname)), frappe.bold(str(value))
				),
				title=_("Date not recognised"),
			)

	def validate_parties(self):
		roles_by_party = {}
		for row in self.parties:
			roles = roles_by_party.setdefault(row.party, set())
			if row.role in roles:
				frappe.throw(
					_("Row {0}: this person is already listed as {1}. Remove one of the rows.").format(
						row.idx, _(row.role).lower()
					),
					title=_("Person listed twice"),
				)
			roles.add(row.role)
			if SUBJECT in roles and len(roles) > 1:
				other = sorted(roles - {SUBJECT})[0]
				frappe.throw(
					_(
						"Row {0}: the same person cannot be both the subject of the complaint and {1}. "
						"Check who is who."
					).format(row.idx, _(other).lower()),
					title=_("One person in two roles"),
				)
