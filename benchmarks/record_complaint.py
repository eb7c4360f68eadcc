"""Recording a complaint (insert, route, reference, clocks) against a bare Frappe insert, on a real site.

Standing target: within 4x the bare insert. Each action is timed as a request sees it: Frappe starts every request
with an empty per-request value cache (frappe.db.value_cache), so both actions clear it first. The same figures with
the cache left warm across calls are printed too, for comparison.

Run from the bench's sites folder with the bench's Python:

    cd ~/frappe-bench/sites && ../env/bin/python ../apps/fairness_app/benchmarks/record_complaint.py SITE [N]

Everything is rolled back at the end; nothing is left on the site.
"""

import sys
import time

import frappe


def timed_together(first, second, repeat: int) -> tuple[float, float]:
	"""Median seconds per call of each action over `repeat` calls, after a few warm-up calls. The calls alternate,
	so a busy moment on the machine slows both alike and the ratio stays fair."""
	for _ in range(5):
		first(), second()
	samples = ([], [])
	for _ in range(repeat):
		for action, times in zip((first, second), samples):
			started = time.perf_counter()
			action()
			times.append(time.perf_counter() - started)
	return tuple(sorted(times)[len(times) // 2] for times in samples)


def main(site: str, repeat: int) -> None:
	frappe.init(site=site, sites_path=".")
	frappe.connect()
	try:
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
			new_complaint(
				[(complainant, "Complainant"), (subject, "Subject")],
				latest_incident_on=frappe.utils.add_days(frappe.utils.today(), -7),
				service_area="Waste collection",
			).insert()

		for label, fresh_request in (("as a request sees it", True), ("with a warm value cache", False)):
			bare, complaint = timed_together(
				lambda: bare_insert(fresh_request), lambda: record_complaint(fresh_request), repeat
			)
			print(f"{label} (median of {repeat}):")
			print(f"  bare Frappe insert (ToDo):  {bare * 1000:7.2f} ms")
			print(f"  recording a complaint:      {complaint * 1000:7.2f} ms")
			print(f"  ratio:                      {complaint / bare:7.2f}x" + (" (target: within 4x)" * fresh_request))
	finally:
		frappe.db.rollback()
		frappe.destroy()


if __name__ == "__main__":
	main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 200)
