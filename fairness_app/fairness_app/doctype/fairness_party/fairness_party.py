from frappe.model.document import Document


class FairnessParty(Document):
	pass
