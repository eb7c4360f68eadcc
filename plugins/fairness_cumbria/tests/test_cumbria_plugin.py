"""The plugin as the app finds and checks it: declared under the "cumbria" entry point, every answer of the
types the app expects, its clocks and checks tied to the incident procedure's real states and events, and the
policy's abuse types and channels (CUM-2) behind its rules."""

from __future__ import annotations

import json
from datetime import datetime
from importlib import resources
from importlib.metadata import entry_points

import pytest
from fairness_cumbria import Cumbria, clocks, policy

from fairness_app.plugins import FairnessPlugins, SiteConfig
from fairness_app.procedure.clocks import ClockAlert, ClockStatus
from fairness_app.procedure.snapshots import CaseEvent, Transition
from fairness_app.testing import make_case, make_party, plugin_manager

TEMPLATE = json.loads(
	resources.files("fairness_app").joinpath("workflows/templates/third_party_incident.json").read_text()
)
AT = datetime(2026, 4, 1, 10)


def every_kind_of_incident():
	"""Incidents touching every branch of the plugin."""
	victims = [
		make_party("victim", "employee", user="staff", manager_chain=("manager", "senior")),
		make_party("victim", "casual_worker", manager_chain=("chair",), tags=("headteacher",)),
		make_party("victim", "agency_worker"),
	]
	subjects = [
		None,
		"service_user",
		"member_of_public",
		"external_employee",
		"contractor",
		"employee",
		"councillor",
	]
	flag_sets = [
		(),
		("physical_contact", "hate_incident", "repeat_perpetrator", "school", "service_withdrawn"),
	]
	for victim in victims:
		for subject in subjects:
			for flags in flag_sets:
				parties = [victim] + ([make_party("subject", subject)] if subject else [])
				yield make_case(
					case_type="incident",
					procedure="third_party_incident",
					parties=parties,
					flags=flags,
					behaviours=("racial_abuse",),
				)


@pytest.mark.req("X-5")
def test_the_entry_point_is_declared_and_loads():
	[entry_point] = [ep for ep in entry_points(group="fairness_app") if ep.name == "cumbria"]
	assert entry_point.value == "fairness_cumbria:Cumbria"
	failures = []
	site = FairnessPlugins.for_site(SiteConfig(plugins=("cumbria",)), on_failure=failures.append)
	assert failures == []
	assert site.names == ["cumbria", "builtin"]
	assert site.route_case(next(every_kind_of_incident())).decided_by == "cumbria"


@pytest.mark.req("X-5")
def test_every_answer_passes_the_apps_own_checks():
	# A strict manager raises PluginFailed the moment an answer is of the wrong type or a hook raises.
	plugins = plugin_manager(Cumbria(), strict=True)
	events = [CaseEvent("received", AT), CaseEvent("closed", AT)]
	events += [CaseEvent("stage_changed", AT, stage=state["state"]) for state in TEMPLATE["states"]]
	moves = [Transition(t["action"], t["from"], t["to"], user="manager") for t in TEMPLATE["transitions"]]
	for case in every_kind_of_incident():
		assert plugins.route_case(case).decided_by == "cumbria"
		rules = plugins.clock_rules(case).value
		for status in (ClockStatus.DUE, ClockStatus.MISSED):
			clock = rules[0].start(AT)
			plugins.clock_escalation(case, ClockAlert(clock, status, clock.due(plugins.calendar), AT))
		for event in events:
			plugins.notifications(case, event)
		for move in moves:
			plugins.validate_transition(case, move)


@pytest.mark.req("CUM-4", "CUM-8", "CUM-10")
def test_the_clocks_start_and_stop_on_events_the_incident_procedure_raises():
	events = {state["event"] for state in TEMPLATE["states"]}
	for rule in clocks.RULES:
		assert rule.starts_on in events | {"received"}
		assert set(rule.stops_on) <= events
	assert len({rule.key for rule in clocks.RULES}) == len(clocks.RULES)


@pytest.mark.req("CUM-10", "CUM-7")
def test_the_states_the_plugin_names_are_the_incident_procedures():
	states = {state["state"] for state in TEMPLATE["states"]}
	named = {policy.REPORTED, policy.MANAGER_MEETING_HELD, policy.ACTIONS_AGREED} | policy.AFTER_DEBRIEF
	assert named <= states
	moves = {(t["from"], t["to"]) for t in TEMPLATE["transitions"]}
	assert (policy.MANAGER_MEETING_HELD, policy.ACTIONS_AGREED) in moves  # the shortcut CUM-10 refuses


@pytest.mark.req("CUM-2")
def test_the_policys_abuse_types_and_channels_are_recognised():
	assert len(policy.ABUSE_TYPES) == 16
	assert policy.CHANNELS >= {"face_to_face", "phone", "online_or_social_media", "in_writing"}
	# Its examples of violence and of hostility to who someone is drive the police, marker and hate rules.
	violent = make_case(case_type="incident", behaviours=policy.ABUSE_TYPES["Violence or threat of violence"])
	assert policy.violence_or_threat(violent)
	slurs = make_case(case_type="incident", behaviours=policy.ABUSE_TYPES["Racial slurs"])
	assert policy.hate_related(slurs)
	banter = make_case(case_type="incident", behaviours=policy.ABUSE_TYPES["Jokes or banter"])
	assert policy.police_reasons(banter) == ()
