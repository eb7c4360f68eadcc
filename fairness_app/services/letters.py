"""The facts a letter's print format needs about its case (X-4): who it is to, one page each, who signs it, the
names and dates it gives, and what is still missing before it can be sent. Print formats call `fairness_letter(doc,
"outcome")`; the letters and their signers are listed in procedure/letters.py. The warning letter to a person
with a warning marker (CUM-6, KEN-8, SOM-15) calls `fairness_warning_letter(doc)`.

Only what the letter's readers may know goes in: a subject's letter names the kinds of behaviour complained of,
never the complaint's own words (FHB-6).
"""

import frappe
from frappe import _
from frappe.utils import getdate, now_datetime, today

from fairness_app.procedure.letters import (
	HANDLER,
	INTERVIEW_RECORD,
	INVESTIGATOR,
	INVITATION,
	LETTERS,
	MANAGER,
	SIGNING_TITLES,
	SUBJECT_NOTIFICATION,
	Letter,
	first_holder,
)
from fairness_app.services.clocks import CLOCKS_TABLE, read_clocks
from fairness_app.services.deadlines import long_date, next_steps
from fairness_app.services.meetings import HELD, meeting_time
from fairness_app.services.plugin_registry import get_plugins
from fairness_app.services.snapshots import case_snapshot

MEETING_OVER = (HELD, "Cancelled")
DECIDED = ("Upheld", "Partly upheld", "Not upheld")  # outcomes that must be explained (FHB-9)


def fairness_letter(doc, key: str) -> frappe._dict:
	"""Everything the `key` letter about case `doc` says that the case knows. Print formats call this."""
	letter = LETTERS.get(key)
	if letter is None:
		frappe.throw(_("There is no letter called {0}.").format(key))
	doc.check_permission("read")  # a print format may call this with any document it can reach
	names = party_names(doc)
	facts = frappe._dict(
		council=_council(),
		date=long_date(now_datetime().date()),
		reference=doc.reference,
		received_on=long_date(doc.received_on),
		manager=team_member(doc, (HANDLER, MANAGER)),
		investigator=team_member(doc, (INVESTIGATOR,)),
		signatory=_signatory(doc, letter),
		next_steps=next_steps(doc),
		support=_support(),
	)
	facts.pages = _pages(doc, letter, names)
	facts.update(EXTRAS.get(key, _nothing)(doc))
	facts.missing = _missing(doc, letter, facts)
	return facts


def fairness_warning_letter(doc) -> frappe._dict:
	"""What the warning letter to the person marker `doc` is about says: only what its approver approved for them,
	never the risk or precautions written for staff, and never who was harmed. Signed by the approver."""
	doc.check_permission("read")
	facts = frappe._dict(
		council=_council(),
		date=long_date(now_datetime().date()),
		reference=doc.name,
		pages=[frappe._dict(name=doc.party_name)],
		happened=doc.letter_text,
		restriction=doc.restriction,
		review_on=long_date(doc.review_on),
		until=long_date(doc.expires_on),
		signatory=frappe._dict(name=frappe.utils.get_fullname(doc.approver), title=_("Senior manager")),
	)
	facts.missing = [
		text
		for text, wanted in (
			(_("what happened, in plain words, under The letter to the person"), not doc.letter_text),
			(_("approval by {0}, under Approval").format(facts.signatory.name), not doc.approved),
			(_("a Remove on date still to come"), getdate(doc.expires_on) < getdate(today())),
		)
		if wanted
	]
	return facts


def _council() -> str:
	return frappe.db.get_single_value("Fairness Settings", "council_name") or _("The council")


def _pages(doc, letter: Letter, names: dict) -> list[frappe._dict]:
	if letter is INVITATION:
		return [
			frappe._dict(
				name=names.get(row.party),
				meeting=row.meeting_type,
				when=long_date(meeting_time(row)),
				where=", ".join(line.strip() for line in (row.location or "").splitlines() if line.strip()),
			)
			for row in _coming_meetings(doc)
		]
	if letter is INTERVIEW_RECORD:
		return [
			frappe._dict(name=names.get(row.party), taken_on=long_date(row.taken_on))
			for row in doc.get("statements")
			if row.kind == "Interview record" and not row.signed_on and not row.marked_unsigned
		]
	pages = [
		frappe._dict(name=names.get(row.party), party=row.party)
		for row in doc.get("parties")
		if row.role in letter.addressed_to
	]
	if letter is SUBJECT_NOTIFICATION:
		for page in pages:
			page.nature = _nature(doc, page.party)
	return pages


def _nature(doc, party: str) -> list[str]:
	"""The kinds of behaviour complained of that concern `party` (or nobody named), without the complaint's words."""
	kinds = []
	for row in doc.get("allegations") or ():
		if row.subject and row.subject != party:
			continue
		kind = _("{0}, related to {1}").format(_(row.behaviour), _(row.ground).lower()) if row.ground else _(row.behaviour)
		if kind not in kinds:
			kinds.append(kind)
	return kinds


def _coming_meetings(doc) -> list:
	now = now_datetime()
	rows = [
		row
		for row in doc.get("meetings") or ()
		if row.outcome not in MEETING_OVER and meeting_time(row) and meeting_time(row) >= now
	]
	return sorted(rows, key=meeting_time)


def _invitation(doc) -> dict:
	plugins = get_plugins()
	rules = plugins.meeting_rules(case_snapshot(doc, plugins.config.nation)).value
	return {"companions": sorted(_(companion.value) for companion in rules.companions)}


def _actions(doc) -> dict:
	"""The action plan as the complainant may see it: what will be done and by when, not who or the details."""
	return {
		"actions": [
			frappe._dict(action=_(row.action), by=long_date(row.due_on)) for row in doc.get("actions") or ()
		]
	}


def _findings(doc) -> dict:
	findings = [
		frappe._dict(kind=_(row.behaviour), finding=_(row.finding))
		for row in doc.get("allegations") or ()
		if row.finding
	]
	return {"findings": findings}


def _appeal_outcome(doc) -> dict:
	return {
		**_findings(doc),
		"appeal_received_on": long_date(doc.get("appeal_received_on")),
		"appeal_hearing_on": long_date(doc.get("appeal_hearing_on")),
	}


def _delay(doc) -> dict:
	"""Each deadline still running that was given a later date: its latest date and why (DER-3)."""
	delays = []
	for row, clock in zip(doc.get(CLOCKS_TABLE), read_clocks(doc)):
		if clock.extensions and not clock.is_stopped:
			latest = clock.extensions[-1]
			delays.append(frappe._dict(what=_(row.label), new_date=long_date(latest.new_due), reason=latest.reason))
	return {"delays": delays}


def _nothing(doc) -> dict:
	return {}


EXTRAS = {
	"acknowledgement": _actions,
	"invitation": _invitation,
	"outcome": _findings,
	"appeal_outcome": _appeal_outcome,
	"delay": _delay,
}


def _missing(doc, letter: Letter, facts) -> list[str]:
	"""What the case must record before this letter can go, in plain words (the print view shows it instead)."""
	missing = []
	if not facts.pages:
		missing.append(
			{
				"invitation": _("a meeting or hearing with a date still to come"),
				"interview_record": _("an interview record that has not been signed yet"),
			}.get(letter.key)
			or _("someone with the part {0} under People involved").format(
				_(" or ").join(_(part) for part in letter.addressed_to)
			)
		)
	if letter.key == "outcome" and not doc.get("outcome"):
		missing.append(_("the outcome"))
	if letter.key == "outcome" and doc.get("outcome") in DECIDED and not doc.get("outcome_reasons"):
		missing.append(_("the reasons for the outcome"))
	if letter.key == "investigation" and not facts.investigator:
		missing.append(_("the investigating officer, under Case team"))
	if letter.key == "appeal_outcome" and not doc.get("appeal_outcome"):
		missing.append(_("the appeal outcome"))
	if letter.key == "delay" and not facts.delays:
		missing.append(_("a deadline that has been extended"))
	if letter.key == "subject_notification" and any(not page.nature for page in facts.pages):
		missing.append(_("what is alleged, under The complaint"))
	return missing


def _support() -> list[frappe._dict]:
	# A directory every fairness role may read; the services for people unhappy with the handling are not support.
	return frappe.get_all(  # access: the council's public list of support services
		"Fairness Support Service",
		filters={"escalation_contact": 0},
		fields=["service_name", "description", "phone", "website"],
		order_by="strand, service_name",
	)


def party_names(doc) -> dict[str, str]:
	parties = [row.party for row in doc.get("parties") if row.party]
	if not parties:
		return {}
	rows = frappe.get_all(  # access: parties of a case the caller may print
		"Fairness Party", filters={"name": ("in", parties)}, fields=["name", "full_name"]
	)
	return {row.name: row.full_name for row in rows}


def _team(doc) -> list[tuple[str, str]]:
	return [(row.user, row.team_role) for row in doc.get("team")]


def team_member(doc, roles: tuple[str, ...]) -> str | None:
	holder = first_holder(_team(doc), roles)
	return frappe.utils.get_fullname(holder[0]) if holder else None


def _signatory(doc, letter: Letter) -> frappe._dict | None:
	signer = letter.signatory(_team(doc))
	if signer is None:
		return None
	user, role = signer
	return frappe._dict(name=frappe.utils.get_fullname(user), title=_(SIGNING_TITLES[role]))
