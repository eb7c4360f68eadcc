"""The plugin installs under its entry point and answers every hook in the shape the app checks."""

import dataclasses
import importlib.metadata
from datetime import datetime

import pytest
from fairness_er_consultant import ErConsultant

from fairness_app import roles
from fairness_app.plugins import FairnessPlugins, SiteConfig
from fairness_app.procedure.snapshots import CaseEvent, Transition
from fairness_app.testing import make_case, make_party, plugin_manager

STATES = ("Received", "Acknowledged", "Complaint meeting", "Investigation", "Decision sent", "Appeal")
STATES += ("Appeal meeting", "Closed", "Withdrawn")


def staff_complaint(**fields):
	parties = [
		make_party("complainant", "employee", user="emma@council.test", manager_chain=("lee@council.test",)),
		make_party("subject", "employee", user="sam@council.test"),
	]
	return make_case(parties=parties, behaviours=("harassment",), **fields)


@pytest.mark.req("FHB-3")
def test_the_entry_point_is_declared_and_a_site_that_enables_it_uses_it():
	(entry_point,) = [
		ep for ep in importlib.metadata.entry_points(group="fairness_app") if ep.name == "er_consultant"
	]
	assert entry_point.value == "fairness_er_consultant:ErConsultant"
	assert entry_point.load() is ErConsultant
	site = FairnessPlugins.for_site(SiteConfig(plugins=("er_consultant",)))
	assert site.names == ["er_consultant", "builtin"] and site.load_failures == []
	assert site.route_case(staff_complaint(formality="formal")).decided_by == "er_consultant"


@pytest.mark.req("FHB-1", "FHB-4", "FHB-7", "FHB-12")
@pytest.mark.parametrize("formality", ["formal", "informal", None])
def test_every_answer_passes_the_apps_own_checks(formality):
	"""A strict manager raises PluginFailed when a plugin errs or answers with the wrong type."""
	plugins = plugin_manager(ErConsultant())
	case = staff_complaint(formality=formality)
	route = plugins.route_case(case)
	assert route.decided_by == "er_consultant"
	case = dataclasses.replace(case, procedure=route.value.procedure, reference="FC/2026-27/0001")
	assert plugins.clock_rules(case).decided_by == "er_consultant"
	assert plugins.meeting_rules(case).decided_by == "er_consultant"
	for to_state in STATES:
		transition = Transition("Move", "Received", to_state, "sam@council.test", {roles.APPEAL_OFFICER})
		for veto in plugins.validate_transition(case, transition):
			assert veto.plugin == "er_consultant" and veto.message.endswith(".")
		event = CaseEvent("stage_changed", datetime(2026, 6, 1, 10), stage=to_state)
		assert plugins.notifications(case, event).failures == ()
	assert plugins.notifications(case, CaseEvent("recorded", datetime(2026, 4, 1, 9))).failures == ()
