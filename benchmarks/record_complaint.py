"""Recording a complaint (insert, route, reference, clocks) against a bare Frappe insert, on a real site.

Standing target: within 4x the bare insert. Each action is timed as a request sees it: Frappe starts every request
with an empty per-request value cache (frappe.db.value_cache), so both actions clear it first. The same figures with
the cache left warm across calls are printed too, for comparison.

A third figure shows what Frappe itself costs to insert a record of the complaint's shape: a throwaway custom DocType
with the complaint's fields and child tables, holding copies of a recorded complaint's values and rows, with no
controller, hooks, workflow or clocks. The complaint against it is what the app adds.

Run from the bench's sites folder with the bench's Python:

    cd ~/frappe-bench/sites && ../env/bin/python ../apps/fairness_app/benchmarks/record_complaint.py SITE [N]

Everything is rolled back at the end, and the throwaway doctype removed (benchmarks/bare_doctypes.py).
"""

import sys
import time

import frappe
from bare_doctypes import complaint_shape, copy_of, make_doctype, remove_doctypes

SHAPED = "Fairness Benchmark Case Shape"


def timed_together(*actions, repeat: int) -> tuple[float, ...]:
	"""Median seconds per call of each action over `repeat` calls, after a few warm-up calls. The calls take turns,
	so a busy moment on the machine slows all alike and the ratios stay fair."""
	for _ in range(5):
		for action in actions:
			action()
	samples = tuple([] for _ in actions)
	for _ in range(repeat):
		for action, times in zip(actions, samples):
			started = time.perf_counter()
			action()
			times.append(time.perf_counter() - started)
	return tuple(sorted(times)[len(times) // 2] for times in samples)


def main(site: str, repeat: int) -> None:
	frappe.init(site=site, sites_path=".")
	frappe.connect()
	try:
		remove_doctypes(SHAPED)  # left over from a run that was killed
		make_doctype(SHAPED, complaint_shape())
		from fairness_app import roles
		from fairness_app.tests.fixtures import make_party, make_user, new_complaint

		manager = make_user("benchmark_manager", roles.LINE_MANAGER)
		make_party("Benchmark Manager", user=manager)
		complainant = make_party("Benchmark Complainant", user=make_user("benchmark_employee"), line_manager=manager)
		subject = make_party("Benchmark Colleague", user=make_user("benchmark_colleague"), line_manager=manager)

		def bare_insert(fresh_request=True):
			if fresh_request:
				frappe.db.value_cache.clear()
			frappe.get_doc({"doctype": "ToDo", "description": "Call back about the bins"}).insert()

		def record_complaint(fresh_request=True):
			if fresh_request:
				frappe.db.value_cache.clear()
			return new_complaint(
				[(complainant, "Complainant"), (subject, "Subject")],
				latest_incident_on=frappe.utils.add_days(frappe.utils.today(), -7),
				service_area="Waste collection",
			).insert()

		recorded = record_complaint()

		def shaped_insert(fresh_request=True):
			if fresh_request:
				frappe.db.value_cache.clear()
			copy_of(recorded, SHAPED).insert()

		rows = len(recorded.get_all_children())
		for label, fresh_request in (("as a request sees it", True), ("with a warm value cache", False)):
			bare, shaped, complaint = timed_together(
				lambda: bare_insert(fresh_request),
				lambda: shaped_insert(fresh_request),
				lambda: record_complaint(fresh_request),
				repeat=repeat,
			)
			print(f"{label} (median of {repeat}):")
			print(f"  bare Frappe insert (ToDo):                    {bare * 1000:7.2f} ms")
			print(f"  the complaint's shape ({rows} rows), no app code: {shaped * 1000:7.2f} ms")
			print(f"  recording a complaint:                        {complaint * 1000:7.2f} ms")
			target = " (target: within 4x)" * fresh_request
			print(f"  ratio to the bare insert:                     {complaint / bare:7.2f}x{target}")
			print(f"  ratio to the complaint's shape:               {complaint / shaped:7.2f}x (what the app adds)")
	finally:
		remove_doctypes(SHAPED)
		frappe.destroy()


if __name__ == "__main__":
	main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 200)
