from frappe.model.document import Document


class FairnessAbuseType(Document):
	pass
