"""Every persona against a complaint, an incident, a warning marker and a person through every channel Frappe
offers (X-2, FHB-6, FHB-3, DER-7, CUM-6).

Each channel is a real request through Frappe's request handling, signed in as the persona. Only the three people
working the case (or told of the marker, or on the teams of a person's cases) see it; everyone else, whatever their
roles, learns nothing, not even that it exists. A channel takes the record and finds it by its title (a case's
reference, a marker's or a person's name).
"""

import frappe
from frappe.tests.utils import FrappeTestCase

from fairness_app.tests.fixtures import (
	case_with_every_persona,
	person_with_trailing_records,
	warning_marker_with_readers,
)
from fairness_app.tests.site_client import SiteClient
from fairness_app.tests.test_plugin_registry import save_settings

TEAM = {"line_manager", "case_officer", "investigator"}
# The incident goes to the complainant's manager, who handles it rather than being complained about.
INCIDENT_TEAM = {"manager_subject", "case_officer", "investigator"}
# The marker on the incident's visitor: raised by the handling manager, approved by theirs, told to the investigator.
# The case officer on the incident's team is not told.
MARKER_READERS = {"manager_subject", "line_manager", "investigator"}


def _names(rows) -> set:
	return {row["name"] if isinstance(row, dict) else row[0] for row in rows or ()}


def _title(record) -> str:
	return record.get(record.meta.title_field)


def form_load(client, case):
	response = client.get("/api/method/frappe.desk.form.load.getdoc", doctype=case.doctype, name=case.name)
	return response.status_code == 200 and bool(response.json.get("docs"))


def list_view(client, case, view="List"):
	message = client.call(
		"frappe.desk.reportview.get", doctype=case.doctype, fields=["name", case.meta.title_field], view=view
	)
	return isinstance(message, dict) and case.name in {row[0] for row in message.get("values", ())}


def report_view(client, case):
	return list_view(client, case, view="Report")


def client_get_count(client, case):
	return client.call("frappe.client.get_count", doctype=case.doctype, filters={"name": case.name}) == 1


def reportview_get_count(client, case):
	count = client.call("frappe.desk.reportview.get_count", doctype=case.doctype, filters={"name": case.name})
	return count == 1


def sidebar_assigned_to_counts(client, case):
	counts = client.call(
		"frappe.desk.listview.get_group_by_count",
		doctype=case.doctype,
		current_filters={"name": case.name},
		field="assigned_to",
	)
	return isinstance(counts, list) and bool(counts)


def sidebar_owner_counts(client, case):
	counts = client.call(
		"frappe.desk.listview.get_group_by_count", doctype=case.doctype, current_filters={"name": case.name}, field="owner"
	)
	return isinstance(counts, list) and bool(counts)


def link_search(client, case):
	results = client.call(
		"frappe.desk.search.search_link", doctype=case.doctype, txt=_title(case), ignore_user_permissions=1
	)
	return isinstance(results, list) and case.name in {result["value"] for result in results}


def global_search(client, case):
	results = client.call("frappe.utils.global_search.search", text=case.reference)
	return isinstance(results, list) and case.name in _names(results)


def rest_list(client, case):
	response = client.resource(case.doctype, filters=[[case.meta.title_field, "=", _title(case)]])
	return response.status_code == 200 and case.name in _names(response.json["data"])


def rest_document(client, case):
	return client.resource(case.doctype, case.name).status_code == 200


def client_get_list(client, case):
	rows = client.call("frappe.client.get_list", doctype=case.doctype, filters={case.meta.title_field: _title(case)})
	return isinstance(rows, list) and case.name in _names(rows)


def client_get_value(client, case):
	field = case.meta.title_field
	value = client.call("frappe.client.get_value", doctype=case.doctype, filters=case.name, fieldname=field)
	return isinstance(value, dict) and value.get(field) == _title(case)


def link_validation(client, case):
	value = client.call("frappe.client.validate_link", doctype=case.doctype, docname=case.name)
	return isinstance(value, dict) and value.get("name") == case.name


def file_download(client, case):
	file_url = frappe.db.get_value("File", {"attached_to_name": case.name}, "file_url")
	return client.get(file_url).status_code == 200


def _docinfo(client, case, key):
	"""What the form's sidebar and timeline show: Frappe sends it with the form, to whoever may open it."""
	response = client.get("/api/method/frappe.desk.form.load.get_docinfo", doctype=case.doctype, name=case.name)
	return response.status_code == 200 and bool(response.json["docinfo"][key])


def _trailing_records(client, doctype, reference_field, case):
	"""The same records asked for directly, which roles such as System Manager may list."""
	response = client.resource(doctype, filters=[[reference_field, "=", case.name]])
	return response.status_code == 200 and bool(response.json["data"])


def version_history(client, case):
	return _docinfo(client, case, "versions") or _trailing_records(client, "Version", "docname", case)


def comments(client, case):
	return _docinfo(client, case, "comments") or _trailing_records(client, "Comment", "reference_name", case)


def assignments(client, case):
	return _docinfo(client, case, "assignments") or _trailing_records(client, "ToDo", "reference_name", case)


def attachments(client, case):
	return _docinfo(client, case, "attachments") or _trailing_records(client, "File", "attached_to_name", case)


def print_view(client, case):
	response = client.get("/api/method/frappe.www.printview.get_html_and_style", doc=case.doctype, name=case.name)
	return response.status_code == 200 and _title(case) in response.json["message"]["html"]


def email(client, case):
	response = client.post(
		"/api/method/frappe.core.doctype.communication.email.make",
		{
			"doctype": case.doctype,
			"name": case.name,
			"recipients": "someone@fairness-test.example.org",
			"subject": "About your case",
			"content": "Checking who may write about this case.",
			"send_email": 0,
		},
	)
	return response.status_code == 200


def case_rows(client, case):
	"""The record's own tables (a case's people, allegations, team, deadlines; a marker's circulation) asked for
	directly, naming the record's doctype as their parent: Frappe checks only the role on that doctype, then would
	list every record's rows."""
	for table in frappe.get_meta(case.doctype).get_table_fields():
		rows = client.call(
			"frappe.client.get_list", doctype=table.options, parent=case.doctype, filters={"parent": case.name}
		)
		count = client.call("frappe.client.get_count", doctype=table.options, filters={"parent": case.name})
		if (isinstance(rows, list) and rows) or (isinstance(count, int) and count):
			return True
	return False


def person_record(client, case):
	"""The record of the person complained about, who is a party to this case only."""
	subject = next(row.party for row in case.parties if row.role == "Subject")
	return client.resource("Fairness Party", subject).status_code == 200


CHANNELS = (
	form_load,
	list_view,
	report_view,
	client_get_count,
	reportview_get_count,
	sidebar_assigned_to_counts,
	sidebar_owner_counts,
	link_search,
	rest_list,
	rest_document,
	client_get_list,
	client_get_value,
	link_validation,
	file_download,
	version_history,
	comments,
	assignments,
	attachments,
	print_view,
	email,
	case_rows,
	person_record,
)
# A marker is about a person, not a case with people, and those told of it read it without writing about it.
MARKER_CHANNELS = tuple(channel for channel in CHANNELS if channel not in (email, person_record))
# Nobody prints or emails from a person's record (no role may), and it has no tables of its own.
PERSON_CHANNELS = tuple(channel for channel in CHANNELS if channel not in (print_view, email, case_rows, person_record))
# A witness recorded by the case officer: their record follows the case they are in.
PERSON_READERS = TEAM


class TestPermissionMatrix(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		save_settings()
		cls.scenario = case_with_every_persona()
		cls.marker = warning_marker_with_readers(cls.scenario.users)
		cls.person = person_with_trailing_records(cls.scenario.case, cls.scenario.users)
		cls.clients = {persona: SiteClient(user) for persona, user in cls.scenario.users.items()}

	def assert_matrix(self, case, team, channels=CHANNELS):
		seen = {
			persona: {channel.__name__ for channel in channels if channel(client, case)}
			for persona, client in self.clients.items()
		}
		everything = {channel.__name__ for channel in channels}
		expected = {persona: everything if persona in team else set() for persona in self.clients}
		self.assertEqual(seen, expected)

	def test_only_the_case_team_sees_the_case_on_any_channel(self):
		# req: X-2, FHB-6, FHB-3, DER-7
		self.assert_matrix(self.scenario.case, TEAM)

	def test_only_the_incident_team_sees_the_incident_on_any_channel(self):
		# req: X-2, KEN-11, CUM-6
		self.assert_matrix(self.scenario.incident, INCIDENT_TEAM)

	def test_only_those_told_see_a_warning_marker_on_any_channel(self):
		# req: CUM-6, X-2
		self.assert_matrix(self.marker, MARKER_READERS, MARKER_CHANNELS)

	def test_only_the_teams_of_their_cases_see_a_person_on_any_channel(self):
		# req: X-2, FHB-6
		self.assert_matrix(self.person, PERSON_READERS, PERSON_CHANNELS)

	def test_the_approval_inbox_shows_a_case_to_its_team_only(self):
		# req: X-2, DER-7. Frappe lists a case's next moves to everyone holding a role that may make them.
		case = self.scenario.case
		for persona, expected in (("line_manager", True), ("manager_subject", False), ("unrelated_staff", False)):
			with self.subTest(persona=persona):
				self.assertEqual(_trailing_records(self.clients[persona], "Workflow Action", "reference_name", case), expected)

	def test_global_search_never_shows_a_case_even_to_its_team(self):
		# Nothing on a confidential record is indexed, so global search cannot quote it to anyone.
		for case in (self.scenario.case, self.scenario.incident):
			for persona, client in self.clients.items():
				with self.subTest(case=case.doctype, persona=persona):
					self.assertFalse(global_search(client, case))

	def test_sharing_or_assigning_to_an_outsider_opens_nothing(self):
		# req: X-2
		from frappe.desk.form import assign_to

		outsider = self.scenario.users.unrelated_staff
		for case, team, channels in (
			(self.scenario.case, TEAM, CHANNELS),
			(self.scenario.incident, INCIDENT_TEAM, CHANNELS),
			(self.marker, MARKER_READERS, MARKER_CHANNELS),
			(self.person, PERSON_READERS, PERSON_CHANNELS),
		):
			with self.assertRaises(frappe.PermissionError):
				frappe.share.add(case.doctype, case.name, outsider, read=1)
			with self.assertRaises(frappe.PermissionError):
				assign_to.add({"doctype": case.doctype, "name": case.name, "assign_to": [outsider]})
			frappe.db.commit()
			self.assert_matrix(case, team, channels)
