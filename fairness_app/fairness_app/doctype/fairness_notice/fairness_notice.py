"""A notice a council plugin asked for on a case event, kept until it is delivered (services/outbox.py)."""

from frappe.model.document import Document


class FairnessNotice(Document):
	pass
