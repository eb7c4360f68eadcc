from frappe.model.document import Document


class FairnessCaseParty(Document):
	pass
