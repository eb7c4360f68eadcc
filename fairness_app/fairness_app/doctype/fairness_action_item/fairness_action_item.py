from frappe.model.document import Document


class FairnessActionItem(Document):
	pass
