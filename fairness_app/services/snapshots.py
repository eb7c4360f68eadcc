"""Building the plain snapshots that plugins see from the live case records. Only categories, dates, codes and
site user ids cross this line: no names and no personal free text."""

import frappe

from fairness_app.procedure.snapshots import CaseSnapshot, CaseType, Officer, PartyKind, PartyRole, PartySnapshot

PARTY_KINDS = {
	"Employee": PartyKind.EMPLOYEE,
	"Former employee": PartyKind.FORMER_EMPLOYEE,
	"Service user": PartyKind.SERVICE_USER,
	"Member of the public": PartyKind.MEMBER_OF_PUBLIC,
	"Councillor": PartyKind.COUNCILLOR,
	"Contractor": PartyKind.CONTRACTOR,
	"Agency worker": PartyKind.AGENCY_WORKER,
	"Casual worker": PartyKind.CASUAL_WORKER,
	"School governor": PartyKind.SCHOOL_GOVERNOR,
	"Job applicant": PartyKind.JOB_APPLICANT,
	"Employee of another organisation": PartyKind.EXTERNAL_EMPLOYEE,
}

PARTY_ROLES = {
	"Complainant": PartyRole.COMPLAINANT,
	"Subject": PartyRole.SUBJECT,
	"Witness": PartyRole.WITNESS,
	"Companion": PartyRole.COMPANION,
	"Reporter on behalf": PartyRole.REPORTER,
	"Victim": PartyRole.VICTIM,
}

# Deep enough for any council's line of management, and a guard against a loop in the data.
MAX_MANAGER_CHAIN = 8


def complaint_snapshot(doc, nation: str) -> CaseSnapshot:
	"""The case as plugins see it. Saving one case asks for it more than once (intake, time limit), so the
	snapshot is kept on the document until the next save."""
	if doc.flags.case_snapshot is not None:
		return doc.flags.case_snapshot
	line_managers = LineManagers()
	doc.flags.case_snapshot = CaseSnapshot(
		case_id=doc.name,
		case_type=CaseType.COMPLAINT,
		received_on=frappe.utils.getdate(doc.received_on),
		reference=doc.reference or None,
		procedure=doc.procedure or None,
		latest_incident_on=frappe.utils.getdate(doc.latest_incident_on) if doc.latest_incident_on else None,
		directorate=doc.directorate or None,
		service_area=doc.service_area or None,
		intake_channel=frappe.scrub(doc.intake_channel) if doc.intake_channel else None,
		formality=doc.formality.lower() if doc.formality else None,
		parties=tuple(party_snapshot(row, line_managers) for row in doc.parties),
		case_officer=recording_officer(),
		nation=nation,
	)
	return doc.flags.case_snapshot


def party_snapshot(row, line_managers: "LineManagers") -> PartySnapshot:
	return PartySnapshot(
		party_id=row.party,
		role=PARTY_ROLES[row.role],
		kind=PARTY_KINDS[row.party_type],
		user=row.user or None,
		manager_chain=manager_chain(row.line_manager, line_managers),
		tags=frozenset({"headteacher"}) if row.is_headteacher else frozenset(),
	)


class LineManagers(dict):
	"""user -> that user's line manager, looked up once per snapshot (people in a case often share managers)."""

	def __missing__(self, user: str) -> str | None:
		found = frappe.db.sql(  # access: follows only the user-to-manager links between people, to route the case
			"select line_manager from `tabFairness Party` where user = %s and ifnull(line_manager, '') != '' limit 1",
			user,
		)
		self[user] = found[0][0] if found else None
		return self[user]


def manager_chain(line_manager: str | None, line_managers: LineManagers) -> tuple[str, ...]:
	"""The line manager and the managers above them, as far as Fairness Party records say."""
	chain = []
	manager = line_manager
	while manager and manager not in chain and len(chain) < MAX_MANAGER_CHAIN:
		chain.append(manager)
		manager = line_managers[manager]
	return tuple(chain)


def recording_officer() -> Officer | None:
	user = frappe.session.user
	if user in ("Administrator", "Guest"):
		return None
	full_name = frappe.utils.get_fullname(user) or ""
	return Officer(user=user, initials="".join(word[0] for word in full_name.split() if word[:1].isalpha()).upper())
