"""A central team plugins name in their notifications and escalations (Recipient.team): it is told, never
added to a case team, so it learns only what the message says."""

import re
from urllib.parse import urlsplit

import frappe
from frappe import _
from frappe.model.document import Document

KEY = re.compile(r"^[a-z0-9_]+$")
# Plain http is refused unless the webhook is a relay on this same machine, where nothing crosses a network.
THIS_MACHINE = frozenset({"localhost", "127.0.0.1", "::1"})


class FairnessTeam(Document):
	def validate(self):
		if not KEY.match(self.team_key or ""):
			frappe.throw(
				_("The key must be lower-case letters, digits and underscores, as plugins write it, for example central_equalities."),
				title=_("Key not valid"),
			)
		if self.webhook_url and not set(self.webhook_url) <= {"*"}:  # asterisks stand for an address already saved
			self.check_webhook(self.webhook_url)
		if not (self.members or self.email or self.webhook_url):
			frappe.throw(
				_("Add at least one member, a team mailbox or a webhook address, so someone is told."),
				title=_("Nobody to tell"),
			)

	def check_webhook(self, url: str) -> None:
		address = urlsplit(url.strip())
		secure = address.scheme == "https" or (address.scheme == "http" and address.hostname in THIS_MACHINE)
		if not (secure and address.hostname):
			frappe.throw(
				_("The webhook address must be a full web address starting https://, as Microsoft Teams or your incident portal gives it."),
				title=_("Webhook address not valid"),
			)
