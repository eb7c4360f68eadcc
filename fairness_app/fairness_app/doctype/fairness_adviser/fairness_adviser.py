"""The Equality and Harassment Adviser directory (SOM-8): who to go to, by directorate, service area and
specialism, for the period the list is valid."""

from frappe.model.document import Document

from fairness_app.services import case_checks


class FairnessAdviser(Document):
	def validate(self):
		case_checks.check_not_before(self, ("valid_until",), "valid_from")
