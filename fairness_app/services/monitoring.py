"""Monitoring facts (issue 6): every time a case or its equality record changes, its de-identified fact is written
again in the background, from the case as it then stands. What a fact may hold is decided in reports/facts.py.

A fact is found again by a keyed hash of its case, never by the case's name: the monitoring role reads facts, and
must not be able to walk from one to a case (X-2). When the case's records are deleted, the fact stays and the
reports keep their figures (X-3).
"""

import hashlib
import hmac

import frappe
from frappe.utils.password import get_encryption_key

from fairness_app.reports.facts import COMPLAINT, EQUALITY_BANDS, INCIDENT, monitoring_fact
from fairness_app.services.clocks import stored_clock
from fairness_app.services.equality import EQUALITY
from fairness_app.services.snapshots import closed_on

FACT = "Fairness Monitoring Fact"
KINDS = {"Fairness Complaint": COMPLAINT, "Fairness Incident": INCIDENT}
RECEIVED_FIELDS = {"Fairness Complaint": "received_on", "Fairness Incident": "reported_on"}


def queue_refresh(case_doctype: str, *cases: str) -> None:
	"""Write these cases' facts again once this change is committed (at once in tests, which never commit)."""
	frappe.enqueue(
		"fairness_app.services.monitoring.refresh_facts",
		case_doctype=case_doctype,
		cases=cases,
		enqueue_after_commit=True,
		now=frappe.flags.in_test,
	)


def refresh_facts(case_doctype: str, cases: list[str]) -> None:
	for case in cases:
		refresh_fact(case_doctype, case)


def refresh_fact(case_doctype: str, case: str) -> str | None:
	"""Write the fact of one case from the case as it stands; the fact's name, or None if the case is gone."""
	# One writer per case at a time, so two jobs for the same case cannot both insert its fact.
	if not frappe.db.get_value(case_doctype, case, "name", for_update=True):  # access: a background job
		return None
	doc = frappe.get_doc(case_doctype, case)
	values = monitoring_fact(
		KINDS[case_doctype],
		doc.as_dict(),
		received_on=doc.get(RECEIVED_FIELDS[case_doctype]) or doc.creation,
		closed_on=closed_on(doc),
		allegations=[row.as_dict() for row in doc.get("allegations") or ()],
		abuse_types=[row.abuse_type for row in doc.get("abuse_types") or ()],
		clocks=[_fact_clock(row) for row in doc.clocks],
		equality=frappe.db.get_value(  # access: read by the system, to copy bands only
			EQUALITY, {"case_doctype": case_doctype, "case": case}, ["declined", *EQUALITY_BANDS], as_dict=True
		),
	)
	key = case_key(case_doctype, case)
	fact = frappe.get_doc(FACT, key) if frappe.db.exists(FACT, key) else frappe.new_doc(FACT)
	fact.update({**values, "case_key": key})
	fact.flags.ignore_permissions = True  # access: facts are written by the system only
	fact.save()
	return fact.name


def _fact_clock(row) -> dict:
	"""A clock row as the facts count it: by its rule, not by which interview record (say) it was for."""
	rule = stored_clock(row.clock_state).rule
	return {**row.as_dict(), "rule_key": rule.key, "label": rule.label, "party_window": rule.party_window}


def case_key(case_doctype: str, case: str) -> str:
	"""The fact's name: the same for the same case, and meaningless without the site's encryption key."""
	message = f"{case_doctype}\n{case}".encode()
	return hmac.new(get_encryption_key().encode(), message, hashlib.sha256).hexdigest()[:32]
