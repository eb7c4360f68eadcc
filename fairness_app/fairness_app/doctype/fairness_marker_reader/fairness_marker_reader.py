from frappe.model.document import Document


class FairnessMarkerReader(Document):
	pass
