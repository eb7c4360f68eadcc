"""What Cumbria's Third Party Abuse and Harassment policy says about an incident, as plain questions on a case
snapshot: which kinds of abuse it names (CUM-2), when the police are to be contacted (CUM-5), what counts as a
hate incident or a course of conduct (CUM-11), and when a warning marker is to be considered (CUM-6)."""

from __future__ import annotations

from fairness_app.procedure.snapshots import CaseSnapshot, PartyKind, PartyRole, PartySnapshot

THIRD_PARTY_INCIDENT = "third_party_incident"

# The incident procedure's states (fairness_app/workflows/templates/third_party_incident.json).
REPORTED = "Reported"
MANAGER_MEETING_HELD = "Manager meeting held"
RISK_ASSESSMENT_REVIEWED = "Risk assessment reviewed"
ACTIONS_AGREED = "Actions agreed"
CLOSED = "Closed"
# Stages reached only after the manager's debrief, by which time the incident form must be complete (CUM-4).
AFTER_DEBRIEF = frozenset({RISK_ASSESSMENT_REVIEWED, ACTIONS_AGREED, CLOSED})

# CUM-2: the policy's examples of abuse, as the abuse types the app records them under (keys of the form's
# wording).
ABUSE_TYPES: dict[str, tuple[str, ...]] = {
	"Verbal and physical abuse": ("verbal_abuse", "physical_assault"),
	"Racial slurs": ("racial_abuse",),
	"Sexual advances": ("sexual_harassment",),
	"Violence or threat of violence": ("physical_assault", "threats_or_violence"),
	"Facial expressions or mimicry": ("intimidation_or_aggressive_behaviour",),
	"Aggressive behaviour": ("intimidation_or_aggressive_behaviour",),
	"Intimidation": ("intimidation_or_aggressive_behaviour",),
	"Discrimination": ("discrimination",),
	"Bullying": ("bullying",),
	"Harassment": ("harassment",),
	"Imagery or graffiti": ("offensive_images_or_graffiti",),
	"Jokes or banter": ("offensive_jokes_or_banter",),
	"Acts affecting a person's surroundings": ("damage_to_property_or_surroundings",),
	"Physical behaviour towards a person or their property": (
		"physical_assault",
		"damage_to_property_or_surroundings",
	),
	"Abuse online or on social media": ("online_or_social_media_abuse",),
	"Entrapment": ("entrapment",),
}
# CUM-2: online (including social media), in writing, face to face or over the phone.
CHANNELS = frozenset({"face_to_face", "phone", "online_or_social_media", "in_writing", "other"})

VIOLENCE_TYPES = frozenset({"physical_assault", "threats_or_violence"})
VIOLENCE_FLAGS = frozenset({"physical_contact", "serious_threat"})
# Abuse types that say hostility to who someone is: a hate incident whoever perceives it (CUM-11).
HATE_TYPES = frozenset(
	{
		"racial_abuse",
		"disability_related_abuse",
		"homophobic_or_transphobic_abuse",
		"abuse_about_religion_or_belief",
		"other_hate_related_abuse",
	}
)
# CUM-11: the five strands of the police and CPS hate crime definition; a hate incident may also be about
# being female (misogyny), older age or belonging to a subculture.
HATE_CRIME_GROUNDS = frozenset(
	{"race", "religion_or_belief", "sexual_orientation", "disability", "gender_reassignment"}
)
HATE_INCIDENT_GROUNDS = HATE_CRIME_GROUNDS | {"sex_including_misogyny", "age", "other_for_example_subculture"}

# CUM-1: the policy covers employees, agency and casual staff; abuse by one of them is bullying and harassment
# between colleagues, not third-party abuse.
STAFF = frozenset({PartyKind.EMPLOYEE, PartyKind.AGENCY_WORKER, PartyKind.CASUAL_WORKER})
# CUM-6: people a warning marker can be raised on (the app's markers are for the public and service users).
MARKER_KINDS = frozenset({PartyKind.SERVICE_USER, PartyKind.MEMBER_OF_PUBLIC})
# CUM-6: people who work for another organisation, whose employer is told.
OTHER_EMPLOYERS = frozenset({PartyKind.EXTERNAL_EMPLOYEE, PartyKind.CONTRACTOR})

HEADTEACHER = "headteacher"


def is_incident(case: CaseSnapshot) -> bool:
	return case.procedure == THIRD_PARTY_INCIDENT


def victim(case: CaseSnapshot) -> PartySnapshot | None:
	return case.first_party(PartyRole.VICTIM)


def headteacher_is_victim(case: CaseSnapshot) -> bool:
	"""CUM-1: a headteacher reports to the chair of governors, who takes the manager's steps."""
	person = victim(case)
	return person is not None and HEADTEACHER in person.tags


def in_school(case: CaseSnapshot) -> bool:
	return "school" in case.flags or headteacher_is_victim(case)


def subjects(case: CaseSnapshot) -> tuple[PartySnapshot, ...]:
	return case.parties_in(PartyRole.SUBJECT)


def staff_only_subjects(case: CaseSnapshot) -> bool:
	"""CUM-1: everyone named as responsible is a Council or School employee."""
	people = subjects(case)
	return bool(people) and all(person.kind in STAFF for person in people)


def named_third_party(case: CaseSnapshot) -> bool:
	"""CUM-6: a particular person outside the Council's staff is named as responsible."""
	return any(person.kind not in STAFF for person in subjects(case))


def violence_or_threat(case: CaseSnapshot) -> bool:
	return bool(VIOLENCE_FLAGS & case.flags or VIOLENCE_TYPES & set(case.behaviours))


def hate_related(case: CaseSnapshot) -> bool:
	return "hate_incident" in case.flags or bool(HATE_TYPES & set(case.behaviours))


def course_of_conduct(case: CaseSnapshot) -> bool:
	"""CUM-11: someone named in an earlier incident: harassment more than once, a course of conduct."""
	return "repeat_perpetrator" in case.flags


def possible_hate_crime(case: CaseSnapshot) -> bool:
	return hate_related(case) and (not case.grounds or bool(HATE_CRIME_GROUNDS & set(case.grounds)))


def police_reasons(case: CaseSnapshot) -> tuple[str, ...]:
	"""CUM-5: why the police are to be contacted (with the member of staff's agreement), or nothing."""
	reasons = []
	if violence_or_threat(case):
		reasons.append("violence or a threat of violence")
	if hate_related(case):
		reasons.append("a possible hate crime" if possible_hate_crime(case) else "a hate incident")
	if course_of_conduct(case):
		reasons.append("harassment by the same person more than once")
	return tuple(reasons)


def marker_reasons(case: CaseSnapshot) -> tuple[str, ...]:
	"""CUM-6: why a warning marker on the person responsible is to be considered; empty if it need not be."""
	if not any(person.kind in MARKER_KINDS for person in subjects(case)):
		return ()
	return police_reasons(case)


def works_elsewhere(case: CaseSnapshot) -> bool:
	"""CUM-6: someone responsible works for another organisation, whose senior manager is to be told."""
	return any(person.kind in OTHER_EMPLOYERS for person in subjects(case))


def in_words(items: tuple[str, ...]) -> str:
	"""("a", "b", "c") -> "a, b and c"."""
	return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"
