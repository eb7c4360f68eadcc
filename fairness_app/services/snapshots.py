"""Building the plain snapshots that plugins see from the live case records. Only categories, dates, codes and
site user ids cross this line: no names and no personal free text."""

import re

import frappe

from fairness_app.procedure.snapshots import (
	CaseSnapshot,
	CaseType,
	Officer,
	PartyKind,
	PartyRole,
	PartySnapshot,
	PlannedAction,
	StageCategory,
	StageMove,
	TeamMember,
	TeamRole,
)
from fairness_app.services import conflicts
from fairness_app.services.clocks import CLOCK_ROW, CLOCKS_TABLE, deadline_of

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

# The case team's parts, as the team table words them.
TEAM_ROLES = {
	"Handles the case": TeamRole.HANDLER,
	"Case officer": TeamRole.CASE_OFFICER,
	"Manager": TeamRole.MANAGER,
	"Investigator": TeamRole.INVESTIGATOR,
	"Complaint chair": TeamRole.COMPLAINT_CHAIR,
	"Appeal officer": TeamRole.APPEAL_OFFICER,
	"Recorded the case": TeamRole.RECORDER,
	"Kept informed": TeamRole.KEPT_INFORMED,
}

# What is being recorded, where it is not a plain complaint, as plugins see it in the case's flags.
COMPLAINT_TYPE_FLAGS = {
	"Discrimination questionnaire": "questionnaire",  # recorded, not handled as a complaint (DER-22)
	"Grievance about terms, working practices or the workplace": "grievance",  # for a grievance procedure (DER-1)
}

# Terms of employment that some procedures leave to others (DER-1), as plugins see them in a person's tags.
TERMS_TAGS = {
	"Teachers' terms": {"teacher"},
	"Chief Executive": {"chief_executive", "jnc"},
	"Chief Officer": {"chief_officer", "jnc"},
	"Assistant Director": {"assistant_director", "jnc"},
	"Other senior staff (JNC) terms": {"jnc"},
}

# Check fields that plugins see as flags: field -> flag.
COMPLAINT_FLAGS = {
	"made_on_behalf": "on_behalf",
	"victim_under_17": "under_17",
	"immediate_danger": "immediate_danger",
	"two_step_agreed": "two_step_agreed",
	# What the officer receiving a complaint has done and told the person (SOM-5, SOM-7).
	"confidentiality_notice_given": "confidentiality_notice_given",
	"quiet_space_offered": "quiet_space_offered",
	"guardian_contacted": "guardian_contacted",
	"emergency_services_called": "emergency_services_called",
	"told_what_happens_next": "told_what_happens_next",
}
INCIDENT_FLAGS = {
	"physical_contact": "physical_contact",
	"serious_threat": "serious_threat",
	"hate_incident": "hate_incident",
	"police_contacted": "police_contacted",
	"riddor_over_seven_days": "riddor",
	"service_withdrawn": "service_withdrawn",
	# What the manager has done since (CUM-5, CUM-6, CUM-9, CUM-10).
	"true_vision_offered": "true_vision_offered",
	"senior_managers_told": "senior_managers_told",
	"perpetrator_employer_told": "employer_told",
	"kept_informed": "kept_informed",
	"risk_assessment_reviewed_on": "risk_assessment_reviewed",
}

# Deep enough for any council's line of management, and a guard against a loop in the data.
MAX_MANAGER_CHAIN = 8


def case_snapshot(doc, nation: str) -> CaseSnapshot:
	"""The case as plugins see it. Saving one case asks for it more than once (intake, time limit), so the
	snapshot is kept on the document until the next save."""
	if doc.flags.case_snapshot is not None:
		return doc.flags.case_snapshot
	details = (incident_details if doc.doctype == "Fairness Incident" else complaint_details)(doc)
	line_managers = LineManagers()
	party_users = [row.user for row in doc.parties if row.user]
	doc.flags.case_snapshot = CaseSnapshot(
		case_id=doc.name,
		reference=doc.reference or None,
		procedure=doc.procedure or None,
		**stage_of(doc),
		directorate=doc.directorate or None,
		service_area=doc.service_area or None,
		parties=tuple(party_snapshot(row, line_managers) for row in doc.parties),
		case_officer=recording_officer(),
		team=team_of(doc),
		history=history_of(doc),
		actions=actions_of(doc),
		conflicted_users=frozenset(conflicts.declared_interests(party_users, details["received_on"])),
		deadlines=tuple(deadline_of(row) for row in doc.get(CLOCKS_TABLE) or ()),
		nation=nation,
		**details,
	)
	return doc.flags.case_snapshot


def stage_of(doc) -> dict:
	"""The case's stage and its category, as a snapshot shows them."""
	category = doc.get("stage_category")
	return {"stage": doc.get("workflow_state") or None, "stage_category": StageCategory(category) if category else None}


# The field giving the day a case closed, when it has one.
CLOSED_FIELDS = {"Fairness Complaint": "outcome_on", "Fairness Incident": "closed_on"}


def closed_on(doc):
	"""The day the case closed, or None while it is open: its outcome or closing date, else the day it last moved."""
	if doc.stage_category != "closed":
		return None
	if doc.get(CLOSED_FIELDS[doc.doctype]):
		return frappe.utils.getdate(doc.get(CLOSED_FIELDS[doc.doctype]))
	moved = [row.changed_at for row in doc.get("stage_history") or () if row.changed_at]
	return frappe.utils.getdate(max(moved) if moved else doc.modified)


# The tables a snapshot reads, by case doctype.
SNAPSHOT_TABLES = {
	"Fairness Complaint": {
		"parties": "Fairness Case Party",
		"allegations": "Fairness Allegation",
		"team": "Fairness Case Team Member",
		"stage_history": "Fairness Stage Change",
		"actions": "Fairness Action Item",
		CLOCKS_TABLE: CLOCK_ROW,
	},
	"Fairness Incident": {
		"parties": "Fairness Case Party",
		"abuse_types": "Fairness Incident Abuse",
		"team": "Fairness Case Team Member",
		"stage_history": "Fairness Stage Change",
		"actions": "Fairness Action Item",
		CLOCKS_TABLE: CLOCK_ROW,
	},
}


def case_snapshots(doctype: str, names: list[str], nation: str) -> dict[str, CaseSnapshot]:
	"""Snapshots of many cases of one doctype at once (the sweep): a query for the cases and one for each table a
	snapshot reads, rather than every table of every case."""
	tables = SNAPSHOT_TABLES[doctype]
	# The sweep acts for the whole site; only what a snapshot reads leaves this function.
	cases = frappe.get_all(doctype, filters={"name": ("in", names)}, fields=["*"])  # access: the sweep, see above
	records = {
		record.name: frappe._dict(record, doctype=doctype, flags=frappe._dict(), **{table: [] for table in tables})
		for record in cases
	}
	for table, table_doctype in tables.items():
		wanted = {"parenttype": doctype, "parentfield": table, "parent": ("in", names)}
		for row in frappe.get_all(table_doctype, filters=wanted, fields=["*"], order_by="idx"):  # access: as above
			records[row.parent][table].append(row)
	return {name: case_snapshot(record, nation) for name, record in records.items()}


def team_of(doc) -> tuple[TeamMember, ...]:
	"""The case team; a part an administrator added to the form's list is left out, as plugins cannot know it."""
	return tuple(
		TeamMember(user=row.user, role=TEAM_ROLES[row.team_role])
		for row in doc.get("team") or ()
		if row.user and row.team_role in TEAM_ROLES
	)


def actions_of(doc) -> tuple[PlannedAction, ...]:
	"""The action plan, each action by its kind, owner and dates: never its details."""
	return tuple(
		PlannedAction(
			action=frappe.scrub(row.action),
			owner=row.assigned_to,
			due_on=frappe.utils.getdate(row.due_on),
			done_on=frappe.utils.getdate(row.done_on) if row.done_on else None,
		)
		for row in doc.get("actions") or ()
		if row.action and row.assigned_to and row.due_on
	)


def history_of(doc) -> tuple[StageMove, ...]:
	"""Who moved the case and when, without the reasons they gave (free text stays out of snapshots)."""
	return tuple(
		StageMove(row.from_state, row.to_state, by=row.changed_by, at=frappe.utils.get_datetime(row.changed_at))
		for row in doc.get("stage_history") or ()
		if row.changed_by and row.changed_at
	)


def complaint_details(doc) -> dict:
	return dict(
		case_type=CaseType.COMPLAINT,
		received_on=frappe.utils.getdate(doc.received_on),
		latest_incident_on=_date(doc.latest_incident_on),
		intake_channel=_key(doc.intake_channel),
		formality=_key(doc.formality),
		grounds=_keys(row.ground for row in doc.allegations),
		behaviours=_keys(row.behaviour for row in doc.allegations),
		harassment_types=_keys(row.harassment_type for row in doc.allegations),
		flags=_flags(doc, COMPLAINT_FLAGS) | _type_flags(doc.complaint_type),
		outcome=_key(doc.outcome),
		decided_on=_date(doc.outcome_on),
		appeal_received_on=_date(doc.appeal_received_on),
		appeal_outcome=_key(doc.appeal_outcome),
	)


def incident_details(doc) -> dict:
	return dict(
		case_type=CaseType.INCIDENT,
		received_on=frappe.utils.getdate(doc.reported_on),
		latest_incident_on=frappe.utils.getdate(doc.occurred_at),
		intake_channel=_key(doc.channel),
		grounds=_keys((doc.protected_characteristic,)),
		behaviours=_keys(row.abuse_type for row in doc.abuse_types),
		flags=_flags(doc, INCIDENT_FLAGS)
		| ({"repeat_perpetrator"} if doc.repeat_incidents else set())
		| ({"school"} if doc.workplace == "School" else set()),
	)


def _date(value):
	return frappe.utils.getdate(value) if value else None


def _key(value: str | None) -> str | None:
	"""A category as plugins match it: "Sex (including misogyny)" -> "sex_including_misogyny"."""
	return re.sub(r"[^a-z0-9]+", "_", value.lower()).strip("_") if value else None


def _keys(values) -> tuple[str, ...]:
	return tuple(sorted({_key(value) for value in values if value}))


def _type_flags(complaint_type: str | None) -> set[str]:
	return {COMPLAINT_TYPE_FLAGS[complaint_type]} if complaint_type in COMPLAINT_TYPE_FLAGS else set()


def _flags(doc, checks: dict[str, str]) -> set[str]:
	return {flag for fieldname, flag in checks.items() if doc.get(fieldname)}


def party_snapshot(row, line_managers: "LineManagers") -> PartySnapshot:
	return PartySnapshot(
		party_id=row.party,
		role=PARTY_ROLES[row.role],
		kind=PARTY_KINDS[row.party_type],
		user=row.user or None,
		manager_chain=manager_chain(row.line_manager, line_managers),
		tags=frozenset({"headteacher"} if row.is_headteacher else ()) | TERMS_TAGS.get(row.terms_of_employment, set()),
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
