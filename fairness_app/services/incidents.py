"""What a third-party incident record must say before it is saved (CUM-5, CUM-7), and how repeat incidents by
the same person become visible (CUM-11 course of conduct)."""

import frappe
from frappe import _

from fairness_app import roles

SUBJECT = "Subject"


def check_police_contact(doc) -> None:
	if doc.crime_reference and not doc.police_contacted:
		frappe.throw(
			_("There is a crime reference, so tick Police contacted, or remove the reference."),
			title=_("Police contact not recorded"),
		)
	if doc.police_contacted and not doc.consent_to_police:
		frappe.throw(
			_("Record whether the member of staff agreed to the police being contacted."),
			title=_("Consent not recorded"),
		)


def check_service_withdrawal(doc) -> None:
	"""Only an Assistant Director withdraws a service, and only after consulting legal services (CUM-7)."""
	if not doc.service_withdrawn:
		return
	missing = [
		_(doc.meta.get_label(fieldname))
		for fieldname in ("withdrawal_decided_by", "legal_services_consulted_on", "withdrawal_grounds")
		if not str(doc.get(fieldname) or "").strip()
	]
	if missing:
		frappe.throw(
			_("A service can only be withdrawn once this is recorded: {0}.").format(", ".join(missing)),
			title=_("Service withdrawal incomplete"),
		)
	if roles.ASSISTANT_DIRECTOR not in frappe.get_roles(doc.withdrawal_decided_by):
		frappe.throw(
			_("Only an Assistant Director can decide to withdraw a service. {0} is not recorded as one.").format(
				frappe.bold(frappe.utils.get_fullname(doc.withdrawal_decided_by))
			),
			title=_("Service withdrawal not allowed"),
		)


def subjects(doc) -> set[str]:
	return {row.party for row in doc.parties if row.role == SUBJECT} if doc else set()


def subjects_changed(doc) -> bool:
	return doc.is_new() or subjects(doc) != subjects(doc.get_doc_before_save())


def count_earlier_incidents(doc) -> None:
	"""How many other incidents name the same person as responsible: any at all make a course of conduct."""
	people = subjects(doc)
	doc.repeat_incidents = max(_incident_counts(people, excluding=doc.name).values(), default=0)


def update_repeat_counts(doc) -> None:
	"""Show each person responsible how many incidents name them, on their own record (CUM-11)."""
	people = subjects(doc) | subjects(doc.get_doc_before_save())
	counts = _incident_counts(people)
	for party in people:
		# access: a count, written on the person's record for whoever may read it
		frappe.db.set_value("Fairness Party", party, "incidents_as_subject", counts[party], update_modified=False)


def _incident_counts(people: set[str], excluding: str | None = None) -> dict[str, int]:
	"""person -> how many incidents name them as responsible (leaving out `excluding`)."""
	counts = dict.fromkeys(people, 0)
	if not people:
		return counts
	rows = frappe.db.sql(  # access: counts only, which the incident's team is shown
		"""select party, count(distinct parent) from `tabFairness Case Party`
		where parenttype = 'Fairness Incident' and role = %(role)s and party in %(people)s
		and parent != %(excluding)s group by party""",
		{"role": SUBJECT, "people": tuple(people), "excluding": excluding or ""},
	)
	counts.update(rows)
	return counts
