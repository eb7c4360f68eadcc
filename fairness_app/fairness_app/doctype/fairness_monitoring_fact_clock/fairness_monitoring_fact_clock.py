from frappe.model.document import Document


class FairnessMonitoringFactClock(Document):
	pass
