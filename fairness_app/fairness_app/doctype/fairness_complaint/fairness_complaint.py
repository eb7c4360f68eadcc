import frappe
from frappe import _
from frappe.model.document import Document

from fairness_app.services import case_team, intake

SUBJECT = "Subject"


class FairnessComplaint(Document):
	def validate(self):
		self.validate_dates()
		self.validate_parties()
		case_team.check_team_change(self)

	def on_update(self):
		case_team.record_team_change(self)

	def before_insert(self):
		intake.record_complaint(self)

	def validate_dates(self):
		today = frappe.utils.getdate()
		received_on = frappe.utils.getdate(self.received_on)
		if received_on > today:
			frappe.throw(
				_("The date received ({0}) is in the future. Enter the date the complaint reached the council.").format(
					frappe.format(received_on, "Date")
				),
				title=_("Date received is in the future"),
			)
		if self.latest_incident_on:
			incident_on = frappe.utils.getdate(self.latest_incident_on)
			if incident_on > received_on:
				frappe.throw(
					_(
						"The most recent incident ({0}) is after the date the complaint was received ({1}). "
						"Check both dates."
					).format(frappe.format(incident_on, "Date"), frappe.format(received_on, "Date")),
					title=_("Incident after the complaint"),
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
