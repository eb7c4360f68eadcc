from frappe.model.document import Document


class FairnessTeamMember(Document):
	pass
