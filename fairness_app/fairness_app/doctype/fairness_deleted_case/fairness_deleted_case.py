from frappe.model.document import Document


class FairnessDeletedCase(Document):
	pass
