"""Moving a complaint through one workflow transition, clocks included, against the same transition on a bare
doctype with no clocks, on a real site.

Standing target: within 1.5x the bare transition. The bare doctype is a throwaway custom DocType with only a stage
field, under a throwaway Workflow with the same states and action ("Received" to "Acknowledged" by "Acknowledge
formal complaint"). All moves go through Frappe's own `apply_workflow`, as the form's action button does, and start
with an empty per-request value cache as a request would. The cases to move are made beforehand and not timed.

A third figure shows what Frappe itself costs for a record of the complaint's shape: a throwaway custom DocType with
the complaint's fields and child tables, holding copies of the same rows, under the same throwaway one-move
Workflow, with no controller, no hooks and no clocks. The complaint against it is what the app adds.

Run from the bench's sites folder with the bench's Python:

    cd ~/frappe-bench/sites && ../env/bin/python ../apps/fairness_app/benchmarks/transition.py SITE [N]

The cases are rolled back at the end, and the throwaway doctypes and workflows removed (benchmarks/bare_doctypes.py).
"""

import sys
import time

import frappe
from bare_doctypes import STAGE, complaint_shape, copy_of, make_doctype, remove_doctypes
from frappe.model.workflow import apply_workflow

BARE = "Fairness Benchmark Bare Case"
SHAPED = "Fairness Benchmark Case Shape"
FROM_STATE, ACTION, TO_STATE = "Received", "Acknowledge formal complaint", "Acknowledged"
# The one move both throwaway doctypes have, as the System Manager running the benchmark.
ONE_MOVE = {
	"workflow_state_field": "workflow_state",
	"send_email_alert": 0,
	"states": [
		{"state": FROM_STATE, "doc_status": "0", "allow_edit": "System Manager"},
		{"state": TO_STATE, "doc_status": "0", "allow_edit": "System Manager"},
	],
	"transitions": [
		{
			"state": FROM_STATE,
			"action": ACTION,
			"next_state": TO_STATE,
			"allowed": "System Manager",
			"allow_self_approval": 1,
		}
	],
}


def move(doc) -> float:
	"""Seconds to move `doc` on, as a request from the form's action button would."""
	frappe.db.value_cache.clear()
	started = time.perf_counter()
	moved = apply_workflow(doc.as_dict(), ACTION)
	elapsed = time.perf_counter() - started
	assert moved.workflow_state == TO_STATE, moved.doctype
	return elapsed


def median_move_times(*kinds: list) -> tuple[float, ...]:
	"""The moves of each kind take turns, so a busy moment on the machine slows all alike and the ratios stay fair."""
	samples = tuple([] for _ in kinds)
	for docs in zip(*kinds):
		for doc, times in zip(docs, samples):
			times.append(move(doc))
	return tuple(sorted(times)[len(times) // 2] for times in samples)


def main(site: str, repeat: int) -> None:
	frappe.init(site=site, sites_path=".")
	frappe.connect()
	frappe.set_user("Administrator")
	try:
		from fairness_app import roles
		from fairness_app.tests.fixtures import make_party, make_user, new_complaint

		remove_doctypes(BARE, SHAPED)  # left over from a run that was killed
		title = {"fieldname": "title", "fieldtype": "Data", "label": "Title"}
		make_doctype(BARE, [title, STAGE], {"workflow_name": "Fairness benchmark bare workflow", **ONE_MOVE})
		make_doctype(SHAPED, complaint_shape(), {"workflow_name": "Fairness benchmark case shape workflow", **ONE_MOVE})
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
		shaped_docs = [copy_of(complaint, SHAPED, workflow_state=FROM_STATE).insert() for complaint in complaints]
		assert {doc.workflow_state for doc in bare_docs + complaints + shaped_docs} == {FROM_STATE}
		median_move_times(bare_docs[:warm_up], shaped_docs[:warm_up], complaints[:warm_up])
		bare, shaped, complaint = median_move_times(bare_docs[warm_up:], shaped_docs[warm_up:], complaints[warm_up:])
		with_clocks = sum(len(doc.clocks) for doc in complaints) / len(complaints)
		rows = sum(len(doc.get_all_children()) for doc in complaints) / len(complaints)
		print(f"one transition, {FROM_STATE} to {TO_STATE} (median of {repeat}):")
		print(f"  bare doctype, no clocks:                     {bare * 1000:7.2f} ms")
		print(f"  the complaint's shape ({rows:.0f} rows), no app code: {shaped * 1000:7.2f} ms")
		print(f"  complaint, {with_clocks:.0f} clocks per case:                {complaint * 1000:7.2f} ms")
		print(f"  ratio to the bare doctype:                   {complaint / bare:7.2f}x (target: within 1.5x)")
		print(f"  ratio to the complaint's shape:              {complaint / shaped:7.2f}x (what the app adds)")
	finally:
		remove_doctypes(BARE, SHAPED)
		frappe.destroy()


if __name__ == "__main__":
	main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 100)
