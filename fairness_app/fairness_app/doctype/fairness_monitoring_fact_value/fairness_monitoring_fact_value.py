from frappe.model.document import Document


class FairnessMonitoringFactValue(Document):
	pass
