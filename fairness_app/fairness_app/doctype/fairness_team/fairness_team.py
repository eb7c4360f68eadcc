"""A central team plugins name in their notifications and escalations (Recipient.team): it is told, never
added to a case team, so it learns only what the message says."""

import re

import frappe
from frappe import _
from frappe.model.document import Document

KEY = re.compile(r"^[a-z0-9_]+$")


class FairnessTeam(Document):
	def validate(self):
		if not KEY.match(self.team_key or ""):
			frappe.throw(
				_("The key must be lower-case letters, digits and underscores, as plugins write it, for example central_equalities."),
				title=_("Key not valid"),
			)
		if not (self.members or self.email):
			frappe.throw(_("Add at least one member or a team mailbox, so someone is told."), title=_("Nobody to tell"))
