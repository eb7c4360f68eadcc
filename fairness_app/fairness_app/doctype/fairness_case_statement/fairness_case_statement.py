from frappe.model.document import Document


class FairnessCaseStatement(Document):
	pass
