"""The declarations of interest register (KEN-10): who has declared an interest in whom, so that nobody works on a
case involving someone they have declared an interest in."""

from collections.abc import Iterable
from datetime import date

import frappe
from frappe import _
from frappe.utils import add_days, add_years, getdate

from fairness_app import roles
from fairness_app.permissions import SUPERUSER
from fairness_app.services import case_checks

DECLARATION = "Fairness Interest Declaration"


def declared_interests(people: Iterable[str], on: date, declared_by: Iterable[str] | None = None) -> dict[str, str]:
	"""Users (of `declared_by`, or anyone) whose declaration valid on `on` names one of the site users `people`:
	user -> the kind of interest."""
	people = sorted(set(people))
	if not people:
		return {}
	by_whom = ""
	if declared_by is not None:
		if not (declared_by := sorted(set(declared_by))):
			return {}
		by_whom = "and declared_by in %(declared_by)s"
	rows = frappe.db.sql(  # access: which users are kept off a case; the register's details stay unread
		f"""select declared_by, nature from `tabFairness Interest Declaration`
		where related_user in %(people)s and declared_on <= %(on)s
		and (valid_until is null or valid_until >= %(on)s) {by_whom}
		order by declared_on""",
		{"people": people, "on": on, "declared_by": declared_by},
		as_dict=True,
	)
	return {row.declared_by: row.nature for row in rows}  # the latest declaration says what the interest is


def check_declaration(doc) -> None:
	"""A declaration is one's own (the Fairness administrator records others'), about someone, for a year."""
	user = frappe.session.user
	if doc.declared_by != user and user != SUPERUSER and roles.ADMINISTRATOR not in frappe.get_roles(user):
		frappe.throw(
			_(
				"You can only make a declaration for yourself. "
				"Ask your Fairness administrator to record one for someone else."
			),
			frappe.PermissionError,
			title=_("Not your declaration"),
		)
	if not doc.related_user and not (doc.related_name or "").strip():
		frappe.throw(
			_("Say who the interest is in: pick them if they have an account here, or type their name."),
			title=_("Who is the interest in?"),
		)
	if doc.related_user and doc.related_user == doc.declared_by:
		frappe.throw(_("The interest must be in someone other than yourself."), title=_("Who is the interest in?"))
	if doc.declared_on and not doc.valid_until:
		doc.valid_until = add_days(add_years(getdate(doc.declared_on), 1), -1)  # declarations are renewed yearly
	case_checks.check_not_before(doc, ("valid_until",), "declared_on")
