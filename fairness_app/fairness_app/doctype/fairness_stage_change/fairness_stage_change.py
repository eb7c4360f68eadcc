from frappe.model.document import Document


class FairnessStageChange(Document):
	pass
