from frappe.model.document import Document


class FairnessSupportService(Document):
	pass
