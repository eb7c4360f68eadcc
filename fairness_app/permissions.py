"""Need to know (X-2): a case is visible only to its team. The same rule answers single-record checks
(has_permission) and list queries (permission_query_conditions), so that lists, counts and reports never show
what the form would refuse.

Frappe lets controllers deny but never grant: these hooks only narrow what the roles allow.
"""

import frappe

SUPERUSER = "Administrator"


def _team_condition(doctype: str, user: str) -> str:
	return (
		"exists (select 1 from `tabFairness Case Team Member` team "
		f"where team.parenttype = {frappe.db.escape(doctype)} and team.parent = `tab{doctype}`.`name` "
		f"and team.user = {frappe.db.escape(user)})"
	)


def _on_team(doc, user: str) -> bool:
	return any(row.user == user for row in doc.get("team") or ())


def complaint_query_conditions(user: str | None = None, doctype: str = "Fairness Complaint") -> str:
	user = user or frappe.session.user
	return "" if user == SUPERUSER else _team_condition(doctype, user)


def complaint_has_permission(doc, ptype: str | None = None, user: str | None = None, debug: bool = False):
	user = user or frappe.session.user
	if user == SUPERUSER:
		return None
	if ptype == "create" and doc.is_new():
		return None  # the roles decide who may record a case; intake names its team
	return _on_team(doc, user)


def party_query_conditions(user: str | None = None) -> str:
	"""A person's record is visible to whoever recorded it and to the teams of the cases they appear in."""
	user = user or frappe.session.user
	if user == SUPERUSER:
		return ""
	escaped = frappe.db.escape(user)
	return (
		f"(`tabFairness Party`.`owner` = {escaped} or exists (select 1 from `tabFairness Case Party` case_party "
		"join `tabFairness Case Team Member` team on team.parent = case_party.parent "
		"and team.parenttype = case_party.parenttype "
		f"where case_party.party = `tabFairness Party`.`name` and team.user = {escaped}))"
	)


def party_has_permission(doc, ptype: str | None = None, user: str | None = None, debug: bool = False):
	user = user or frappe.session.user
	if user == SUPERUSER or doc.is_new() or doc.owner == user:
		return None
	# Asks only whether this user is on the team of a case naming this person.
	on_a_team = frappe.db.sql(  # access: this is the permission check itself
		"""select 1 from `tabFairness Case Party` case_party
		join `tabFairness Case Team Member` team
			on team.parent = case_party.parent and team.parenttype = case_party.parenttype
		where case_party.party = %s and team.user = %s limit 1""",
		(doc.name, user),
	)
	return bool(on_a_team)


CONFIDENTIAL_DOCTYPES = ("Fairness Complaint", "Fairness Party")


def refuse_sharing(share, method=None):
	"""Sharing would widen a case beyond its team, and Frappe adds shared records to list queries after our
	conditions. Assigning a case to someone outside the team shares it too, so this refuses both."""
	if share.share_doctype in CONFIDENTIAL_DOCTYPES:
		frappe.throw(
			frappe._(
				"Cases and the people in them cannot be shared, and can only be assigned to their case team. "
				"If this person needs to know, add them to the case team."
			),
			frappe.PermissionError,
			title=frappe._("Not shared"),
		)
