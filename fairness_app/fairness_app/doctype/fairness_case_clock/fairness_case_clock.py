from frappe.model.document import Document


class FairnessCaseClock(Document):
	pass
