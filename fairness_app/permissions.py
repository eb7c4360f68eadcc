"""Need to know (X-2): a case is visible only to its team. The same rule answers single-record checks
(has_permission) and list queries (permission_query_conditions), so that lists, counts and reports never show
what the form would refuse.

The records Frappe keeps beside a case (its version history, comments, emails, assignments, files, view and
access logs) follow the case: whoever cannot read the case cannot read them either, whatever their role.

Frappe lets controllers deny but never grant: these hooks only narrow what the roles allow.
"""

import frappe

from fairness_app import roles

SUPERUSER = "Administrator"

CASE_DOCTYPES = ("Fairness Complaint", "Fairness Incident")
# A warning marker on a person (CUM-6) is read by who raised it, its approver and the staff it is circulated to.
WARNING_MARKER = "Fairness Warning Marker"
CONFIDENTIAL_DOCTYPES = (*CASE_DOCTYPES, "Fairness Party", WARNING_MARKER)
# Special-category data, kept apart from the cases: only the monitoring role reads it, whole, to count it.
SPECIAL_CATEGORY_DOCTYPES = ("Fairness Equality Monitoring",)
PROTECTED_DOCTYPES = (*CONFIDENTIAL_DOCTYPES, *SPECIAL_CATEGORY_DOCTYPES)
# The tables inside a confidential record. Frappe lets anyone with a role on the parent doctype list a table's rows
# directly and asks no app about them, so each row follows its record. A test fails when a confidential doctype
# gains a table not listed here.
PROTECTED_TABLE_DOCTYPES = (
	"Fairness Action Item",
	"Fairness Allegation",
	"Fairness Case Clock",
	"Fairness Case Evidence",
	"Fairness Case Meeting",
	"Fairness Case Party",
	"Fairness Case Statement",
	"Fairness Case Team Member",
	"Fairness Incident Abuse",
	"Fairness Incident Support",
	"Fairness Marker Reader",
	"Fairness Plugin Decision",
	"Fairness Stage Change",
)
# The doctypes those tables belong to.
TABLE_PARENT_DOCTYPES = (*CASE_DOCTYPES, WARNING_MARKER)
# What someone a marker is circulated to may do with it: read it, not change it.
READ_PTYPES = ("read", "print", "email")

# Frappe records that point at another record: doctype -> (field naming the doctype, field naming the record).
TRAILING_RECORDS = {
	"Version": ("ref_doctype", "docname"),
	"Comment": ("reference_doctype", "reference_name"),
	"Communication": ("reference_doctype", "reference_name"),
	"ToDo": ("reference_type", "reference_name"),
	"File": ("attached_to_doctype", "attached_to_name"),
	"Activity Log": ("reference_doctype", "reference_name"),
	"View Log": ("reference_doctype", "reference_name"),
	"Access Log": ("export_from", "reference_document"),
	"Document Follow": ("ref_doctype", "ref_docname"),
	"Deleted Document": ("deleted_doctype", "deleted_name"),
	# The approval inbox Frappe fills for every role that may move a case on: shown to the role, not the team.
	"Workflow Action": ("reference_doctype", "reference_name"),
	# What the deadline sweep did about a case's deadlines, and the notices its events called for: read by its team.
	"Fairness Clock Alert": ("reference_doctype", "reference_name"),
	"Fairness Notice": ("reference_doctype", "reference_name"),
}


def readable_condition(doctype: str, name_sql: str, user: str) -> str:
	"""SQL that is true when `user` may read the `doctype` record whose name is the SQL expression `name_sql`."""
	escaped = frappe.db.escape(user)
	if doctype in SPECIAL_CATEGORY_DOCTYPES:
		return "1=1" if roles.MONITORING_OFFICER in frappe.get_roles(user) else "1=0"
	if doctype in CASE_DOCTYPES:
		return (
			"exists (select 1 from `tabFairness Case Team Member` team "
			f"where team.parenttype = {frappe.db.escape(doctype)} and team.parent = {name_sql} "
			f"and team.user = {escaped})"
		)
	if doctype == "Fairness Party":
		# A person's record is visible to whoever recorded it and to the teams of the cases they appear in.
		return (
			f"(exists (select 1 from `tabFairness Party` recorded where recorded.name = {name_sql} "
			f"and recorded.owner = {escaped}) "
			"or exists (select 1 from `tabFairness Case Party` case_party "
			"join `tabFairness Case Team Member` team "
			"on team.parent = case_party.parent and team.parenttype = case_party.parenttype "
			f"where case_party.party = {name_sql} and team.user = {escaped}))"
		)
	if doctype == WARNING_MARKER:
		return (
			f"(exists (select 1 from `tabFairness Warning Marker` marker where marker.name = {name_sql} "
			f"and {escaped} in (marker.owner, marker.approver)) "
			"or exists (select 1 from `tabFairness Marker Reader` reader "
			f"where reader.parenttype = {frappe.db.escape(WARNING_MARKER)} and reader.parent = {name_sql} "
			f"and reader.user = {escaped}))"
		)
	raise ValueError(f"{doctype} is not a protected doctype")


def _can_read(doctype: str, name: str, user: str) -> bool:
	return bool(
		frappe.db.sql(  # access: this is the permission check itself
			f"select 1 from dual where {readable_condition(doctype, frappe.db.escape(name), user)}"
		)
	)


def confidential_query_conditions(user: str | None = None, doctype: str | None = None) -> str:
	user = user or frappe.session.user
	if user == SUPERUSER:
		return ""
	return readable_condition(doctype, f"`tab{doctype}`.`name`", user)


def confidential_has_permission(doc, ptype: str | None = None, user: str | None = None, debug: bool = False):
	user = user or frappe.session.user
	if user == SUPERUSER:
		return None
	if doc.is_new():
		return None  # the roles decide who may record a case or a person; intake names the case team
	if doc.doctype in CASE_DOCTYPES:
		return any(row.user == user for row in doc.get("team") or ())
	if doc.doctype == WARNING_MARKER:
		if user in (doc.owner, doc.approver):
			return True
		return (ptype or "read") in READ_PTYPES and any(row.user == user for row in doc.get("circulation") or ())
	return doc.owner == user or _can_read(doc.doctype, doc.name, user)


def table_row_query_conditions(user: str | None = None, doctype: str | None = None) -> str:
	"""A row of a confidential record's table is listed only to those who may read the record."""
	user = user or frappe.session.user
	if user == SUPERUSER:
		return ""
	parenttype, parent = f"`tab{doctype}`.`parenttype`", f"`tab{doctype}`.`parent`"
	return " or ".join(
		f"({parenttype} = {frappe.db.escape(parent_doctype)} and {readable_condition(parent_doctype, parent, user)})"
		for parent_doctype in TABLE_PARENT_DOCTYPES
	)


def trailing_query_conditions(user: str | None = None, doctype: str | None = None) -> str:
	"""Hide history, comments, files and logs of confidential records from anyone who cannot read the record."""
	user = user or frappe.session.user
	if user == SUPERUSER:
		return ""
	doctype_field, name_field = TRAILING_RECORDS[doctype]
	doctype_column = f"`tab{doctype}`.`{doctype_field}`"
	name_column = f"`tab{doctype}`.`{name_field}`"
	listed = ", ".join(frappe.db.escape(protected) for protected in PROTECTED_DOCTYPES)
	readable = " or ".join(
		f"({doctype_column} = {frappe.db.escape(protected)} and "
		f"{readable_condition(protected, name_column, user)})"
		for protected in PROTECTED_DOCTYPES
		if doctype != "Deleted Document"  # a deleted case has no team left to read it
	)
	return f"(ifnull({doctype_column}, '') not in ({listed}){' or ' + readable if readable else ''})"


def trailing_has_permission(doc, ptype: str | None = None, user: str | None = None, debug: bool = False):
	"""Deny (never grant): returning None leaves the decision to Frappe's own rule for the doctype."""
	user = user or frappe.session.user
	doctype_field, name_field = TRAILING_RECORDS[doc.doctype]
	about = doc.get(doctype_field)
	if user == SUPERUSER or about not in PROTECTED_DOCTYPES:
		return None
	if doc.doctype == "Deleted Document" or not doc.get(name_field):
		return False
	return None if _can_read(about, doc.get(name_field), user) else False


def refuse_sharing(share, method=None):
	"""Sharing would widen a case beyond its team (or a marker beyond its circulation), and Frappe adds shared
	records to list queries after our conditions. Assigning a record to someone who cannot read it shares it too,
	so this refuses both."""
	if share.share_doctype == WARNING_MARKER:
		frappe.throw(
			frappe._(
				"Warning markers cannot be shared. If this member of staff needs to know, "
				"add them to the marker's list of staff who need to know."
			),
			frappe.PermissionError,
			title=frappe._("Not shared"),
		)
	if share.share_doctype in CONFIDENTIAL_DOCTYPES:
		frappe.throw(
			frappe._(
				"Cases and the people in them cannot be shared, and can only be assigned to their case team. "
				"If this person needs to know, add them to the case team."
			),
			frappe.PermissionError,
			title=frappe._("Not shared"),
		)
