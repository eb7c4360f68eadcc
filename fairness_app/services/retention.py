"""Retention (SOM-13, DER-23, X-3): each case keeps the date its council's rule says its records go, and a daily
purge deletes, for good, every expired case that is not on legal hold: the case, the people in no other live case,
their files, emails, notices, history, comments and logs, and the equality record. The monitoring facts stay, so
the reports keep their figures, and each purge writes a deletion log that names no one.

Cost: one indexed query finds the cases that are due; each batch of cases is then deleted with a few set-based
statements per table, so the purge costs what is due, not what is stored. A batch is one transaction, deleted files
first: a purge that fails part-way leaves the rest of the batch to the next run, and a rerun finds nothing to do.
"""

import dataclasses
import os
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import date

import frappe
from frappe import _
from frappe.core.doctype.file.file import URL_PREFIXES
from frappe.utils import get_hook_method

from fairness_app.permissions import CASE_DOCTYPES, TRAILING_RECORDS, WARNING_MARKER
from fairness_app.procedure.retention import deletion_summary
from fairness_app.services.bulk import delete, select
from fairness_app.services.case_parties import PARTY, party_links
from fairness_app.services.decisions import record_decision
from fairness_app.services.equality import EQUALITY
from fairness_app.services.monitoring import KINDS, case_key
from fairness_app.services.plugin_registry import get_plugins
from fairness_app.services.snapshots import case_snapshot, closed_on, stage_of

DELETION_LOG = "Fairness Deletion Log"
DELETED_CASE = "Fairness Deleted Case"
JOB_ID = "fairness_retention_purge"
BATCH = 500  # cases per transaction
FILE_WORKERS = 8  # files unlinked side by side

# Besides the records that trail a case (permissions.TRAILING_RECORDS), what Frappe keeps about a record that may
# hold a name or the words of a case: doctype -> (field naming the doctype, field naming the record).
FRAPPE_RECORDS = {
	**TRAILING_RECORDS,
	"Communication Link": ("link_doctype", "link_name"),
	"DocShare": ("share_doctype", "share_name"),
	"Email Queue": ("reference_doctype", "reference_name"),
	"Email Unsubscribe": ("reference_doctype", "reference_name"),
	"Energy Point Log": ("reference_doctype", "reference_name"),
	"Error Log": ("reference_doctype", "reference_name"),
	"Integration Request": ("reference_doctype", "reference_docname"),
	"Notification Log": ("document_type", "document_name"),
	"Reminder": ("reminder_doctype", "reminder_docname"),
	"Tag Link": ("document_type", "document_name"),
	"__global_search": ("doctype", "name"),
	EQUALITY: ("case_doctype", "case"),
}
# Records deleted with the records above: their own tables' rows and files.
OWN_ROWS = {"Email Queue": "Email Queue Recipient", "Workflow Action": "Workflow Action Permitted Role"}


# Deciding the date, whenever a case is saved


def decide_retention(doc) -> None:
	"""Keep the case's retention date and rule as the plugins decide them for the case as saved. A case that is
	reopened has no date again; the decision is logged on the case each time it changes."""
	if doc.legal_hold and not (doc.legal_hold_reason or "").strip():
		frappe.throw(
			_("Say why the records are held, under Why the records are held. It is kept with the case."),
			title=_("Reason needed"),
		)
	plugins = get_plugins()
	case = dataclasses.replace(
		case_snapshot(doc, plugins.config.nation), **stage_of(doc), closed_on=closed_on(doc), legal_hold=bool(doc.legal_hold)
	)
	decision = plugins.retention(case)
	keep_until = decision.value.keep_until
	doc.retention_rule = decision.value.rule
	if keep_until != (frappe.utils.getdate(doc.retain_until) if doc.retain_until else None):
		doc.retain_until = keep_until
		record_decision(doc, "retention", decision, f"kept until {keep_until}" if keep_until else "kept: no date yet")


# The purge


@dataclasses.dataclass
class PurgeResult:
	cases: int = 0
	logs: list[str] = dataclasses.field(default_factory=list)


def schedule_purge() -> None:
	"""The scheduler's entry: one purge at a time, however often the scheduler fires."""
	frappe.enqueue(
		"fairness_app.services.retention.purge_expired",
		queue="long",
		job_id=JOB_ID,
		deduplicate=True,
		enqueue_after_commit=True,
	)


def purge_expired(today: date | None = None) -> PurgeResult:
	"""Delete every case whose records were kept until before today and that is not held, batch by batch."""
	today = today or frappe.utils.getdate()
	result = PurgeResult()
	for doctype in CASE_DOCTYPES:
		while due := _due(doctype, today):
			result.logs.append(_purge_batch(doctype, due, today))
			result.cases += len(due)
			frappe.db.commit()
	return result


def _due(doctype: str, today: date) -> list[dict]:
	"""The next batch of expired cases, locked so that a second purge running at once waits and then skips them. An
	incident stays while a warning marker raised from it is still in force (CUM-6)."""
	marker_in_force = (
		f"and not exists (select 1 from `tab{WARNING_MARKER}` marker where marker.incident = `tab{doctype}`.name "
		"and (marker.expires_on is null or marker.expires_on >= %(today)s))"
		if doctype == "Fairness Incident"
		else ""
	)
	return frappe.db.sql(  # access: the site-wide purge reads retention dates only, through their index
		f"""select name, retain_until, retention_rule from `tab{doctype}`
		where retain_until < %(today)s and legal_hold = 0 {marker_in_force}
		order by retain_until limit {BATCH} for update""",
		{"today": today},
		as_dict=True,
	)


def _purge_batch(doctype: str, cases: list[dict], today: date) -> str:
	names = [case.name for case in cases]
	parties = _parties_of(doctype, names)
	parties -= _parties_in_use_elsewhere(parties, doctype, names, today)
	markers = _expired_markers(doctype, names, parties)
	records = {doctype: names, PARTY: sorted(parties), WARNING_MARKER: markers}
	records["Communication"] = _referring(records, "Communication")
	counts = Counter({"File": _delete_files(records)})
	for record_doctype, record_names in records.items():
		if record_names:
			counts.update(_delete_records(record_doctype, record_names))
	return _log(doctype, cases, counts)


def _parties_of(doctype: str, names: list[str]) -> set[str]:
	"""Everyone these cases name, in any of their tables."""
	found = set()
	for table, field in party_links():
		if table != WARNING_MARKER:
			found |= {row[field] for row in select(table, field, {"parenttype": doctype, "parent": names})}
	return found


def _parties_in_use_elsewhere(parties: set[str], doctype: str, names: list[str], today: date) -> set[str]:
	"""Those of these people whom a case being kept, or a warning marker in force, still names."""
	if not parties:
		return set()
	in_use, purged = set(), set(names)
	for table, field in party_links():
		if table == WARNING_MARKER:
			markers = select(table, "name, party, expires_on", {"party": parties})
			in_use |= {marker.party for marker in markers if _in_force(marker, today)}
			continue
		for row in select(table, f"{field}, parenttype, parent", {field: parties}):
			if not (row.parenttype == doctype and row.parent in purged):
				in_use.add(row[field])
	return in_use


def _expired_markers(doctype: str, names: list[str], parties: set[str]) -> list[str]:
	"""Markers raised from these incidents or about people being deleted: none is in force, or the incident or the
	person would have been kept."""
	found = set()
	if doctype == "Fairness Incident":
		found |= {row.name for row in select(WARNING_MARKER, "name", {"incident": names})}
	if parties:
		found |= {row.name for row in select(WARNING_MARKER, "name", {"party": parties})}
	return sorted(found)


def _in_force(marker, today: date) -> bool:
	return not marker.expires_on or frappe.utils.getdate(marker.expires_on) >= today


def _referring(records: dict[str, list[str]], doctype: str) -> list[str]:
	doctype_field, name_field = FRAPPE_RECORDS[doctype]
	found = []
	for record_doctype, names in records.items():
		if names:
			found += [row.name for row in select(doctype, "name", {doctype_field: record_doctype, name_field: names})]
	return found


def _delete_files(records: dict[str, list[str]]) -> int:
	"""Delete these records' files from disk, unless the same content is also another record's, then their rows.
	Deleting from disk comes first: if the batch then fails, the rows are left for the next run, not the content."""
	files = []
	for doctype, names in records.items():
		if names:
			fields = "name, file_url, thumbnail_url, content_hash, is_private"
			files += select("File", fields, {"attached_to_doctype": doctype, "attached_to_name": names, "is_folder": 0})
	if not files:
		return 0
	names = [file.name for file in files]
	hashes = [file.content_hash for file in files if file.content_hash]
	same_content = select("File", "name, content_hash", {"content_hash": hashes}) if hashes else []
	shared = {row.content_hash for row in same_content if row.name not in set(names)}
	_remove_from_disk(files, shared)
	return delete("File", {"name": names})


def _remove_from_disk(files: list, shared: set[str]) -> None:
	"""Frappe's own deletion, one file at a time, where a storage app keeps the files; otherwise the paths Frappe
	gives, unlinked side by side, as unlinking waits on the disk far longer than on Python."""
	if get_hook_method("delete_file_data_content"):
		for file in files:
			frappe.get_doc({"doctype": "File", **file}).delete_file_data_content(only_thumbnail=file.content_hash in shared)
		return
	urls = [file.thumbnail_url for file in files]
	urls += [file.file_url for file in files if file.content_hash not in shared]
	paths = [_path(url) for url in urls if url and not url.startswith(URL_PREFIXES)]
	with ThreadPoolExecutor(max_workers=FILE_WORKERS) as workers:
		list(workers.map(_unlink, paths))


def _path(file_url: str) -> str:
	"""Where Frappe keeps a file on disk, checked by Frappe to lie inside the site's files."""
	return frappe.get_doc({"doctype": "File", "file_url": file_url, "file_name": file_url.rsplit("/", 1)[-1]}).get_full_path()


def _unlink(path: str) -> None:
	try:
		os.remove(path)
	except FileNotFoundError:
		pass  # gone already, say by a purge that failed after deleting it


def _delete_records(doctype: str, names: list[str]) -> Counter:
	"""Delete these records, their tables' rows and every record Frappe keeps about them; how many of each went."""
	counts = Counter()
	for trailing, (doctype_field, name_field) in FRAPPE_RECORDS.items():
		where = {doctype_field: doctype, name_field: names}
		if trailing in OWN_ROWS:
			delete(OWN_ROWS[trailing], {"parent": [row.name for row in select(trailing, "name", where)]})
		counts[trailing] += delete(trailing, where)
	for table in frappe.get_meta(doctype).get_table_fields():
		delete(table.options, {"parenttype": doctype, "parent": names})
	counts[doctype] += delete(doctype, {"name": names})
	counts.pop("__global_search", None)  # Frappe's search index: not a record the council holds
	return counts


def _log(doctype: str, cases: list[dict], counts: Counter) -> str:
	"""The deletion log: what went, when and under which rule, naming no one (X-3). Each case appears by the same
	keyed hash as its monitoring fact, so a records officer who holds a case's name can confirm it was deleted."""
	log = frappe.get_doc(
		{
			"doctype": DELETION_LOG,
			"deleted_at": frappe.utils.now_datetime(),
			"case_count": len(cases),
			"what_was_deleted": deletion_summary({_(record_doctype): count for record_doctype, count in counts.items()}),
		}
	)
	log.flags.ignore_permissions = True  # access: deletion logs are written by the purge only
	log.insert()
	# A log lists hundreds of cases: written in one statement rather than a row at a time.
	stamp = {"creation": log.creation, "modified": log.modified, "owner": log.owner, "modified_by": log.owner}
	rows = [
		{
			"name": f"{log.name}-{idx}",
			"parent": log.name,
			"parenttype": DELETION_LOG,
			"parentfield": "cases",
			"idx": idx,
			"case_kind": KINDS[doctype],
			"case_key": case_key(doctype, case.name),
			"kept_until": case.retain_until,
			"rule": (case.retention_rule or "")[:140],
			**stamp,
		}
		for idx, case in enumerate(cases, 1)
	]
	frappe.db.bulk_insert(DELETED_CASE, list(rows[0]), [tuple(row.values()) for row in rows])
	return log.name


def was_deleted(case_doctype: str, case: str) -> str | None:
	"""The deletion log that records this case, if it was purged."""
	return frappe.db.get_value(  # access: answers for one named case only, from a log that names no one
		DELETED_CASE, {"case_key": case_key(case_doctype, case)}, "parent"
	)
