"""What a plugin is allowed to know about a case: frozen, plain data built by the app from the live records.

Snapshots hold only what the hooks need to decide: categories, dates, codes and site user ids. They carry no names
of people and no personal free text (the allegation, the statements, the equality details), so a council plugin
cannot leak what it never receives.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum

from fairness_app.procedure.calendar import as_date


class CaseType(str, Enum):
	COMPLAINT = "complaint"
	INCIDENT = "incident"


class PartyRole(str, Enum):
	"""A person's part in one case; the same person may play another part in another case."""

	COMPLAINANT = "complainant"
	SUBJECT = "subject"  # the alleged perpetrator
	WITNESS = "witness"
	COMPANION = "companion"
	REPORTER = "reporter"  # reports on someone's behalf (SOM-6)
	VICTIM = "victim"


class PartyKind(str, Enum):
	EMPLOYEE = "employee"
	FORMER_EMPLOYEE = "former_employee"
	SERVICE_USER = "service_user"
	MEMBER_OF_PUBLIC = "member_of_public"
	COUNCILLOR = "councillor"
	CONTRACTOR = "contractor"
	AGENCY_WORKER = "agency_worker"
	CASUAL_WORKER = "casual_worker"
	SCHOOL_GOVERNOR = "school_governor"
	JOB_APPLICANT = "job_applicant"
	EXTERNAL_EMPLOYEE = "external_employee"  # works for another organisation (CUM-6)


class StageCategory(str, Enum):
	"""What a workflow state means for the clocks."""

	OPEN = "open"
	WAITING = "waiting"  # waiting on a party
	PAUSED = "paused"
	CLOSED = "closed"


@dataclass(frozen=True)
class PartySnapshot:
	party_id: str  # the Fairness Party record, an opaque id
	role: PartyRole
	kind: PartyKind
	user: str | None = None  # the site user, where the person has one
	manager_chain: tuple[str, ...] = ()  # site users from the line manager upwards
	tags: frozenset[str] = frozenset()  # e.g. {"headteacher"}, {"chief_officer"}, {"jnc"}, {"teacher"}

	def __post_init__(self):
		object.__setattr__(self, "role", PartyRole(self.role))
		object.__setattr__(self, "kind", PartyKind(self.kind))
		object.__setattr__(self, "manager_chain", tuple(self.manager_chain))
		object.__setattr__(self, "tags", frozenset(self.tags))

	@property
	def line_manager(self) -> str | None:
		return self.manager_chain[0] if self.manager_chain else None


class TeamRole(str, Enum):
	"""A staff member's part in working one case, as the case team records it."""

	HANDLER = "handler"  # handles the case: the manager or adviser it was routed to
	CASE_OFFICER = "case_officer"
	MANAGER = "manager"
	INVESTIGATOR = "investigator"
	COMPLAINT_CHAIR = "complaint_chair"  # chairs the formal complaint meeting or hearing
	APPEAL_OFFICER = "appeal_officer"
	RECORDER = "recorder"  # recorded the case
	KEPT_INFORMED = "kept_informed"


@dataclass(frozen=True)
class TeamMember:
	user: str  # the site user
	role: TeamRole

	def __post_init__(self):
		object.__setattr__(self, "role", TeamRole(self.role))


@dataclass(frozen=True)
class StageMove:
	"""One earlier move in the case's stage history: who made it, and when."""

	from_stage: str
	to_stage: str
	by: str  # the site user who made the move
	at: datetime


@dataclass(frozen=True)
class PlannedAction:
	"""One action in the case's action plan (SOM-15, CUM-6), without its details."""

	action: str  # the kind of action, e.g. "apology", "written_warning"
	owner: str  # the site user who is to do it
	due_on: date
	done_on: date | None = None


@dataclass(frozen=True)
class Officer:
	"""A member of staff working the case, as far as references and routing need: user id and initials."""

	user: str
	initials: str = ""


@dataclass(frozen=True)
class Deadline:
	"""One of the case's deadlines (a running or stopped clock) as it stands when the snapshot is taken: the rule it
	follows, when it started, when it falls due (a day, or a moment for a deadline in hours; None while the clock
	is paused, as the deadline is not yet known) and when it was met or stopped."""

	key: str  # the clock rule's key, e.g. "cf2_appeal"
	started_at: datetime
	due: date | datetime | None
	met_at: datetime | None = None
	cancelled_at: datetime | None = None

	@property
	def is_running(self) -> bool:
		return self.met_at is None and self.cancelled_at is None

	def is_late(self, moment: date | datetime) -> bool:
		"""Whether something done at `moment` comes after this deadline: on a later day for a deadline in days, at
		a later moment for one in hours (a plain date counts as its whole day). False while the deadline is not
		known."""
		if self.due is None:
			return False
		if isinstance(self.due, datetime) and isinstance(moment, datetime):
			return moment > self.due
		return as_date(moment) > as_date(self.due)


@dataclass(frozen=True)
class CaseSnapshot:
	case_id: str
	case_type: CaseType
	received_on: date
	reference: str | None = None
	procedure: str | None = None  # the workflow template key, once routed
	stage: str | None = None  # the workflow state
	stage_category: StageCategory | None = None
	latest_incident_on: date | None = None
	directorate: str | None = None  # directorate code, e.g. "CEO" (SOM-11)
	service_area: str | None = None
	intake_channel: str | None = None  # letter, phone, face_to_face, email, website
	formality: str | None = None  # "informal" or "formal" (SOM-4, FHB-1)
	grounds: tuple[str, ...] = ()  # protected characteristics or other grounds alleged
	behaviours: tuple[str, ...] = ()  # behaviour or abuse types
	harassment_types: tuple[str, ...] = ()  # how it happened: "spoken", "online_or_social_media", "sexual"
	parties: tuple[PartySnapshot, ...] = ()
	case_officer: Officer | None = None
	team: tuple[TeamMember, ...] = ()  # the staff working the case and their parts in it
	history: tuple[StageMove, ...] = ()  # every move so far, oldest first (not the move being attempted)
	actions: tuple[PlannedAction, ...] = ()  # the action plan: what will be done, by whom and by when
	conflicted_users: frozenset[str] = frozenset()  # declared conflicts of interest (KEN-10)
	flags: frozenset[str] = frozenset()  # e.g. "physical_contact", "hate_incident", "under_17"
	deadlines: tuple[Deadline, ...] = ()  # every clock the case has had, running or stopped
	outcome: str | None = None  # "upheld", "partly_upheld", "not_upheld", "withdrawn", "not_completed"
	decided_on: date | None = None  # the day the outcome was decided
	appeal_received_on: date | None = None
	appeal_outcome: str | None = None
	closed_on: date | None = None
	legal_hold: bool = False
	nation: str = "ENG"

	def __post_init__(self):
		object.__setattr__(self, "case_type", CaseType(self.case_type))
		if self.stage_category is not None:
			object.__setattr__(self, "stage_category", StageCategory(self.stage_category))
		for name in ("grounds", "behaviours", "harassment_types", "parties", "team", "history", "actions", "deadlines"):
			object.__setattr__(self, name, tuple(getattr(self, name)))
		for name in ("conflicted_users", "flags"):
			object.__setattr__(self, name, frozenset(getattr(self, name)))

	@property
	def label(self) -> str:
		"""How errors and logs name the case: its reference, or its record id before it has one."""
		return self.reference or self.case_id

	def parties_in(self, *roles: PartyRole | str) -> tuple[PartySnapshot, ...]:
		wanted = {PartyRole(role) for role in roles}
		return tuple(party for party in self.parties if party.role in wanted)

	def first_party(self, role: PartyRole | str) -> PartySnapshot | None:
		found = self.parties_in(role)
		return found[0] if found else None

	def deadline(self, key: str) -> Deadline | None:
		"""The case's deadline from the clock rule `key`, or None if that clock has not started."""
		return next((deadline for deadline in self.deadlines if deadline.key == key), None)

	def team_in(self, *roles: TeamRole | str) -> frozenset[str]:
		"""Site users on the case team in any of `roles`."""
		wanted = {TeamRole(role) for role in roles}
		return frozenset(member.user for member in self.team if member.role in wanted)

	def moved_into(self, *stages: str) -> frozenset[str]:
		"""Site users who have moved the case into any of `stages`, such as the manager who sent the decision."""
		return frozenset(move.by for move in self.history if move.to_stage in stages)

	def involved_users(self) -> frozenset[str]:
		"""Site users who are parties to the case or have declared a conflict: never its handlers."""
		return frozenset(p.user for p in self.parties if p.user) | self.conflicted_users


@dataclass(frozen=True)
class Transition:
	"""A workflow move being attempted, as validators see it."""

	action: str
	from_state: str
	to_state: str
	user: str
	user_roles: frozenset[str] = frozenset()
	from_category: StageCategory | None = None
	to_category: StageCategory | None = None
	reason: str = ""
	at: datetime | None = None

	def __post_init__(self):
		object.__setattr__(self, "user_roles", frozenset(self.user_roles))


# The case events the app itself raises (a workflow state can raise its own, for clocks).
RECEIVED, STAGE_CHANGED, CLOSED = "received", "stage_changed", "closed"
MADE_FORMAL = "made_formal"  # a complaint recorded as informal is now formal
# An interview record (DER-14) given, and sent to the person interviewed for signature: each event is about one record.
INTERVIEW_RECORD_TAKEN, INTERVIEW_RECORD_SENT = "interview_record_taken", "interview_record_sent"
# A disciplinary hearing held after the complaint, and a copy of the letter confirming its outcome received (DER-16).
DISCIPLINARY_HEARING_HELD, DISCIPLINARY_LETTER_RECEIVED = "disciplinary_hearing_held", "disciplinary_letter_received"
# Both sides' written statements of case for an appeal hearing are in (DER-17).
STATEMENTS_OF_CASE_RECEIVED = "statements_of_case_received"
CLOCK_MISSED, CLOCK_EXTENDED = "clock_missed", "clock_extended"


@dataclass(frozen=True)
class CaseEvent:
	"""Something that happened on a case: it starts and stops clocks and may call for notifications."""

	name: str  # e.g. "received", "acknowledged", "stage_changed", "clock_missed", "closed"
	at: datetime
	stage: str | None = None
	detail: tuple[tuple[str, str], ...] = field(default=())  # non-personal specifics, e.g. (("clock", "ack"),)
