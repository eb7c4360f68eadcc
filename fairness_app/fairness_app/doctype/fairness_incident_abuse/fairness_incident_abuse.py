from frappe.model.document import Document


class FairnessIncidentAbuse(Document):
	pass
