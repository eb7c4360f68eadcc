"""Subject access search (issue 6, UK GDPR article 15): everything the app holds about one person, across every
case, so that a council can answer a subject access request within the month.

It lists where each piece is held (the person's record, each case and table that names them, warning markers, the
files, comments, history and emails about them) and not what it says: the council's information team then gathers
the records themselves, deciding what third parties' details to withhold. Cases are named by their reference.

Only the Fairness Administrator role may search: it reaches past need-to-know by design.
"""

import frappe
from frappe import _

from fairness_app import roles
from fairness_app.permissions import CASE_DOCTYPES, WARNING_MARKER
from fairness_app.services.bulk import select
from fairness_app.services.case_parties import PARTY, party_links
from fairness_app.services.equality import EQUALITY

MAX_PEOPLE = 20  # a search that matches more people than this is too loose to answer a request with
# What Frappe keeps about a person's own record, as (doctype, doctype field, name field, what it is).
KEPT_ABOUT_RECORD = (
	("File", "attached_to_doctype", "attached_to_name", "Files attached to their record"),
	("Comment", "reference_doctype", "reference_name", "Comments on their record"),
	("Version", "ref_doctype", "docname", "Changes in their record's history"),
	("Communication", "reference_doctype", "reference_name", "Emails about their record"),
)


def subject_access_report(filters: dict) -> tuple[list, list]:
	frappe.only_for(roles.ADMINISTRATOR)
	search = (filters.get("person") or "").strip()
	if len(search) < 3:
		frappe.throw(_("Enter at least three letters of the person's name or email address."), title=_("Who to find"))
	people = _people(search)
	if len(people) > MAX_PEOPLE:
		frappe.throw(
			_("More than {0} people match '{1}'. Enter their full name or email address.").format(MAX_PEOPLE, search),
			title=_("Too many people"),
		)
	return _columns(), [row for person in people for row in records_about(person)]


def _columns() -> list[dict]:
	return [
		{"fieldname": "person", "label": _("Person"), "fieldtype": "Data", "width": 180},
		{"fieldname": "record_type", "label": _("Held in"), "fieldtype": "Data", "width": 180},
		{"fieldname": "record", "label": _("Record"), "fieldtype": "Data", "width": 160},
		{"fieldname": "reference", "label": _("Case reference"), "fieldtype": "Data", "width": 140},
		{"fieldname": "detail", "label": _("What is held"), "fieldtype": "Data", "width": 320},
		{"fieldname": "count", "label": _("How many"), "fieldtype": "Int", "width": 90},
	]


def _people(search: str) -> list:
	pattern = f"%{search}%"
	return frappe.db.sql(  # access: the subject access search, for the Fairness Administrator only
		f"""select name, full_name, user, email from `tab{PARTY}`
		where full_name like %(pattern)s or email like %(pattern)s or user like %(pattern)s
		order by full_name limit {MAX_PEOPLE + 1}""",
		{"pattern": pattern},
		as_dict=True,
	)


def records_about(person) -> list[dict]:
	"""Where the app holds something about this Fairness Party, one line each."""
	label = f"{person.full_name} ({person.name})"
	rows = [_line(label, PARTY, person.name, _("Their details as recorded"))]
	case_rows = []
	for table, field in party_links():
		if table == WARNING_MARKER:
			for marker in select(table, "name", {field: person.name}):
				rows.append(_line(label, table, marker.name, _("A warning marker about them")))
			continue
		fields = "parenttype, parent, parentfield" + (", role" if frappe.get_meta(table).has_field("role") else "")
		case_rows += select(table, fields, {field: person.name})
	references = _references(case_rows)
	rows += [_case_line(label, row, references.get(row.parent)) for row in case_rows]
	for row in case_rows:
		if row.get("role") != "Complainant":
			continue
		if select(EQUALITY, "name", {"case_doctype": row.parenttype, "case": row.parent}):
			detail = _("Equality monitoring details they gave")
			rows.append(_line(label, EQUALITY, row.parent, detail, references.get(row.parent)))
	rows += _kept_about_record(label, person)
	rows += _emails_to(label, person)
	return rows


def _references(case_rows: list) -> dict[str, str]:
	"""The reference of each case the rows are in, read once a case however many of its rows name the person."""
	references = {}
	for doctype in CASE_DOCTYPES:
		cases = {row.parent for row in case_rows if row.parenttype == doctype}
		references |= {case.name: case.reference for case in select(doctype, "name, reference", {"name": cases})}
	return references


def _case_line(label: str, row, reference: str | None) -> dict:
	where = frappe.get_meta(row.parenttype).get_label(row.parentfield)
	detail = _("Named in {0}").format(_(where)) + (f" ({_(row.role)})" if row.get("role") else "")
	return _line(label, row.parenttype, row.parent, detail, reference)


def _kept_about_record(label: str, person) -> list[dict]:
	rows = []
	for doctype, doctype_field, name_field, what in KEPT_ABOUT_RECORD:
		count = frappe.db.count(doctype, {doctype_field: PARTY, name_field: person.name})
		if count:
			rows.append(_line(label, doctype, "", _(what), count=count))
	return rows


def _emails_to(label: str, person) -> list[dict]:
	addresses = {address for address in (person.email, person.user) if address and "@" in address}
	count = sum(
		frappe.db.count("Communication", {"recipients": ("like", f"%{address}%")}) for address in addresses
	)
	return [_line(label, "Communication", "", _("Emails sent to their address"), count=count)] if count else []


def _line(
	label: str, record_type: str, record: str, detail: str, reference: str | None = None, count: int = 1
) -> dict:
	return {
		"person": label,
		"record_type": _(record_type),
		"record": record,
		"reference": reference,
		"detail": detail,
		"count": count,
	}
