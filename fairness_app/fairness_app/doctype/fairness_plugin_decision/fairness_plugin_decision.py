from frappe.model.document import Document


class FairnessPluginDecision(Document):
	pass
