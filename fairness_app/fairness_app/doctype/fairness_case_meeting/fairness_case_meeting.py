from frappe.model.document import Document


class FairnessCaseMeeting(Document):
	pass
