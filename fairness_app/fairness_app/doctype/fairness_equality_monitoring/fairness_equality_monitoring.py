from frappe.model.document import Document

from fairness_app.services import monitoring
from fairness_app.services.equality import ANSWERS


class FairnessEqualityMonitoring(Document):
	def validate(self):
		if self.declined:
			for fieldname in ANSWERS:  # nothing is kept for someone who chose not to answer
				self.set(fieldname, None)

	def on_update(self):
		monitoring.queue_refresh(self.case_doctype, self.case)  # the case's fact carries these bands
