"""Recording on a case which plugin made each decision, and which plugins failed before it (ARCHITECTURE: the
app checks each decision, applies it, and records which plugin made it)."""

import frappe

from fairness_app.plugins import Decision

DECISIONS_TABLE = "plugin_decisions"


def record_decision(doc, decision_name: str, decision: Decision, outcome: str) -> None:
	"""Append a row to the case's decision log. `outcome` is a short, non-personal summary such as
	"procedure: staff_complaint" or "reference: CEO/JH001/0506"."""
	doc.append(
		DECISIONS_TABLE,
		{
			"decision": decision_name,
			"decided_by": decision.decided_by,
			"outcome": outcome[:255],
			"decided_at": frappe.utils.now_datetime(),
			"fallback_reason": "\n".join(failure.describe() for failure in decision.failures),
		},
	)
