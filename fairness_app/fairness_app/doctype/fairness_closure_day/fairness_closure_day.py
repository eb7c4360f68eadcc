from frappe.model.document import Document


class FairnessClosureDay(Document):
	pass
