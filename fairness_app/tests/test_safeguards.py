"""Each Frappe 15 behaviour that would leak or lose case data, reproduced on a real site and shown closed (X-2).

The channels the permission matrix walks are covered there; these are the ones that need their own set-up."""

import json

import frappe
from frappe.tests.utils import FrappeTestCase

from fairness_app.permissions import (
	CONFIDENTIAL_DOCTYPES,
	PROTECTED_DOCTYPES,
	PROTECTED_TABLE_DOCTYPES,
	TABLE_PARENT_DOCTYPES,
)
from fairness_app.tests.fixtures import EVIDENCE, EveryPersonaTestCase, evidence_for, new_complaint
from fairness_app.tests.site_client import SiteClient
from fairness_app.tests.test_plugin_registry import save_settings


class SafeguardTestCase(EveryPersonaTestCase):
	def attach(self, file_name, content=EVIDENCE, is_private=1, as_user=None, **fields):
		frappe.set_user(as_user or self.users.case_officer)
		try:
			return frappe.get_doc(
				{
					"doctype": "File",
					"file_name": file_name,
					"content": content,
					"is_private": is_private,
					"attached_to_doctype": self.case.doctype,
					"attached_to_name": self.case.name,
					**fields,
				}
			).insert()
		finally:
			frappe.set_user("Administrator")


class TestFiles(SafeguardTestCase):
	def evidence_url(self):
		return frappe.db.get_value(
			"File", {"attached_to_name": self.case.name, "file_name": ("like", "meeting-notes%.pdf")}, "file_url"
		)

	def test_a_file_record_pointing_at_someone_elses_private_file_is_refused(self):
		# Frappe serves a private file to anyone who can read any File record with its URL.
		frappe.set_user(self.users.unrelated_staff)
		with self.assertRaises(frappe.PermissionError):
			frappe.get_doc({"doctype": "File", "file_name": "mine.pdf", "file_url": self.evidence_url()}).insert()

	def test_a_borrowed_file_record_made_anyway_does_not_open_the_file(self):
		# A record inserted past the check (by a script, say) still gives no access to the case's file.
		frappe.set_user(self.users.unrelated_staff)
		borrowed = frappe.get_doc({"doctype": "File", "file_name": "mine.pdf", "file_url": self.evidence_url()})
		borrowed.flags.ignore_permissions = True
		borrowed.insert()
		frappe.db.commit()
		self.addCleanup(frappe.db.commit)
		self.addCleanup(frappe.delete_doc, "File", borrowed.name, force=True, ignore_permissions=True)
		self.assertFalse(frappe.has_permission("File", "read", doc=borrowed))
		download = SiteClient(self.users.unrelated_staff).get(self.evidence_url())
		self.assertEqual(download.status_code, 403)

	def test_the_team_downloads_the_evidence(self):
		download = SiteClient(self.users.investigator).get(self.evidence_url())
		self.assertEqual(download.status_code, 200)
		self.assertEqual(download.data, evidence_for(self.case))

	def test_a_public_file_on_a_case_is_refused(self):
		with self.assertRaises(frappe.ValidationError) as refused:
			self.attach("statement.pdf", is_private=0)
		self.assertIn("always private", str(refused.exception))

	def test_a_file_that_is_not_a_document_picture_or_recording_is_refused(self):
		# Bad input: an attachment that is not a document, image or audio file.
		with self.assertRaises(frappe.ValidationError) as refused:
			self.attach("run-me.exe", content=b"MZ")
		self.assertIn("cannot be attached to a case", str(refused.exception))

	def test_documents_pictures_and_recordings_are_accepted(self):
		for name, content in (("letter.docx", b"PK"), ("bruise.jpg", a_photo()), ("voicemail.m4a", b"ftypM4A")):
			with self.subTest(name=name):
				self.assertTrue(self.attach(name, content=content).is_private)


def a_photo() -> bytes:
	from io import BytesIO

	from PIL import Image

	photo = BytesIO()
	Image.new("RGB", (2, 2), "white").save(photo, "JPEG")
	return photo.getvalue()


class TestRestUpdates(SafeguardTestCase):
	def path(self):
		return f"/api/resource/{self.case.doctype}/{self.case.name}"

	def test_an_update_without_modified_is_refused_and_changes_nothing(self):
		response = SiteClient(self.users.case_officer).put(self.path(), {"service_area": "Overwritten"})
		self.assertEqual(response.status_code, 417)
		self.assertIn("modified", response.json["exception"])
		self.assertEqual(frappe.db.get_value(self.case.doctype, self.case.name, "service_area"), "Street cleaning")

	def test_an_update_based_on_a_stale_read_is_refused(self):
		response = SiteClient(self.users.case_officer).put(
			self.path(), {"service_area": "Overwritten", "modified": "2020-01-01 00:00:00"}
		)
		self.assertEqual(response.status_code, 417)

	def test_an_update_based_on_the_latest_read_is_saved(self):
		modified = str(frappe.db.get_value(self.case.doctype, self.case.name, "modified"))
		self.addCleanup(frappe.db.commit)
		self.addCleanup(frappe.db.set_value, self.case.doctype, self.case.name, "service_area", "Street cleaning")
		response = SiteClient(self.users.case_officer).put(
			self.path(), {"service_area": "Parks", "modified": modified}
		)
		self.assertEqual(response.status_code, 200, response.data)
		self.assertEqual(frappe.db.get_value(self.case.doctype, self.case.name, "service_area"), "Parks")


class TestErrorLog(FrappeTestCase):
	def test_a_logged_failure_keeps_no_case_text(self):
		# frappe.log_error without a message stores each frame's local variables: here, the submitted form.
		save_settings()
		submitted = json.dumps(
			{
				"doctype": "Fairness Complaint",
				"received_on": "2026-03-02",
				"latest_incident_on": "2026-03-09",
				"service_area": "He said things about my religion in front of everyone",
			}
		)

		def save_from_the_form(doc_json):
			frappe.get_doc(json.loads(doc_json)).insert()

		try:
			save_from_the_form(submitted)
		except frappe.ValidationError:
			log = frappe.log_error("Could not record a complaint")
		self.assertIn("is after the date the complaint was received", log.error)
		self.assertNotIn("about my religion", log.error)

	def test_other_failures_keep_their_detail(self):
		try:
			{}["missing"]  # noqa: B018
		except KeyError:
			log = frappe.log_error("Unrelated failure")
		self.assertIn("Traceback", log.error)


class TestDeletedCases(SafeguardTestCase):
	def test_a_deleted_case_is_not_readable_from_the_bin(self):
		frappe.set_user(self.users.case_officer)
		doomed = new_complaint([(self.scenario.complainant, "Complainant")], service_area="Libraries").insert()
		frappe.set_user("Administrator")
		frappe.delete_doc(doomed.doctype, doomed.name, ignore_permissions=True)
		frappe.db.commit()
		snapshot = SiteClient(self.users.administrator).resource(
			"Deleted Document", filters=[["deleted_name", "=", doomed.name]]
		)
		self.assertEqual(snapshot.status_code, 200)
		self.assertEqual(snapshot.json["data"], [])


class TestConnections(SafeguardTestCase):
	def test_a_connection_to_the_cases_counts_only_the_cases_the_reader_may_open(self):
		# req: X-2. Frappe counts a form's connections with frappe.get_all, whoever is looking.
		directorate = frappe.get_doc(
			{"doctype": "Fairness Directorate", "code": f"D{frappe.generate_hash(length=6)}", "directorate_name": "Place"}
		).insert()
		frappe.db.set_value(self.case.doctype, self.case.name, "directorate", directorate.name)
		connection = frappe.get_doc(
			{
				"doctype": "DocType Link",
				"parent": directorate.doctype,
				"parenttype": "DocType",
				"parentfield": "links",
				"link_doctype": self.case.doctype,
				"link_fieldname": "directorate",
				"custom": 1,
			}
		)
		connection.db_insert()
		frappe.clear_cache(doctype=directorate.doctype)
		frappe.db.commit()
		self.addCleanup(frappe.clear_cache, doctype=directorate.doctype)
		self.addCleanup(frappe.db.commit)
		self.addCleanup(frappe.db.delete, "DocType Link", {"name": connection.name})
		self.addCleanup(frappe.db.set_value, self.case.doctype, self.case.name, "directorate", None)

		def counted(persona):
			counts = SiteClient(self.users[persona]).call(
				"frappe.desk.notifications.get_open_count", doctype=directorate.doctype, name=directorate.name
			)
			found = {link["doctype"]: link["count"] for link in counts["count"]["external_links_found"]}
			return found[self.case.doctype]

		self.assertEqual(counted("unrelated_staff"), 0)
		self.assertEqual(counted("case_officer"), 1)


class TestNothingHiddenInsideARecord(FrappeTestCase):
	def test_confidential_doctypes_have_no_field_some_readers_cannot_see(self):
		"""Frappe filters, sorts and groups on fields above a reader's permission level, and keeps their old and
		new values in version history. So every reader of a confidential record may read all of it, and what
		some must not see lives in its own doctype with its own rule (ARCHITECTURE: confidential data)."""
		for doctype in CONFIDENTIAL_DOCTYPES:
			meta = frappe.get_meta(doctype)
			for table in [doctype, *(df.options for df in meta.get_table_fields())]:
				for df in frappe.get_meta(table).fields:
					with self.subTest(doctype=table, field=df.fieldname):
						self.assertEqual(df.permlevel, 0)
						self.assertFalse(df.in_global_search)


class TestEveryTableFollowsItsRecord(FrappeTestCase):
	def test_every_table_inside_a_protected_record_is_guarded(self):
		"""Frappe lists a table's rows to anyone with a role on any doctype holding the table. A table added to a
		confidential record without a rule in permissions.py would show every record's rows (the matrix's
		case_rows channel)."""
		hooks = frappe.get_hooks("permission_query_conditions")
		for doctype in PROTECTED_DOCTYPES:
			for table in frappe.get_meta(doctype).get_table_fields():
				with self.subTest(doctype=doctype, table=table.options):
					self.assertIn(table.options, PROTECTED_TABLE_DOCTYPES)
					self.assertIn(doctype, TABLE_PARENT_DOCTYPES)
					self.assertEqual(
						hooks.get(table.options), ["fairness_app.permissions.table_row_query_conditions"]
					)


class TestExports(SafeguardTestCase):
	def test_case_records_cannot_be_exported_even_by_the_team(self):
		"""No role holds Export on a confidential doctype: free text such as "=HYPERLINK(...)" never reaches a
		spreadsheet from the list view. The app's own exports pass cells through reports.exports.spreadsheet_safe."""
		response = SiteClient(self.users.case_officer).post(
			"/api/method/frappe.desk.reportview.export_query",
			{"doctype": self.case.doctype, "file_format_type": "CSV", "fields": '["name", "service_area"]'},
		)
		self.assertEqual(response.status_code, 403)
		for doctype in CONFIDENTIAL_DOCTYPES:
			with self.subTest(doctype=doctype):
				self.assertFalse(any(perm.export for perm in frappe.get_meta(doctype).permissions))
