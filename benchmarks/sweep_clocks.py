"""The deadline sweep with 100,000 open clocks of which 1,000 are missed, on a real site.

Targets (issue: procedures that run themselves): the first sweep finds and escalates the 1,000 in under 5 seconds;
a second sweep straight after does nothing, in under 0.5 seconds. The sweep decides and records each escalation;
telling people runs in background jobs, timed here separately.

The 1,000 are real complaints, recorded as a case officer would record them, received 30 days ago so that their
acknowledgement is missed. The other 99,000 clocks are open clock rows falling due over the coming year, written
straight to the clocks table under placeholder case names: the sweep must never open them, and the figures show
whether it does.

Run from the bench's sites folder with the bench's Python, on a site you can spare for a few minutes:

    cd ~/frappe-bench/sites && ../env/bin/python ../apps/fairness_app/benchmarks/sweep_clocks.py SITE

The sweep commits as it goes, so everything the benchmark made is deleted again at the end.
"""

import sys
import time

import frappe

CASES = 1_000
OPEN_CLOCKS = 100_000
PLACEHOLDER = "sweep-benchmark-"


def record_cases(count: int) -> list[str]:
	from fairness_app import roles
	from fairness_app.tests.fixtures import make_party, make_user, new_complaint

	officer = make_user("benchmark_officer", roles.CASE_OFFICER)
	manager = make_user("benchmark_manager", roles.LINE_MANAGER)
	parties = [
		make_party("Benchmark Manager", user=manager),
		make_party("Benchmark Complainant", user=make_user("benchmark_employee"), line_manager=manager),
		make_party("Benchmark Colleague", user=make_user("benchmark_colleague"), line_manager=manager),
	]
	received_on = frappe.utils.add_days(frappe.utils.today(), -30)
	frappe.set_user(officer)
	names = [
		new_complaint([(parties[1], "Complainant"), (parties[2], "Subject")], received_on=received_on).insert().name
		for _ in range(count)
	]
	frappe.set_user("Administrator")
	frappe.db.commit()
	return names


def write_open_clocks(count: int) -> None:
	"""Open clocks falling due over the next year, as rows on placeholder cases."""
	today, now = frappe.utils.getdate(), frappe.utils.now_datetime()
	fields = ["name", "parent", "parenttype", "parentfield", "idx", "rule_key", "label", "status", "due_on"]
	fields += ["next_alert_on", "started_at", "clock_state", "creation", "modified", "owner", "modified_by"]
	rows = []
	for n in range(count):
		due = frappe.utils.add_days(today, 1 + n % 365)
		rows.append(
			(f"{PLACEHOLDER}{n}", f"{PLACEHOLDER}case-{n}", "Fairness Complaint", "clocks", 1, "acknowledgement",
			 "Acknowledge the complaint in writing", "Running", due, due, now, "{}", now, now, "Administrator",
			 "Administrator")
		)
	frappe.db.bulk_insert("Fairness Case Clock", fields, rows, chunk_size=10_000)
	frappe.db.commit()


def timed(action) -> tuple[float, object]:
	started = time.perf_counter()
	result = action()
	return time.perf_counter() - started, result


def remove(case_names: list[str]) -> None:
	"""Delete the benchmark's cases and everything the sweep wrote about them."""
	frappe.db.delete("Fairness Case Clock", {"name": ("like", f"{PLACEHOLDER}%")})
	for start in range(0, len(case_names), 500):
		batch = case_names[start : start + 500]
		for table in frappe.get_meta("Fairness Complaint").get_table_fields():
			frappe.db.delete(table.options, {"parenttype": "Fairness Complaint", "parent": ("in", batch)})
		frappe.db.delete("Fairness Complaint", {"name": ("in", batch)})
		frappe.db.delete("Fairness Clock Alert", {"reference_name": ("in", batch)})
		frappe.db.delete("Comment", {"reference_name": ("in", batch)})
		frappe.db.delete("Version", {"docname": ("in", batch)})
		frappe.db.delete("Notification Log", {"document_name": ("in", batch)})
		of_batch = {"reference_name": ("in", batch)}
		actions = frappe.get_all("Workflow Action", filters=of_batch, pluck="name")  # access: the benchmark's own cases
		frappe.db.delete("Workflow Action Permitted Role", {"parent": ("in", actions or [""])})
		frappe.db.delete("Workflow Action", {"name": ("in", actions or [""])})
	frappe.db.commit()


def main(site: str) -> None:
	frappe.init(site=site, sites_path=".")
	frappe.connect()
	from fairness_app.services.sweep import sweep_clocks, tell

	case_names = []
	try:
		print(f"Recording {CASES:,} complaints with a missed deadline ...")
		case_names = record_cases(CASES)
		print(f"Writing {OPEN_CLOCKS - CASES:,} open clocks that are not yet due ...")
		write_open_clocks(OPEN_CLOCKS - CASES)
		open_clocks = frappe.db.count("Fairness Case Clock", {"next_alert_on": ("is", "set")})
		print(f"Open clocks on the site: {open_clocks:,}")

		first, result = timed(sweep_clocks)
		print(f"first sweep:  {first:6.2f} s, {len(result.alerts):,} alerts raised, {result.failed_cases} cases failed "
			  "(target: the 1,000 in under 5 s)")
		second, again = timed(sweep_clocks)
		print(f"second sweep: {second:6.2f} s, {len(again.alerts):,} alerts raised (target: none, in under 0.5 s)")
		# The sweep hands the telling to background jobs; here it runs in this process, to show its cost.
		telling, _ = timed(lambda: tell(result.alerts))
		told = frappe.db.count("Fairness Clock Alert", {"name": ("in", result.alerts), "delivered_at": ("is", "set")})
		print(f"telling people about them (background jobs): {telling:6.2f} s, {told:,} alerts told")
	finally:
		remove(case_names)
		frappe.destroy()


if __name__ == "__main__":
	main(sys.argv[1])
