from frappe.model.document import Document


class FairnessAllegation(Document):
	pass
