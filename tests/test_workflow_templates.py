"""The procedure templates the app installs as Frappe workflows: one for every built-in route, each state meaning
the same wherever it is shared, moves only between known states by known roles, and broken templates refused with
a message saying what is wrong."""

import json

import pytest

from fairness_app import roles
from fairness_app.procedure import defaults
from fairness_app.procedure.snapshots import StageCategory
from fairness_app.workflows import load_templates, merged_states

TEMPLATES = {template.procedure: template for template in load_templates()}


@pytest.mark.req("X-5")
def test_every_built_in_route_has_a_procedure_template():
	for procedure in (
		defaults.PUBLIC_COMPLAINT,
		defaults.STAFF_COMPLAINT,
		defaults.COUNCILLOR_REFERRAL,
		defaults.THIRD_PARTY_INCIDENT,
	):
		assert procedure in TEMPLATES
	assert "er_consultant_formal" in TEMPLATES  # FHB-1 to FHB-15, chosen by the ER consultant's plugin


@pytest.mark.req("SOM-14", "DER-9", "FHB-4", "KEN-4")
def test_the_built_in_deadlines_are_met_by_a_stage_of_their_procedure():
	events = {procedure: {stage.event for stage in template.states} for procedure, template in TEMPLATES.items()}
	for procedure in ("public_complaint", "staff_complaint", "er_consultant_formal", "former_employee_two_step"):
		assert set(defaults.ACKNOWLEDGEMENT.stops_on) & events[procedure], procedure
	assert set(defaults.MANAGER_MEETING.stops_on) <= events[defaults.THIRD_PARTY_INCIDENT]


@pytest.mark.req("SOM-10", "DER-1")
def test_a_complaint_about_a_councillor_is_referred_and_closed_here():
	template = TEMPLATES[defaults.COUNCILLOR_REFERRAL]
	closing = {stage.state for stage in template.states if stage.category is StageCategory.CLOSED}
	assert {move.to_state for move in template.transitions} <= closing


@pytest.mark.req("DER-7", "FHB-3", "KEN-4")
def test_moves_are_made_by_fairness_roles_and_backward_moves_need_a_reason():
	for template in TEMPLATES.values():
		for move in template.transitions:
			assert set(move.allowed) <= set(roles.ALL), (template.procedure, move.action)
			if move.action in {"Reopen", "Withdraw", "Put on hold", "Investigate further"}:
				assert move.reason_required, (template.procedure, move.action)


def test_each_doctype_has_one_first_state_and_shared_states_agree():
	for document_type in {template.document_type for template in TEMPLATES.values()}:
		states = merged_states([t for t in TEMPLATES.values() if t.document_type == document_type])
		assert states[0].state == {"Fairness Complaint": "Received", "Fairness Incident": "Reported"}[document_type]


def write(folder, name, **changes):
	template = {
		"procedure": name,
		"title": "A procedure",
		"document_type": "Fairness Complaint",
		"requirements": [],
		"states": [
			{"state": "Received", "category": "open", "event": "received"},
			{"state": "Closed", "category": "closed", "event": "closed"},
		],
		"transitions": [{"from": "Received", "action": "Close", "to": "Closed", "allowed": [roles.CASE_OFFICER]}],
		**changes,
	}
	(folder / f"{name}.json").write_text(json.dumps(template))


@pytest.mark.parametrize(
	"changes, message",
	[
		({"transitions": [{"from": "Received", "action": "Close", "to": "Shut", "allowed": ["x"]}]}, "unknown state"),
		({"transitions": []}, r"nothing leads to \['Closed'\]"),
		(
			{"states": [{"state": "Received", "category": "open", "event": "Got it"}]},
			"lower case words joined by underscores",
		),
	],
)
def test_a_broken_template_is_refused_saying_what_is_wrong(tmp_path, changes, message):
	write(tmp_path, "broken", **changes)
	with pytest.raises(ValueError, match=message):
		load_templates(tmp_path)


def test_two_procedures_cannot_give_one_state_two_meanings(tmp_path):
	write(tmp_path, "first")
	write(
		tmp_path,
		"second",
		states=[
			{"state": "Received", "category": "open", "event": "received"},
			{"state": "Closed", "category": "paused", "event": "closed"},
		],
	)
	with pytest.raises(ValueError, match="'Closed' means different things"):
		load_templates(tmp_path)
