"""The retention purge of 10,000 expired cases, on a real site.

Target (issue: learning from cases): the purge of 10,000 expired cases completes in under 60 seconds, and costs what
is due, not what is stored: the site also holds 10,000 cases still kept, which the purge must leave alone.

Each case is shaped as a typical complaint leaves it: a complainant of its own and a subject shared with nine other
cases, an allegation, three deadlines, two stage moves, a team of two, a history entry, a comment, an email, an
assignment with its notification, an equality record and a private file on disk. They are written straight to the
tables under placeholder names, in bulk: the purge reads nothing else.

Run from the bench's sites folder with the bench's Python, on a site you can spare for a few minutes:

    cd ~/frappe-bench/sites && ../env/bin/python ../apps/fairness_app/benchmarks/purge.py SITE

Everything the benchmark made is deleted again at the end.
"""

import os
import sys
import time
from collections import defaultdict
from datetime import timedelta

import frappe

EXPIRED = 10_000
KEPT = 10_000
SHARED_BY = 10  # cases naming the same subject
PLACEHOLDER = "purge-benchmark-"
COMPLAINT = "Fairness Complaint"
TARGET_SECONDS = 60


def write_cases() -> None:
	today = frappe.utils.getdate()
	stamp = frappe.utils.now_datetime()
	standard = {"creation": stamp, "modified": stamp, "owner": "Administrator", "modified_by": "Administrator"}
	rows = defaultdict(list)
	for n in range(EXPIRED + KEPT):
		expired = n < EXPIRED
		case, complainant = f"{PLACEHOLDER}c{n}", f"{PLACEHOLDER}p{n}"
		subject = f"{PLACEHOLDER}s{n // SHARED_BY}"
		rows[COMPLAINT].append(
			{
				"name": case,
				"reference": case,
				"received_on": today - timedelta(days=3000),
				"workflow_state": "Closed",
				"stage_category": "closed",
				"retain_until": today - timedelta(days=1) if expired else today + timedelta(days=365),
				"retention_rule": "6 years from completion (DER-23)",
			}
		)
		rows["Fairness Party"].append({"name": complainant, "full_name": complainant, "party_type": "Employee"})
		if n % SHARED_BY == 0:
			rows["Fairness Party"].append({"name": subject, "full_name": subject, "party_type": "Employee"})
		for idx, (party, role) in enumerate(((complainant, "Complainant"), (subject, "Subject")), 1):
			rows["Fairness Case Party"].append(child(case, "parties", idx, party=party, role=role))
		rows["Fairness Allegation"].append(child(case, "allegations", 1, subject=subject, ground="Race"))
		for idx, key in enumerate(("acknowledgement", "meeting", "investigation"), 1):
			rows["Fairness Case Clock"].append(child(case, "clocks", idx, rule_key=key, status="Met"))
		for idx, state in enumerate(("Acknowledged", "Closed"), 1):
			rows["Fairness Stage Change"].append(child(case, "stage_history", idx, to_state=state))
		for idx, user in enumerate(("Administrator", "Guest"), 1):
			rows["Fairness Case Team Member"].append(child(case, "team", idx, user=user, team_role="Kept informed"))
		about = {"reference_doctype": COMPLAINT, "reference_name": case}
		rows["Version"].append({"name": f"{case}-v", "ref_doctype": COMPLAINT, "docname": case, "data": "{}"})
		rows["Comment"].append({"name": f"{case}-m", "comment_type": "Comment", "content": case, **about})
		rows["Communication"].append(
			{"name": f"{case}-e", "communication_type": "Communication", "subject": case, "content": case, **about}
		)
		rows["ToDo"].append(
			{"name": f"{case}-t", "status": "Open", "description": case, "reference_type": COMPLAINT, "reference_name": case}
		)
		rows["Notification Log"].append(
			{"name": f"{case}-n", "subject": case, "type": "Assignment", "document_type": COMPLAINT, "document_name": case}
		)
		rows["Fairness Equality Monitoring"].append(
			{"name": f"{case}-q", "case_doctype": COMPLAINT, "case": case, "sex": "Female"}
		)
		rows["File"].append(private_file(case))
	for doctype, records in rows.items():
		fields = [*records[0], *standard]
		values = [(*(record.get(field) for field in records[0]), *standard.values()) for record in records]
		frappe.db.bulk_insert(doctype, fields, values, chunk_size=5_000)
	frappe.db.commit()


def child(case: str, parentfield: str, idx: int, **fields) -> dict:
	return {"name": f"{case}-{parentfield}-{idx}", "parent": case, "parenttype": COMPLAINT, "parentfield": parentfield,
			"idx": idx, **fields}


def private_file(case: str) -> dict:
	file_name = f"{case}.txt"
	with open(frappe.get_site_path("private", "files", file_name), "w") as handle:
		handle.write(f"Notes of the meeting about {case}.")
	return {"name": f"{case}-f", "file_name": file_name, "file_url": f"/private/files/{file_name}", "is_private": 1,
			"content_hash": frappe.generate_hash(length=32), "attached_to_doctype": COMPLAINT, "attached_to_name": case}


def remaining() -> dict[str, int]:
	like = ("like", f"{PLACEHOLDER}%")
	return {
		"complaints": frappe.db.count(COMPLAINT, {"name": like}),
		"people": frappe.db.count("Fairness Party", {"name": like}),
		"files": frappe.db.count("File", {"name": like}),
		"files on disk": sum(
			name.startswith(PLACEHOLDER) for name in os.listdir(frappe.get_site_path("private", "files"))
		),
		"history": frappe.db.count("Version", {"name": like}),
		"emails": frappe.db.count("Communication", {"name": like}),
	}


def remove_cases() -> None:
	like = ("like", f"{PLACEHOLDER}%")
	for doctype in ("Fairness Party", "Fairness Case Party", "Fairness Allegation", "Fairness Case Clock",
					"Fairness Stage Change", "Fairness Case Team Member", "Version", "Comment", "Communication", "ToDo",
					"Notification Log", "Fairness Equality Monitoring", "File", COMPLAINT):
		frappe.db.delete(doctype, {"name": like})
	folder = frappe.get_site_path("private", "files")
	for name in os.listdir(folder):
		if name.startswith(PLACEHOLDER):
			os.remove(os.path.join(folder, name))
	frappe.db.commit()


def remove_logs(logs: list[str]) -> None:
	frappe.db.delete("Fairness Deleted Case", {"parent": ("in", logs)})
	frappe.db.delete("Fairness Deletion Log", {"name": ("in", logs)})
	frappe.db.commit()


def main(site: str) -> None:
	frappe.init(site=site)
	frappe.connect()
	try:
		from fairness_app.services.retention import purge_expired

		remove_cases()
		started = time.perf_counter()
		write_cases()
		print(f"wrote {EXPIRED:,} expired and {KEPT:,} kept cases in {time.perf_counter() - started:.1f} s")
		print(f"before the purge: {remaining()}")
		frappe.set_user("Administrator")
		started = time.perf_counter()
		result = purge_expired()
		elapsed = time.perf_counter() - started
		verdict = "within" if elapsed < TARGET_SECONDS else "OVER"
		print(f"purged {result.cases:,} cases in {elapsed:.1f} s ({verdict} the {TARGET_SECONDS} s target), "
			  f"{len(result.logs)} deletion logs")
		print(f"after the purge: {remaining()}")
		started = time.perf_counter()
		again = purge_expired()
		print(f"a second purge found {again.cases} cases in {time.perf_counter() - started:.3f} s")
		remove_logs(result.logs)
	finally:
		remove_cases()
		frappe.destroy()


if __name__ == "__main__":
	main(sys.argv[1])
