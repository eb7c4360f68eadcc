"""KEN-2: Kent's kinds of incident, how the app's abuse types fall into them, and the perception test."""

import pytest
from fairness_app.procedure.clocks import ClockUnit
from fairness_app.testing import make_case, make_party, plugin_manager

from fairness_kent import Kent
from fairness_kent.taxonomy import BEHAVIOURS, Category, categories, describe, needs_meeting_within_24_hours

# The abuse types the app installs (fairness_app/setup/install.py), as the snapshot spells them.
APP_ABUSE_TYPES = {
	"physical_assault",
	"threats_or_violence",
	"verbal_abuse",
	"racial_abuse",
	"sexual_harassment",
	"disability_related_abuse",
	"homophobic_or_transphobic_abuse",
	"abuse_about_religion_or_belief",
	"other_hate_related_abuse",
	"intimidation_or_aggressive_behaviour",
	"harassment",
	"online_or_social_media_abuse",
	"offensive_images_or_graffiti",
	"offensive_jokes_or_banter",
	"damage_to_property_or_surroundings",
	"entrapment",
}


def incident(**fields):
	fields.setdefault("parties", [make_party("victim", "employee", user="sam", manager_chain=("mandy",))])
	return make_case(case_type="incident", procedure="third_party_incident", **fields)


@pytest.mark.req("KEN-2")
def test_every_abuse_type_the_app_installs_has_a_kent_kind():
	assert set(BEHAVIOURS) == APP_ABUSE_TYPES


@pytest.mark.req("KEN-2")
@pytest.mark.parametrize(
	"behaviour, kind",
	[
		("physical_assault", Category.VIOLENCE),  # including animals set on someone
		("threats_or_violence", Category.VIOLENCE),  # threats to staff or their families
		("verbal_abuse", Category.VIOLENCE),  # face to face or by phone: the HSE definition
		("harassment", Category.HARASSMENT),
		("racial_abuse", Category.RACIAL),
		("sexual_harassment", Category.SEXUAL),
		("disability_related_abuse", Category.DISABILITY),
		("homophobic_or_transphobic_abuse", Category.HOMOPHOBIC),
		("abuse_about_religion_or_belief", Category.OTHER),
		("other_hate_related_abuse", Category.OTHER),  # age, asylum seekers, refugees, gypsies and travellers
	],
)
def test_abuse_types_fall_into_kents_kinds(behaviour, kind):
	assert categories(incident(behaviours=[behaviour])) == (kind,)


@pytest.mark.req("KEN-2")
@pytest.mark.parametrize(
	"ground, kind",
	[
		("race", Category.RACIAL),
		("sexual_orientation", Category.HOMOPHOBIC),
		("gender_reassignment", Category.HOMOPHOBIC),
	],
)
def test_the_perception_test_makes_an_incident_racial_or_homophobic_whatever_the_abuse_type(ground, kind):
	# Shouting recorded as linked to race is a racial incident because someone saw it that way.
	case = incident(behaviours=["verbal_abuse"], grounds=[ground], flags={"hate_incident"})
	assert categories(case) == (Category.VIOLENCE, kind)


@pytest.mark.req("KEN-2")
def test_a_councils_own_abuse_type_counts_as_harassment_and_kinds_read_in_plain_words():
	assert categories(incident(behaviours=["spitting_at_the_window"])) == (Category.HARASSMENT,)
	case = incident(behaviours=["racial_abuse", "physical_assault"])
	assert describe(case) == "violence at work and racial harassment"
	assert describe(incident()) == "an incident (its type is not recorded yet)"


@pytest.mark.req("KEN-2", "KEN-4")
@pytest.mark.parametrize(
	"behaviours, flags, urgent",
	[
		(["physical_assault"], set(), True),
		(["threats_or_violence"], set(), True),
		(["verbal_abuse"], {"physical_contact"}, True),
		(["verbal_abuse"], {"serious_threat"}, True),
		(["verbal_abuse"], set(), False),
		(["racial_abuse", "offensive_images_or_graffiti"], {"hate_incident"}, False),
	],
)
def test_violence_and_threats_of_violence_call_for_a_meeting_within_24_hours(behaviours, flags, urgent):
	case = incident(behaviours=behaviours, flags=flags)
	assert needs_meeting_within_24_hours(case) is urgent
	(rule,) = plugin_manager(Kent()).clock_rules(case).value
	assert (rule.unit is ClockUnit.HOURS) is urgent
