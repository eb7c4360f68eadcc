"""KEN-2: the kinds of incident Kent's Respect and Dignity at Work guidance names, and which of the app's
abuse types (the snapshot's `behaviours`) and linked grounds fall in each.

Racial and homophobic or transphobic incidents follow the perception test: an incident is one if the member of
staff or anyone else sees it that way, so a recorded link to race, sexual orientation or gender reassignment
is enough, whatever the person responsible meant.
"""

from __future__ import annotations

from enum import Enum

from fairness_app.procedure.snapshots import CaseSnapshot


class Category(str, Enum):
	"""Kent's kinds of incident, in the order the guidance lists them. Values are shown to staff."""

	VIOLENCE = "violence at work"  # the HSE definition: abused, threatened or assaulted because of work
	HARASSMENT = "harassment"
	RACIAL = "racial harassment"
	SEXUAL = "sexual harassment"
	DISABILITY = "disability harassment"
	HOMOPHOBIC = "homophobic or transphobic harassment"
	OTHER = (
		"other harassment (such as religion or belief, age, asylum seekers, refugees, gypsies and travellers)"
	)


# The app's abuse types as the snapshot spells them -> Kent's kind of incident.
BEHAVIOURS: dict[str, Category] = {
	"physical_assault": Category.VIOLENCE,  # includes an animal set on someone by its owner or keeper
	"threats_or_violence": Category.VIOLENCE,  # threats to the member of staff or their family
	"verbal_abuse": Category.VIOLENCE,  # the HSE counts verbal aggression, face to face or by phone
	"intimidation_or_aggressive_behaviour": Category.VIOLENCE,  # being threatened
	"harassment": Category.HARASSMENT,
	"online_or_social_media_abuse": Category.HARASSMENT,
	"offensive_images_or_graffiti": Category.HARASSMENT,
	"offensive_jokes_or_banter": Category.HARASSMENT,
	"damage_to_property_or_surroundings": Category.HARASSMENT,
	"entrapment": Category.HARASSMENT,
	"racial_abuse": Category.RACIAL,
	"sexual_harassment": Category.SEXUAL,
	"disability_related_abuse": Category.DISABILITY,
	"homophobic_or_transphobic_abuse": Category.HOMOPHOBIC,
	"abuse_about_religion_or_belief": Category.OTHER,
	"other_hate_related_abuse": Category.OTHER,
}

# The incident's "Linked to" ground -> Kent's kind of incident. Recording the link is the perception.
GROUNDS: dict[str, Category] = {
	"race": Category.RACIAL,
	"sexual_orientation": Category.HOMOPHOBIC,
	"gender_reassignment": Category.HOMOPHOBIC,
	"disability": Category.DISABILITY,
	"religion_or_belief": Category.OTHER,
	"age": Category.OTHER,
	"other_for_example_subculture": Category.OTHER,
}

# KEN-4: physical contact, a significant or serious threat, violence or threats of it: meet within 24 hours.
URGENT_FLAGS = frozenset({"physical_contact", "serious_threat"})
URGENT_BEHAVIOURS = frozenset({"physical_assault", "threats_or_violence"})


def categories(case: CaseSnapshot) -> tuple[Category, ...]:
	"""Kent's kinds of incident for this case, in the guidance's order. An abuse type a council added in the
	desk and not listed here counts as harassment: unwanted conduct that the guidance covers."""
	found = {BEHAVIOURS.get(behaviour, Category.HARASSMENT) for behaviour in case.behaviours}
	found |= {GROUNDS[ground] for ground in case.grounds if ground in GROUNDS}
	return tuple(category for category in Category if category in found)


def describe(case: CaseSnapshot) -> str:
	"""The kinds of incident in plain words, for messages: "violence at work and racial harassment"."""
	names = [category.value for category in categories(case)]
	if not names:
		return "an incident (its type is not recorded yet)"
	return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def needs_meeting_within_24_hours(case: CaseSnapshot) -> bool:
	return bool(case.flags & URGENT_FLAGS or URGENT_BEHAVIOURS.intersection(case.behaviours))


def is_serious(case: CaseSnapshot) -> bool:
	"""KEN-7's serious cases: a threat of violence or an assault, or a campaign of unacceptable behaviour (the
	same person named in an earlier incident)."""
	return needs_meeting_within_24_hours(case) or "repeat_perpetrator" in case.flags
