from frappe.model.document import Document


class FairnessDeletionLog(Document):
	"""Written by the retention purge only (services/retention.py), and never changed."""
