"""Install the procedure templates as real Frappe Workflows, once each, so that `bench migrate` never undoes what a
council's administrators changed in the Workflow form.

Each procedure is added to its doctype's workflow the first time the app sees it (a template added in a later
release arrives on the next migrate); Fairness Settings remembers which have been added. After that the workflow
belongs to the council: states, actions and roles they rename, remove or add are left alone.
"""

import frappe
from frappe.custom.doctype.custom_field.custom_field import create_custom_fields

from fairness_app.procedure.snapshots import StageCategory
from fairness_app.workflows import ProcedureTemplate, load_templates, merged_states

WORKFLOW_NAMES = {
	"Fairness Complaint": "Fairness complaint procedures",
	"Fairness Incident": "Fairness incident procedure",
}
STATE_FIELD = "workflow_state"
# Who may edit a case in an open stage: any member of staff, as the case's own need-to-know rule decides who that
# is. Frappe's form asks this one role before it lets anyone edit.
EDITORS = "Desk User"
STATE_STYLES = {
	StageCategory.OPEN: "Primary",
	StageCategory.WAITING: "Warning",
	StageCategory.PAUSED: "Warning",
	StageCategory.CLOSED: "Success",
}

# What the app adds to Frappe's workflow forms: a state's category and event, a transition's extra rules.
WORKFLOW_FIELDS = {
	"Workflow Document State": [
		{
			"fieldname": "fairness_stage_category",
			"fieldtype": "Select",
			"label": "Stage category (Fairness)",
			"options": "\n" + "\n".join(category.value for category in StageCategory),
			"insert_after": "allow_edit",
			"in_list_view": 1,
			"columns": 1,
			"description": "open: deadlines run; waiting or paused: deadlines stop counting; closed: deadlines stop",
		},
		{
			"fieldname": "fairness_case_event",
			"fieldtype": "Data",
			"label": "Case event (Fairness)",
			"insert_after": "fairness_stage_category",
			"description": "Raised when a case enters this state: deadlines start and stop on it, e.g. acknowledged",
		},
	],
	"Workflow Transition": [
		{
			"fieldname": "fairness_handler_only",
			"fieldtype": "Check",
			"label": "Only the manager handling the case (Fairness)",
			"insert_after": "allow_self_approval",
		},
		{
			"fieldname": "fairness_reason_required",
			"fieldtype": "Check",
			"label": "A reason is required (Fairness)",
			"insert_after": "fairness_handler_only",
		},
	],
}


def ensure_workflows(templates: list[ProcedureTemplate] | None = None) -> None:
	create_custom_fields(WORKFLOW_FIELDS, ignore_validate=True)
	installed = set((frappe.db.get_single_value("Fairness Settings", "installed_procedures") or "").split())
	templates = [template for template in templates or load_templates() if template.procedure not in installed]
	for document_type in sorted({template.document_type for template in templates}):
		add_procedures(document_type, [template for template in templates if template.document_type == document_type])
	if templates:
		installed |= {template.procedure for template in templates}
		frappe.db.set_single_value("Fairness Settings", "installed_procedures", "\n".join(sorted(installed)))


def add_procedures(document_type: str, templates: list[ProcedureTemplate]) -> None:
	"""Add each procedure's states and moves to the doctype's workflow, creating it the first time."""
	name = WORKFLOW_NAMES[document_type]
	if frappe.db.exists("Workflow", name):
		workflow = frappe.get_doc("Workflow", name)
	else:
		workflow = frappe.new_doc("Workflow")
		workflow.update(
			{
				"workflow_name": name,
				"document_type": document_type,
				"workflow_state_field": STATE_FIELD,
				"is_active": 1,
				"send_email_alert": 0,
			}
		)
	known_states = {row.state for row in workflow.states}
	for stage in merged_states(templates):
		_ensure_master("Workflow State", stage.state, style=STATE_STYLES[stage.category])
		if stage.state not in known_states:
			workflow.append(
				"states",
				{
					"state": stage.state,
					"doc_status": "0",
					"allow_edit": EDITORS,
					"message": stage.message,
					"fairness_stage_category": stage.category.value,
					"fairness_case_event": stage.event,
				},
			)
			known_states.add(stage.state)
	for template in templates:
		for move in template.transitions:
			_ensure_master("Workflow Action Master", move.action)
			for role in move.allowed:
				workflow.append(
					"transitions",
					{
						"state": move.from_state,
						"action": move.action,
						"next_state": move.to_state,
						"allowed": role,
						"allow_self_approval": 1,  # independence is the handler and conflict rules' job, not ownership
						"condition": template.condition,
						"fairness_handler_only": int(move.handler_only),
						"fairness_reason_required": int(move.reason_required),
					},
				)
	workflow.save(ignore_permissions=True)  # access: installer, runs as Administrator during install and migrate


def _ensure_master(doctype: str, name: str, **fields) -> None:
	if frappe.db.exists(doctype, name):
		return
	name_field = "workflow_state_name" if doctype == "Workflow State" else "workflow_action_name"
	frappe.get_doc({"doctype": doctype, name_field: name, **fields}).insert(
		ignore_permissions=True  # access: installer, runs as Administrator during install and migrate
	)
