from frappe.model.document import Document


class FairnessDirectorate(Document):
	pass
