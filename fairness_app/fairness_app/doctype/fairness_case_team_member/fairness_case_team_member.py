from frappe.model.document import Document


class FairnessCaseTeamMember(Document):
	pass
