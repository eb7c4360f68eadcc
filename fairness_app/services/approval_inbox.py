"""Frappe's approval inbox (Workflow Action) for cases: the same records Frappe keeps, written by the app first.

Frappe's own on_update hook (workflow_action.process_workflow_actions) looks up the target state of every move out
of the case's stage by filters its document cache cannot hold, and evaluates every move's condition on a fresh copy
of the whole case: two queries and a copy per possible move (eleven out of "Received") on every save, most of the
cost of recording a case. Frappe runs a record's own on_update before the hooks, so the case writes the inbox record
here from the workflow Frappe already caches; the hook then finds it in place and stops.
"""

import frappe
from frappe.desk.notifications import clear_doctype_notifications
from frappe.model.workflow import get_workflow_name, get_workflow_safe_globals, send_email_alert
from frappe.utils.background_jobs import enqueue
from frappe.workflow.doctype.workflow_action.workflow_action import (
	is_workflow_action_already_created,
	send_workflow_action_email,
	update_completed_workflow_actions,
)

# The fields of a move that Frappe's inbox and its emails read.
MOVE_FIELDS = ("allowed", "action", "state", "allow_self_approval", "next_state", "condition")


def keep_inbox(doc) -> None:
	"""What process_workflow_actions does on a save, in the same order."""
	name = get_workflow_name(doc.doctype)
	new_case = doc.flags.in_insert  # nothing waits on a case recorded just now
	if not name or (not new_case and is_workflow_action_already_created(doc)):
		return
	workflow = frappe.get_cached_doc("Workflow", name)
	state = doc.get(workflow.workflow_state_field)
	if not new_case:
		update_completed_workflow_actions(doc, workflow=name, workflow_state=state)
	clear_doctype_notifications("Workflow Action")
	moves = next_moves(workflow, state, doc)
	if not moves:
		return
	_open_action(doc, state, {move.allowed for move in moves})
	if send_email_alert(name):
		enqueue(
			send_workflow_action_email,
			queue="short",
			doc=doc,
			transitions=moves,
			enqueue_after_commit=True,
			now=frappe.flags.in_test,
		)


def next_moves(workflow, state: str, doc) -> list[frappe._dict]:
	"""The moves Frappe's get_next_possible_transitions offers out of `state`: those not into an optional state
	whose condition holds, each distinct condition evaluated once on one copy of the case."""
	optional = {row.state for row in workflow.states if row.is_optional_state}
	verdicts, context = {}, None
	moves = []
	for row in workflow.transitions:
		if row.state != state or row.next_state in optional:
			continue
		if row.condition and row.condition not in verdicts:
			context = context or {"doc": doc.as_dict()}
			verdicts[row.condition] = frappe.safe_eval(row.condition, get_workflow_safe_globals(), context)
		if not row.condition or verdicts[row.condition]:
			moves.append(frappe._dict({field: row.get(field) for field in MOVE_FIELDS}))
	return moves


def _open_action(doc, state: str, roles: set[str]) -> None:
	"""Frappe's create_workflow_actions_for_roles, written straight to the database: a Workflow Action has no
	logic of its own, and the case, its doctype and the workflow's roles are known to exist."""
	action = frappe.get_doc(
		{
			"doctype": "Workflow Action",
			"reference_doctype": doc.doctype,
			"reference_name": doc.name,
			"workflow_state": state,
			"status": "Open",
			"permitted_roles": [{"role": role} for role in sorted(roles)],
		}
	)
	action.set_new_name()
	action.set_user_and_timestamp()
	action.set_parent_in_children()
	action.db_insert()
	for row in action.permitted_roles:
		row.db_insert()
