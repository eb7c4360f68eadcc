"""Frappe 15 behaviours that would leak or lose case data, each closed for the protected doctypes.

permissions.py says who may read what; this module makes the endpoints and records that skip that question ask it.
Each guard names the behaviour it closes, and fairness_app/tests/test_safeguards.py reproduces each one.
"""

import os
import sys

import frappe
from frappe import _
from frappe.api.v1 import get_request_form_data
from frappe.client import get_count as frappe_get_count
from frappe.client import validate_link as frappe_validate_link
from frappe.core.doctype.file.file import File
from frappe.core.doctype.file.utils import find_file_by_url
from frappe.desk.listview import get_group_by_count as frappe_get_group_by_count
from frappe.desk.notifications import get_dynamic_link_filters, get_filters_for
from frappe.desk.notifications import get_open_count as frappe_get_open_count
from frappe.desk.search import search_link as frappe_search_link
from frappe.desk.search import search_widget as frappe_search_widget
from frappe.utils import get_safe_filters

from fairness_app.permissions import (
	PROTECTED_DOCTYPES,
	PROTECTED_TABLE_DOCTYPES,
	SUPERUSER,
	trailing_has_permission,
)

# --- Endpoints that answer without asking the need-to-know rule -------------------------------------------------


@frappe.whitelist()
def get_count(doctype: str, filters=None, debug=False, cache=False) -> int:
	"""frappe.client.get_count calls frappe.db.count, which checks no permission at all."""
	if doctype in PROTECTED_TABLE_DOCTYPES:
		frappe.throw(
			_("The rows of a case's or a marker's table are counted on the record itself. Open it to see them."),
			frappe.PermissionError,
			title=_("Not counted"),
		)
	if doctype not in PROTECTED_DOCTYPES:
		return frappe_get_count(doctype, filters, debug, cache)
	return len(frappe.get_list(doctype, filters=get_safe_filters(filters), pluck="name", limit_page_length=0))


@frappe.whitelist()
def get_group_by_count(doctype: str, current_filters: str, field: str) -> list[dict]:
	"""The sidebar's "Assigned To" counts select the records by filters alone, without permission conditions."""
	if doctype not in PROTECTED_DOCTYPES or field != "assigned_to":
		return frappe_get_group_by_count(doctype, current_filters, field)
	readable = frappe.get_list(doctype, filters=frappe.parse_json(current_filters), pluck="name", limit_page_length=0)
	if not readable:
		return []
	return frappe.get_all(  # access: counts assignments of the records just read through frappe.get_list
		"ToDo",
		filters={"reference_type": doctype, "reference_name": ("in", readable), "status": ("!=", "Cancelled")},
		fields=["allocated_to as name", "count(*) as count"],
		group_by="allocated_to",
		order_by="count desc",
		limit=50,
	)


@frappe.whitelist()
def search_link(
	doctype: str,
	txt: str,
	query: str | None = None,
	filters: str | dict | list | None = None,
	page_length: int = 10,
	searchfield: str | None = None,
	reference_doctype: str | None = None,
	ignore_user_permissions: bool = False,
):
	"""With ignore_user_permissions=1, link search drops every permission condition, ours included."""
	return frappe_search_link(
		doctype,
		txt,
		query,
		filters,
		page_length,
		searchfield,
		reference_doctype,
		ignore_user_permissions=ignore_user_permissions and doctype not in PROTECTED_DOCTYPES,
	)


@frappe.whitelist()
def search_widget(
	doctype: str,
	txt: str,
	query: str | None = None,
	searchfield: str | None = None,
	start: int = 0,
	page_length: int = 10,
	filters: str | None | dict | list = None,
	filter_fields=None,
	as_dict: bool = False,
	reference_doctype: str | None = None,
	ignore_user_permissions: bool = False,
):
	"""The same hole as search_link, reached directly."""
	return frappe_search_widget(
		doctype,
		txt,
		query,
		searchfield,
		start,
		page_length,
		filters,
		filter_fields,
		as_dict,
		reference_doctype,
		ignore_user_permissions=ignore_user_permissions and doctype not in PROTECTED_DOCTYPES,
	)


@frappe.whitelist()
def validate_link(doctype: str, docname: str, fields=None):
	"""validate_link answers whether a name exists to anyone holding a role on the doctype. A case nobody told
	you about must look exactly like one that does not exist."""
	if doctype in PROTECTED_DOCTYPES and not _readable(doctype, docname):
		return frappe._dict(name=None)
	return frappe_validate_link(doctype, docname, fields)


@frappe.whitelist()
def get_open_count(doctype: str, name: str, items=None):
	"""A form's Connections counts linked records with frappe.get_all, so a connection an administrator adds (from
	a directorate or an employee to the cases, say) would count cases the reader may not open."""
	out = frappe_get_open_count(doctype, name, items)
	links = None
	for found in out["count"].get("external_links_found", ()):
		if found["doctype"] in PROTECTED_DOCTYPES:
			links = links or frappe.get_meta(doctype).get_dashboard_data()
			found.update(_readable_link_counts(found["doctype"], name, links))
	return out


def _readable_link_counts(doctype: str, name: str, links) -> dict:
	"""The counts Frappe's get_external_links makes, of the linked records the reader may read."""
	fieldname = links.get("non_standard_fieldnames", {}).get(doctype, links.get("fieldname"))
	filters = {fieldname: name, **(get_dynamic_link_filters(doctype, links, fieldname) or {})}
	open_filters = get_filters_for(doctype)

	def count(filters):
		return len(frappe.get_list(doctype, filters=filters, pluck="name", limit_page_length=100, distinct=True))

	return {"count": count(filters), "open_count": count({**filters, **open_filters}) if open_filters else 0}


def _readable(doctype: str, name, user: str | None = None) -> bool:
	if not name or not isinstance(name, str) or not frappe.db.exists(doctype, name):
		return False
	return frappe.has_permission(doctype, "read", doc=name, user=user)


# --- Files --------------------------------------------------------------------------------------------------

# Evidence the policies describe: documents, images and audio recordings.
EVIDENCE_EXTENSIONS = frozenset(
	"pdf doc docx odt rtf txt xls xlsx ods csv eml msg jpg jpeg png gif heic webp tif tiff mp3 m4a wav ogg aac".split()
)


def check_new_file(file):
	"""Files on a case are private, of a kind the policies expect, and never borrowed from someone else's case.

	Frappe serves a private file to anyone who can read any File record with its URL, and lets everyone read
	the File records they own: a new record pointing at an existing private URL would be a key to it."""
	if file.is_folder:
		return
	if file.attached_to_doctype in PROTECTED_DOCTYPES:
		if not file.is_private:
			frappe.throw(
				_("Files on a case are always private. Tick Private and upload the file again."),
				title=_("File must be private"),
			)
		extension = os.path.splitext(file.file_name or file.file_url or "")[1].lstrip(".").lower()
		if extension not in EVIDENCE_EXTENSIONS:
			frappe.throw(
				_(
					"{0} cannot be attached to a case. Attach a document (such as PDF or Word), "
					"a picture or a sound recording."
				).format(frappe.bold(file.file_name or file.file_url)),
				title=_("File type not accepted"),
			)
	borrowing = not file.get("content") and (file.file_url or "").startswith("/private/")
	if borrowing and not file.flags.ignore_permissions and not find_file_by_url(file.file_url):
		frappe.throw(
			_("You can only attach a private file you can already open. Upload the file instead."),
			frappe.PermissionError,
			title=_("File not attached"),
		)


def file_has_permission(doc, ptype: str | None = None, user: str | None = None, debug: bool = False):
	"""A private file that belongs to a confidential record is readable only by that record's readers, whichever
	File record asks for it. Deny or defer, never grant."""
	user = user or frappe.session.user
	if user == SUPERUSER or not doc.is_private or not doc.file_url:
		return None
	for owner in frappe.get_all(  # access: reads which records share this URL, to check each one
		"File",
		filters={"file_url": doc.file_url, "attached_to_doctype": ("in", PROTECTED_DOCTYPES)},
		fields=["attached_to_doctype", "attached_to_name"],
	):
		if not _readable(owner.attached_to_doctype, owner.attached_to_name, user):
			return False
	return None


class CaseAwareFile(File):
	"""Checks each new file, and makes downloads ask the need-to-know rule.

	Downloading a private file asks File.is_downloadable, which calls the File module's own rule directly and
	skips every app's has_permission hook: it lets the owner of any File record with the URL download it."""

	def before_insert(self):
		check_new_file(self)  # before Frappe reads the content: afterwards an upload and a borrowed URL look alike
		super().before_insert()

	def is_downloadable(self):
		return (
			super().is_downloadable()
			and trailing_has_permission(self) is not False
			and file_has_permission(self) is not False
		)


# --- Error logs ---------------------------------------------------------------------------------------------------

CASE_MARKERS = ("fairness_app", *PROTECTED_DOCTYPES)


def drop_local_variables(error_log, method=None):
	"""frappe.log_error without a message stores every frame's local variables, which would include case text.
	When the failure touched a case, keep the plain traceback only."""
	if sys.exc_info()[1] is None or not any(marker in (error_log.error or "") for marker in CASE_MARKERS):
		return
	error_log.error = frappe.get_traceback(with_context=False)


# --- REST updates -------------------------------------------------------------------------------------------------


def refuse_blind_rest_update(doc, method=None):
	"""A REST PUT without `modified` skips Frappe's check that nobody else saved the record in between, and would
	silently overwrite a colleague's change to the case."""
	request = getattr(frappe.local, "request", None)
	if doc.is_new() or request is None or request.method != "PUT" or not request.path.startswith("/api/"):
		return
	if "modified" not in (get_request_form_data() or {}):
		frappe.throw(
			_(
				"Send the 'modified' value from when you read this record, so that a change someone else has "
				"saved since is not overwritten."
			),
			frappe.TimestampMismatchError,
			title=_("Record not saved"),
		)
