"""Who may change a case team, who may never join one, and the record of every change (X-2, FHB-6).

The team decides who can see the case, so changing it is itself a need-to-know decision: only the case officer or
the person handling the case makes it, and each change is written on the case's timeline, which only the team
can read."""

import frappe
from frappe import _

from fairness_app import roles
from fairness_app.services import conflicts

# Team roles that carry the case and so may decide who else works on it.
RESPONSIBLE = frozenset({"Handles the case", "Case officer", "Recorded the case"})


def check_team_change(doc) -> None:
	"""Validate the team of a case about to be saved; changes are recorded after the save (record_team_change)."""
	if not doc.team:
		frappe.throw(
			_("A case needs at least one person on its team. Add the person handling it."),
			title=_("Case team is empty"),
		)
	involved = _involved_users(doc)
	_refuse_on_team(
		doc, involved, _("Row {0}: {1} is part of this case ({2}) and cannot join its team."), _("Person involved in the case")
	)
	if doc.is_new():
		return  # intake named the team, leaving out everyone involved or with a declared interest
	added, removed = team_changes(doc)
	# KEN-10: nobody joins the team of a case involving someone they have declared an interest in.
	declared = conflicts.declared_interests(involved, frappe.utils.getdate(), declared_by={user for user, _role in added})
	_refuse_on_team(
		doc,
		declared,
		_("Row {0}: {1} has declared an interest in someone in this case ({2}) and cannot join its team."),
		_("Declared interest"),
	)
	if not (added or removed) or _may_change_team(doc):
		return
	frappe.throw(
		_("Only the case officer or the person handling this case can change who is on its team."),
		frappe.PermissionError,
		title=_("Team not changed"),
	)


def team_changes(doc) -> tuple[set, set]:
	"""(added, removed) as sets of (user, team role) since the case was last saved."""
	before = doc.get_doc_before_save()
	old = {(row.user, row.team_role) for row in (before.team if before else ())}
	new = {(row.user, row.team_role) for row in doc.team}
	return (new - old, old - new) if before else (set(), set())


def record_team_change(doc) -> None:
	added, removed = team_changes(doc)
	lines = [
		_("Added {0} to the case team as {1}.").format(_full_name(user), _(team_role).lower())
		for user, team_role in sorted(added)
	] + [
		_("Removed {0} ({1}) from the case team.").format(_full_name(user), _(team_role).lower())
		for user, team_role in sorted(removed)
	]
	if lines:
		doc.add_comment("Info", " ".join(lines))


def _may_change_team(doc) -> bool:
	user = frappe.session.user
	if user == "Administrator":
		return True
	before = doc.get_doc_before_save()
	responsible = {row.user for row in before.team if row.team_role in RESPONSIBLE}
	on_team = {row.user for row in before.team}
	return user in responsible or (user in on_team and roles.CASE_OFFICER in frappe.get_roles(user))


def _refuse_on_team(doc, reasons: dict[str, str], message: str, title: str) -> None:
	"""Refuse the first team member found in `reasons` (user -> why), naming their row."""
	for row in doc.team:
		if row.user in reasons:
			frappe.throw(
				message.format(row.idx, frappe.bold(_full_name(row.user)), _(reasons[row.user]).lower()), title=title
			)


def _involved_users(doc) -> dict[str, str]:
	return {row.user: row.role for row in doc.parties if row.user}


def _full_name(user: str) -> str:
	return frappe.utils.get_fullname(user)
