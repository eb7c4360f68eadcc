from frappe.model.document import Document


class FairnessEnabledPlugin(Document):
	pass
