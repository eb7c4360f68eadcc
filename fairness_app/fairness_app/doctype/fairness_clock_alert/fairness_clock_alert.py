"""One deadline alert: its name is the deadline and the alert, so a second sweep (or a second worker at the same
moment) cannot insert it again and so never repeats the escalation."""

from frappe.model.document import Document


class FairnessClockAlert(Document):
	def autoname(self):
		self.name = alert_name(self.reference_name, self.rule_key, self.status, self.due_on)


def alert_name(case_name: str, rule_key: str, status: str, due_on) -> str:
	return f"{case_name}-{rule_key}-{status}-{due_on}".lower()
