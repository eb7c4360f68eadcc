"""Telling people about a case: who a plugin's `Recipient` means on this site, and the email that tells them.

Need to know: a role means the members of the case's own team who hold it, and a central team is told without
joining the case, so a notice never reaches someone who could not already read the case, except a central team or a
party without a login, who learn only what the message says. Every notice is written on the case's timeline, which
only its team reads.
"""

import html

import frappe
from frappe import _

from fairness_app.procedure.decisions import Recipient, RecipientKind
from fairness_app.procedure.snapshots import CaseSnapshot

TEAM = "Fairness Team"


def send_notice(doc, case: CaseSnapshot, recipients: tuple[Recipient, ...], subject: str, message: str) -> list[str]:
	"""Tell everyone `recipients` means for this case and note it on the case's timeline; returns who was told
	(site users, then email addresses).

	Site users get a Frappe notification (the bell), which Frappe also emails to them as their notification
	settings say. A team mailbox, and a party with no login, get an email."""
	users, mailboxes, addresses = resolve(doc, case, recipients)
	for user in users:
		_notify(doc, user, subject, message)
	emailed = _email(doc, mailboxes, subject, message) + _email(doc, addresses, subject, message, link=False)
	told = users + emailed
	lines = [message]
	if told:
		names = ", ".join([*(frappe.utils.get_fullname(user) for user in users), *emailed])
		lines.append(_("Told: {0}.").format(names))
	else:
		wanted = ", ".join(recipient.why or recipient.value for recipient in recipients)
		lines.append(_("Nobody could be told ({0}): check the case team and the central teams.").format(wanted))
	if unsent := [mailbox for mailbox in mailboxes + addresses if mailbox not in emailed]:
		lines.append(_("Not emailed, as the site has no outgoing email account: {0}.").format(", ".join(unsent)))
	doc.add_comment("Info", html.escape(" ".join(lines), quote=False))
	return told


def _notify(doc, user: str, subject: str, message: str) -> None:
	frappe.get_doc(
		{
			"doctype": "Notification Log",
			"for_user": user,
			"type": "Alert",
			"document_type": doc.doctype,
			"document_name": doc.name,
			"subject": html.escape(subject, quote=False),
			"email_content": html.escape(message, quote=False),
		}
	).insert(ignore_permissions=True)  # access: each user reads only their own notifications


def _email(doc, mailboxes: list[str], subject: str, message: str, link: bool = True) -> list[str]:
	"""Email the mailboxes, with a link to the case for staff (a party without a login could not open it); those
	emailed (none when the site cannot send email)."""
	if not mailboxes:
		return []
	body = f"<p>{html.escape(message, quote=False)}</p>"
	if link:
		url = frappe.utils.get_url_to_form(doc.doctype, doc.name)
		body += f"<p>{_('Open the case')}: <a href=\"{url}\">{url}</a></p>"
	try:
		frappe.sendmail(
			recipients=mailboxes,
			subject=subject,
			message=body,
			reference_doctype=doc.doctype,
			reference_name=doc.name,
			add_unsubscribe_link=False,  # a notice about a case is part of the job, not a newsletter
		)
	except frappe.OutgoingEmailError:
		return []
	return mailboxes


def resolve(doc, case: CaseSnapshot, recipients: tuple[Recipient, ...]) -> tuple[list[str], list[str], list[str]]:
	"""(site users, team mailboxes, parties' own addresses) that the recipients mean for this case, each once and in
	order. A party with a site user is told there; one without (a member of the public) at their email for updates."""
	users, mailboxes, addresses = {}, {}, {}
	team = [row.user for row in doc.team]
	for recipient in recipients:
		if recipient.kind is RecipientKind.USER:
			users.update(dict.fromkeys(_enabled([recipient.value])))
		elif recipient.kind is RecipientKind.ROLE:
			users.update(dict.fromkeys(_holding(team, recipient.value)))
		elif recipient.kind is RecipientKind.PARTY:
			parties = case.parties_in(recipient.value)
			users.update(dict.fromkeys(_enabled([party.user for party in parties if party.user])))
			addresses.update(dict.fromkeys(_emails_for_updates([party.party_id for party in parties if not party.user])))
		elif frappe.db.exists(TEAM, recipient.value):
			central = frappe.get_cached_doc(TEAM, recipient.value)
			users.update(dict.fromkeys(_enabled([row.user for row in central.members])))
			mailboxes.update(dict.fromkeys([central.email] if central.email else []))
	return list(users), list(mailboxes), list(addresses)


def _emails_for_updates(parties: list[str]) -> list[str]:
	if not parties:
		return []
	wanted = {"name": ("in", parties)}
	found = dict(frappe.get_all("Fairness Party", filters=wanted, fields=["name", "email"], as_list=True))  # access: this case's parties' addresses only
	return [found[party] for party in parties if found.get(party)]


def _holding(users: list[str], role: str) -> list[str]:
	"""Which of these users (the case's own team) hold the role."""
	if not users:
		return []
	wanted = {"parent": ("in", users), "role": role, "parenttype": "User"}
	holders = set(frappe.get_all("Has Role", filters=wanted, pluck="parent"))  # access: roles, no case data
	return _enabled([user for user in users if user in holders])


def _enabled(users: list[str]) -> list[str]:
	if not users:
		return []
	wanted = {"name": ("in", users), "enabled": 1}
	enabled = set(frappe.get_all("User", filters=wanted, pluck="name"))  # access: account status only
	return [user for user in users if user in enabled and user not in ("Administrator", "Guest")]
