from frappe.model.document import Document


class FairnessCaseEvidence(Document):
	pass
