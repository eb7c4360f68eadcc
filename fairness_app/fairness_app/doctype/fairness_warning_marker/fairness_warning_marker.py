"""A warning marker on a person (CUM-6): what staff meeting them need to know to stay safe, approved by a senior
manager, reviewed and removed on set dates, and seen only by the staff it is circulated to."""

from frappe.model.document import Document

from fairness_app.services import warning_markers


class FairnessWarningMarker(Document):
	def validate(self):
		warning_markers.check_marker(self)
