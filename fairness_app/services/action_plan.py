"""The case's action plan: each action with its owner and due date (SOM-15, CUM-6, KEN-7, KEN-8)."""

import frappe
from frappe import _

from fairness_app.services.case_checks import check_not_in_future, row_prefix

# Actions taken only with the agreement of the person affected (SOM-15, KEN-7).
NEEDS_AGREEMENT = frozenset({"Refer to an external agency", "Move the member of staff's work or workplace"})


def check_actions(doc) -> None:
	for row in doc.get("actions") or ():
		check_not_in_future(row, "done_on", _("Enter the day it was done, once it is done."))
		if row.action in NEEDS_AGREEMENT and not row.agreed_with_person:
			frappe.throw(
				row_prefix(row)
				+ _(
					"{0} needs the agreement of the person affected. "
					"Tick Agreed with the person affected once they have agreed."
				).format(frappe.bold(_(row.action))),
				title=_("Agreement needed"),
			)
