"""A declaration of interest (KEN-10): the register consulted when anyone is named to work on a case."""

from frappe.model.document import Document

from fairness_app.services import conflicts


class FairnessInterestDeclaration(Document):
	def validate(self):
		conflicts.check_declaration(self)
