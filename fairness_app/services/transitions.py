"""Moving a case to another stage through its Frappe workflow: what the workflow form cannot say by itself (only the
manager handling the case, a reason for backward moves and overrides, the council plugins' objections), the stage
history, and the clocks.

Frappe checks that the move exists for the user's role after the case's own validation; this runs inside that
validation, so a refused move changes nothing.
"""

import dataclasses
import html
from datetime import datetime

import frappe
from frappe import _
from frappe.model.workflow import get_workflow_name, is_transition_condition_satisfied
from frappe.utils import get_datetime, getdate

from fairness_app.permissions import SUPERUSER
from fairness_app.procedure.calendar import happened_on
from fairness_app.procedure.snapshots import StageCategory, Transition
from fairness_app.procedure.stages import clocks_after_stage_change
from fairness_app.services import outbox
from fairness_app.services.clocks import read_clocks, write_clocks
from fairness_app.services.intake import QUESTIONNAIRE
from fairness_app.services.plugin_registry import get_plugins
from fairness_app.services.snapshots import case_snapshot

HANDLER = "Handles the case"

# Moves whose event happened on a day the case records, which may be before the move is made: an appeal form that
# arrived in time meets the deadline to appeal, however late the move is made.
RECORDED_DAYS = {"appeal_received": "appeal_received_on"}


def apply_stage_change(doc) -> None:
	workflow = _active_workflow(doc.doctype)
	if workflow is None:
		return
	state_field = workflow.workflow_state_field
	if doc.is_new():
		doc.set(state_field, doc.get(state_field) or workflow.states[0].state)
		doc.stage_category = _stage(workflow, doc.get(state_field))[0].value
		return
	before = doc.get_doc_before_save()
	from_state, to_state = before.get(state_field) if before else None, doc.get(state_field)
	if not from_state or from_state == to_state:
		return
	user, user_roles = frappe.session.user, frappe.get_roles()
	move = _move(workflow, before, from_state, to_state, user_roles)
	if move is None:
		return  # not a move this user may make: Frappe refuses it with its own message next
	now = frappe.utils.now_datetime()
	reason = (doc.stage_change_reason or "").strip()
	_check_handler(doc, move, user)
	if move.fairness_reason_required and not reason:
		frappe.throw(
			_("Say why you are choosing '{0}'. Write it under Reason for the next move; it is kept in the stage history.").format(
				_(move.action)
			),
			title=_("Reason needed"),
		)
	from_category, _event = _stage(workflow, from_state)
	to_category, event = _stage(workflow, to_state)
	plugins = get_plugins()
	case = dataclasses.replace(
		case_snapshot(doc, plugins.config.nation), stage=to_state, stage_category=to_category
	)
	transition = Transition(
		action=move.action,
		from_state=from_state,
		to_state=to_state,
		user=user,
		user_roles=user_roles,
		from_category=from_category,
		to_category=to_category,
		reason=reason,
		at=now,
	)
	if vetoes := plugins.validate_transition(case, transition):
		frappe.throw("<br>".join(html.escape(veto.message, quote=False) for veto in vetoes), title=_("Not moved"))

	doc.stage_category = to_category.value
	doc.append(
		"stage_history",
		{
			"from_state": from_state,
			"action": move.action,
			"to_state": to_state,
			"changed_by": user,
			"changed_at": now,
			"reason": reason or None,
		},
	)
	doc.stage_change_reason = None
	outbox.stage_changed(doc, case, now)
	if QUESTIONNAIRE not in case.flags:  # a questionnaire runs no deadlines (DER-22)
		rules, at = plugins.clock_rules(case).value, _happened_at(doc, event, now)
		clocks = clocks_after_stage_change(read_clocks(doc), rules, event, to_category, at, reason)
		write_clocks(doc, clocks, plugins.calendar, now)


def _happened_at(doc, event: str, now: datetime) -> datetime:
	"""When the move's event happened: late on the day the case records for it, if that is before today, but never
	before the move before this one (the last row of the stage history is this move's own); else now."""
	day = doc.get(RECORDED_DAYS.get(event, ""))
	happened = happened_on(getdate(day), now) if day else now
	if happened == now:
		return now
	previous = doc.stage_history[-2].changed_at if len(doc.stage_history) > 1 else None
	return max(happened, get_datetime(previous)) if previous else happened


def _active_workflow(doctype: str):
	name = get_workflow_name(doctype)
	return frappe.get_cached_doc("Workflow", name) if name else None


def _move(workflow, before, from_state: str, to_state: str, user_roles: list[str]):
	"""The workflow row for this move that applies to this case and user (the procedure's own, for their role)."""
	for row in workflow.transitions:
		if (row.state, row.next_state) == (from_state, to_state) and row.allowed in user_roles:
			if is_transition_condition_satisfied(row, before):
				return row
	return None


def _stage(workflow, state: str) -> tuple[StageCategory, str]:
	"""A state's category and the event entering it raises. A state an administrator added without saying is open,
	and raises its own name as the event."""
	row = next((row for row in workflow.states if row.state == state), None)
	category = (row and row.get("fairness_stage_category")) or StageCategory.OPEN.value
	event = (row and row.get("fairness_case_event")) or frappe.scrub(state)
	return StageCategory(category), event


def _check_handler(doc, move, user: str) -> None:
	if not move.fairness_handler_only or user == SUPERUSER:
		return
	handlers = [row.user for row in doc.team if row.team_role == HANDLER]
	if user not in handlers:
		names = ", ".join(frappe.utils.get_fullname(handler) for handler in handlers) or _("nobody yet")
		frappe.throw(
			_("Only the manager handling this case can choose '{0}'. It is handled by {1}.").format(_(move.action), names),
			frappe.PermissionError,
			title=_("Not moved"),
		)
