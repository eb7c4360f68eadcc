from frappe.model.document import Document


class FairnessIncidentSupport(Document):
	pass
