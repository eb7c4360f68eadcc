"""The case summary monitoring form (DER-24, Derby's appendix 4) for one complaint: what its print format shows.

The form is kept on the case file, so only someone who may print the case sees it. The complainant's equality
details are not on it: the app keeps them apart from the case, where only the monitoring role reads them (X-2), and
they reach the committee's figures (DER-25) without anyone on the case seeing them. The form says whether they were
given, so that the officer knows to ask.
"""

import frappe
from frappe import _

from fairness_app.procedure.letters import CASE_OFFICER, COMPLAINANT, HANDLER
from fairness_app.services.deadlines import long_date
from fairness_app.services.equality import were_given
from fairness_app.services.letters import party_names, team_member

DIRECTORATE = "Fairness Directorate"
# The form's "nature of complaint" boxes and the grounds each stands for; any other ground is written in as "other".
NATURE = (("Sex", "Sex"), ("Sexuality", "Sexual orientation"), ("Disability", "Disability"),
	("Religion and belief", "Religion or belief"), ("Race", "Race"), ("Age", "Age"))  # fmt: skip
DATES = (
	("Date complaint received", "received_on"),
	("Date investigation concluded", "investigation_concluded_on"),
	("Date of disciplinary hearing", "disciplinary_hearing_on"),
	("Date of appeal hearing", "appeal_hearing_on"),
	("Date review due", "review_due_on"),
)


def fairness_case_summary(doc) -> frappe._dict:
	"""Everything the DER-24 form says about complaint `doc`. Its print format calls this."""
	doc.check_permission("print")
	grounds = {row.ground for row in doc.get("allegations") if row.ground}
	known = {ground for _box, ground in NATURE}
	officer = team_member(doc, (CASE_OFFICER, HANDLER))
	names = party_names(doc)
	return frappe._dict(
		reference=doc.reference,
		department=doc.directorate and frappe.get_cached_value(DIRECTORATE, doc.directorate, "directorate_name"),
		officer=officer,
		nature=[frappe._dict(label=_(box), ticked=ground in grounds) for box, ground in NATURE],
		other_grounds=", ".join(_(ground) for ground in sorted(grounds - known)),
		complainants=[names.get(row.party) for row in doc.get("parties") if row.role == COMPLAINANT and row.party],
		equality=_equality_details(doc),
		dates=[frappe._dict(label=_(label), date=long_date(doc.get(field))) for label, field in DATES],
		recommendations=doc.recommendations,
		outcome=_(doc.outcome) if doc.outcome else None,
		disciplinary_outcome=_(doc.disciplinary_outcome) if doc.disciplinary_outcome else None,
		appeal_outcome=_(doc.appeal_outcome) if doc.appeal_outcome else None,
		appealed=bool(doc.appeal_received_on),
	)


def _equality_details(doc) -> str:
	given = were_given(doc.doctype, doc.name)
	if given is None:
		return _("Not recorded yet. Offer the complainant the equality monitoring questions.")
	if not given:
		return _("The complainant chose not to give them.")
	return _("Given, and kept apart from the case for the monitoring officer only.")
