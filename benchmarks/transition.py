"""Moving a complaint through one workflow transition, clocks included, against the same transition on a bare
doctype with no clocks, on a real site.

Standing target: within 1.5x the bare transition. The bare doctype is a throwaway custom DocType with only a stage
field, under a throwaway Workflow with the same states and action ("Received" to "Acknowledged" by "Acknowledge
formal complaint"). Both moves go through Frappe's own `apply_workflow`, as the form's action button does, and start
with an empty per-request value cache as a request would. The cases to move are made beforehand and not timed.

Run from the bench's sites folder with the bench's Python:

    cd ~/frappe-bench/sites && ../env/bin/python ../apps/fairness_app/benchmarks/transition.py SITE [N]

The cases are rolled back at the end. Making a DocType changes the database schema, which commits, so the throwaway
DocType and Workflow are deleted at the end, whatever happens.
"""

import sys
import time

import frappe
from frappe.model.workflow import apply_workflow

BARE = "Fairness Benchmark Bare Case"
BARE_WORKFLOW = "Fairness benchmark bare workflow"
FROM_STATE, ACTION, TO_STATE = "Received", "Acknowledge formal complaint", "Acknowledged"


def make_bare_doctype() -> None:
	frappe.get_doc(
		{
			"doctype": "DocType",
			"name": BARE,
			"module": "Fairness App",
			"custom": 1,
			"autoname": "hash",
			"fields": [
				{"fieldname": "title", "fieldtype": "Data", "label": "Title"},
				{"fieldname": "workflow_state", "fieldtype": "Link", "label": "Stage", "options": "Workflow State"},
			],
			"permissions": [{"role": "System Manager", "read": 1, "write": 1, "create": 1, "delete": 1}],
		}
	).insert()
	frappe.get_doc(
		{
			"doctype": "Workflow",
			"workflow_name": BARE_WORKFLOW,
			"document_type": BARE,
			"workflow_state_field": "workflow_state",
			"is_active": 1,
			"send_email_alert": 0,
			"states": [
				{"state": FROM_STATE, "doc_status": "0", "allow_edit": "System Manager"},
				{"state": TO_STATE, "doc_status": "0", "allow_edit": "System Manager"},
			],
			"transitions": [
				{"state": FROM_STATE, "action": ACTION, "next_state": TO_STATE, "allowed": "System Manager", "allow_self_approval": 1}
			],
		}
	).insert()
	frappe.db.commit()


def remove_bare_doctype() -> None:
	frappe.db.rollback()
	if frappe.db.exists("Workflow", BARE_WORKFLOW):
		frappe.delete_doc("Workflow", BARE_WORKFLOW, force=True)
	if frappe.db.exists("DocType", BARE):
		frappe.delete_doc("DocType", BARE, force=True)
	frappe.db.commit()


def move(doc) -> float:
	"""Seconds to move `doc` on, as a request from the form's action button would."""
	frappe.db.value_cache.clear()
	started = time.perf_counter()
	moved = apply_workflow(doc.as_dict(), ACTION)
	elapsed = time.perf_counter() - started
	assert moved.workflow_state == TO_STATE, moved.doctype
	return elapsed


def median_move_times(bare_docs: list, complaints: list) -> tuple[float, float]:
	"""The moves alternate, so a busy moment on the machine slows both alike and the ratio stays fair."""
	samples = ([], [])
	for bare, complaint in zip(bare_docs, complaints):
		samples[0].append(move(bare))
		samples[1].append(move(complaint))
	return tuple(sorted(times)[len(times) // 2] for times in samples)


def main(site: str, repeat: int) -> None:
	frappe.init(site=site, sites_path=".")
	frappe.connect()
	frappe.set_user("Administrator")
	try:
		from fairness_app import roles
		from fairness_app.tests.fixtures import make_party, make_user, new_complaint

		remove_bare_doctype()  # left over from a run that was killed
		make_bare_doctype()
		manager = make_user("benchmark_manager", roles.LINE_MANAGER)
		make_party("Benchmark Manager", user=manager)
		complainant = make_party("Benchmark Complainant", user=make_user("benchmark_employee"), line_manager=manager)
		subject = make_party("Benchmark Colleague", user=make_user("benchmark_colleague"), line_manager=manager)
		warm_up = 5
		bare_docs = [
			frappe.get_doc({"doctype": BARE, "title": "Call back about the bins"}).insert() for _ in range(repeat + warm_up)
		]
		complaints = [
			new_complaint([(complainant, "Complainant"), (subject, "Subject")], service_area="Waste collection").insert()
			for _ in range(repeat + warm_up)
		]
		assert {doc.workflow_state for doc in bare_docs + complaints} == {FROM_STATE}
		median_move_times(bare_docs[:warm_up], complaints[:warm_up])
		bare, complaint = median_move_times(bare_docs[warm_up:], complaints[warm_up:])
		with_clocks = sum(len(doc.clocks) for doc in complaints) / len(complaints)
		print(f"one transition, {FROM_STATE} to {TO_STATE} (median of {repeat}):")
		print(f"  bare doctype, no clocks:          {bare * 1000:7.2f} ms")
		print(f"  complaint, {with_clocks:.0f} clocks per case:     {complaint * 1000:7.2f} ms")
		print(f"  ratio:                            {complaint / bare:7.2f}x (target: within 1.5x)")
	finally:
		remove_bare_doctype()
		frappe.destroy()


if __name__ == "__main__":
	main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 100)
