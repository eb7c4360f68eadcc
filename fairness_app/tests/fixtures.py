"""Records the Frappe tests share: site users with Fairness roles, and people (Fairness Party)."""

import frappe

DOMAIN = "fairness-test.example.org"


def make_user(name: str, *roles: str) -> str:
	"""A site user `name@fairness-test.example.org` holding exactly these roles."""
	email = f"{name}@{DOMAIN}"
	if not frappe.db.exists("User", email):
		frappe.get_doc(
			{"doctype": "User", "email": email, "first_name": name.replace("_", " ").title(), "send_welcome_email": 0}
		).insert(ignore_permissions=True)
	user = frappe.get_doc("User", email)
	user.set("roles", [{"role": role} for role in roles])
	user.save(ignore_permissions=True)
	return email


def make_party(full_name: str, party_type: str = "Employee", user: str | None = None, line_manager: str | None = None):
	return frappe.get_doc(
		{
			"doctype": "Fairness Party",
			"full_name": full_name,
			"party_type": party_type,
			"user": user,
			"line_manager": line_manager,
		}
	).insert(ignore_permissions=True)


def new_complaint(parties=(), **fields):
	"""An unsaved complaint; `parties` is a list of (Fairness Party, role) pairs."""
	doc = frappe.get_doc({"doctype": "Fairness Complaint", "received_on": frappe.utils.today(), **fields})
	for party, role in parties:
		doc.append("parties", {"party": party.name, "role": role})
	return doc
