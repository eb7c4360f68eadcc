"""Copy onto each of a case's people rows what routing needs from their Fairness Party record: who they are,
their site user, their line manager and whether they are a headteacher or on teachers' or senior staff terms.

One query for the whole case, rather than Frappe's fetch on every row (each a separate lookup): recording a case
is the hottest path in the app."""

import frappe

PARTY = "Fairness Party"
COPIED = ("party_type", "user", "line_manager", "is_headteacher", "terms_of_employment")


def fill_party_details(doc) -> None:
	names = {row.party for row in doc.parties if row.party}
	if not names:
		return
	found = {
		row.name: row
		for row in frappe.db.sql(  # access: copies routing details of the people the user is adding to the case
			f"select name, {', '.join(COPIED)} from `tabFairness Party` where name in %(names)s",
			{"names": tuple(names)},
			as_dict=True,
		)
	}
	for row in doc.parties:
		if row.party in found:  # a missing person is reported by Frappe's own link check
			row.update({fieldname: found[row.party][fieldname] for fieldname in COPIED})


def party_links() -> list[tuple[str, str]]:
	"""Every field, in any doctype, that names a person recorded in the app: (doctype, field). Read from the
	doctypes' own definitions, so a table added later is found too."""
	return [
		(row.parent, row.fieldname)
		for row in frappe.get_all(  # access: the doctypes' own definitions
			"DocField", filters={"fieldtype": "Link", "options": PARTY}, fields=["parent", "fieldname"]
		)
	]
