"""The monitoring reports over 200,000 monitoring facts, on a real site.

Target (issue: learning from cases): with 200,000 facts stored, each report returns in under 1 second. The facts
are spread over ten financial years, so a report of one year reads a tenth of them; what matters is that it does not
read the other nine tenths. Each report runs twice: the target is judged on the second, as a running server answers;
the first also loads the report's code into the process, once.

Each complaint's fact has two grounds and one deadline, as a typical complaint does; one fact in five is an
incident's, with one or two types of abuse in one of twenty workplaces. They are written straight to the tables
under placeholder keys, in bulk: the reports read nothing else.

Run from the bench's sites folder with the bench's Python, on a site you can spare for a few minutes:

    cd ~/frappe-bench/sites && ../env/bin/python ../apps/fairness_app/benchmarks/monitoring_reports.py SITE

Everything the benchmark made is deleted again at the end.
"""

import random
import sys
import time
from datetime import date, timedelta

import frappe

FACTS = 200_000
FIRST_YEAR = 2014  # ten financial years, 2014-15 to 2023-24
YEAR = "2020-21"
PLACEHOLDER = "reports-benchmark-"
FACT = "Fairness Monitoring Fact"
ETHNIC_GROUPS = ("White: British", "White: Irish", "Asian or Asian British: Indian", "Chinese", None)
GROUNDS = ("Race", "Sex", "Disability", "Age", "Sexual orientation", "Religion or belief", "Other")
OUTCOMES = ("Upheld", "Not upheld", "Partly upheld", "Withdrawn", None)
RESULTS = ("Met", "Missed", "Running")
TYPES = ("Staff", "Public", "Service user")
STAGES = ("open", "waiting", "paused", "closed")
SANCTIONS = ("No action", "Written warning", None)
ABUSE_TYPES = ("Verbal abuse", "Threats", "Physical assault", "Online abuse", "Spitting")
WORKPLACES = tuple(f"Workplace {number}" for number in range(20))


def write_facts(count: int) -> None:
	from fairness_app.reports.facts import listed
	from fairness_app.reports.periods import period_of

	rng = random.Random(174)
	stamp = frappe.utils.now_datetime().replace(hour=0, minute=0, second=0, microsecond=0)
	standard = {"creation": stamp, "modified": stamp, "owner": "Administrator", "modified_by": "Administrator"}
	facts, clocks = [], []
	for n in range(count):
		name = f"{PLACEHOLDER}{n}"
		received_on = date(FIRST_YEAR, 4, 1) + timedelta(days=n % 3650)
		period = period_of(received_on)
		facts.append(
			{
				"name": name,
				"case_key": name,
				"received_on": received_on,
				"closed_on": received_on + timedelta(days=60) if n % 10 else None,
				"financial_year": period.financial_year,
				"quarter": period.quarter,
				"half": period.half,
				"stage_category": rng.choice(STAGES),
				**(incident(rng) if n % 5 == 0 else complaint(rng)),
				"ethnic_group": rng.choice(ETHNIC_GROUPS),
				"sex": rng.choice(("Female", "Male", None)),
				"disabled": rng.choice(("Yes", "No", None)),
				"outcome": rng.choice(OUTCOMES),
				"grounds": listed(rng.sample(GROUNDS, 2)),
				**standard,
			}
		)
		clocks.append(
			{"name": f"{name}-c", "parent": name, "idx": 1, "rule_key": "acknowledgement", "label": "Acknowledge",
			 "result": rng.choice(RESULTS)}
		)
	insert(FACT, facts, {})
	child = {"parenttype": FACT, **standard}
	insert(f"{FACT} Clock", clocks, {"parentfield": "clocks", **child})
	frappe.db.commit()


def complaint(rng: random.Random) -> dict:
	return {
		"case_kind": "Complaint",
		"complaint_type": rng.choice(TYPES),
		"sanction": rng.choice(SANCTIONS),
		**dict.fromkeys(("workplace", "abuse_types")),
		**dict.fromkeys(("police_involved", "hate_related", "repeat_incidents"), 0),
	}


def incident(rng: random.Random) -> dict:
	from fairness_app.reports.facts import listed

	return {
		"case_kind": "Incident",
		"complaint_type": None,
		"sanction": None,
		"workplace": rng.choice(WORKPLACES),
		"abuse_types": listed(rng.sample(ABUSE_TYPES, rng.choice((1, 2)))),
		"police_involved": rng.random() < 0.2,
		"hate_related": rng.random() < 0.1,
		"repeat_incidents": rng.choice((0, 0, 0, 1, 2, 4)),
	}


def insert(doctype: str, rows: list[dict], common: dict) -> None:
	fields = [*rows[0], *common]
	frappe.db.bulk_insert(doctype, fields, [(*row.values(), *common.values()) for row in rows], chunk_size=5_000)


def time_report(report: str, **filters) -> float:
	from frappe.desk.query_report import run

	started = time.perf_counter()
	result = run(report, filters=filters)
	elapsed = time.perf_counter() - started
	assert result["result"], f"{report} returned nothing"
	return elapsed


def remove_facts() -> None:
	for doctype in (FACT, f"{FACT} Clock"):
		frappe.db.delete(doctype, {"name": ("like", f"{PLACEHOLDER}%")})
	frappe.db.commit()


def main(site: str) -> None:
	frappe.init(site=site)
	frappe.connect()
	try:
		remove_facts()
		started = time.perf_counter()
		write_facts(FACTS)
		print(f"wrote {FACTS:,} facts in {time.perf_counter() - started:.1f} s")
		frappe.db.sql(f"analyze table `tab{FACT}`")  # fresh statistics, as a site that grew slowly would have
		frappe.set_user("Administrator")
		reports = {
			"committee table, received in the year": ("Fairness Committee Table", {}),
			"committee table, outstanding from earlier": (
				"Fairness Committee Table",
				{"cases": "Outstanding from earlier years"},
			),
			"timeliness": ("Fairness Timeliness", {}),
			"Best Value 174 and 175": ("Fairness Best Value", {"population": 560_000}),
			"review group, half year": ("Fairness Review Group", {"half": "April to September"}),
			"departmental return, quarter": ("Fairness Departmental Return", {"quarter": "October to December"}),
			"incidents summary": ("Fairness Incidents Summary", {}),
		}
		for label, (report, filters) in reports.items():
			first, again = (time_report(report, financial_year=YEAR, **filters) for _ in range(2))
			verdict = "within" if again < 1 else "OVER"
			print(f"{label}: {again:.3f} s ({verdict} the 1 s target); first call in this process {first:.3f} s")
	finally:
		remove_facts()
		frappe.destroy()


if __name__ == "__main__":
	main(sys.argv[1])
