"""Equality monitoring details (SOM-9, DER-24, X-2): the case team records them, only the monitoring role reads
them, and they never appear on the case or in any history."""

import frappe

from fairness_app.services.equality import EQUALITY
from fairness_app.tests.fixtures import EveryPersonaTestCase
from fairness_app.tests.site_client import SiteClient

ANSWERS = {"ethnic_group": "Asian or Asian British: Indian", "sex": "Female", "disabled": "No"}
RECORD = "/api/method/fairness_app.api.record_equality_details"


class TestEqualityMonitoring(EveryPersonaTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		response = cls.post(cls.users.case_officer, ANSWERS)
		assert response.json == {"message": {"recorded": True}}, response.json
		cls.record = frappe.db.get_value(EQUALITY, {"case": cls.case.name})

	def read_channels(self, user):
		"""Which ways of reading the equality record work for `user`."""
		client = SiteClient(user)
		return {
			"form": client.get("/api/method/frappe.desk.form.load.getdoc", doctype=EQUALITY, name=self.record)
			.status_code
			== 200,
			"rest": client.resource(EQUALITY, self.record).status_code == 200,
			"list": client.resource(EQUALITY).status_code == 200,
			"count": isinstance(client.call("frappe.client.get_count", doctype=EQUALITY, filters={"sex": "Female"}), int),
			"value": isinstance(
				client.call("frappe.client.get_value", doctype=EQUALITY, filters=self.record, fieldname="sex"), dict
			),
		}

	def test_the_case_team_records_the_details_but_cannot_read_them_back(self):
		# req: SOM-9, X-2
		self.assertEqual(frappe.db.get_value(EQUALITY, self.record, "ethnic_group"), ANSWERS["ethnic_group"])
		for persona in ("case_officer", "line_manager", "investigator", "complainant", "administrator"):
			with self.subTest(persona=persona):
				self.assertFalse(any(self.read_channels(self.users[persona]).values()))

	def test_only_the_monitoring_role_reads_them(self):
		# req: X-2, DER-24
		self.assertTrue(all(self.read_channels(self.users.monitoring_officer).values()))

	def test_the_case_form_never_shows_them(self):
		# req: SOM-9
		response = SiteClient(self.users.case_officer).get(
			"/api/method/frappe.desk.form.load.getdoc", doctype=self.case.doctype, name=self.case.name
		)
		self.assertEqual(response.status_code, 200)
		self.assertNotIn("Indian", response.get_data(as_text=True))

	def test_someone_outside_the_case_cannot_record_details_for_it(self):
		response = self.post(self.users.manager_subject, {"sex": "Male"})
		self.assertEqual(response.status_code, 403)
		self.assertEqual(frappe.db.get_value(EQUALITY, self.record, "sex"), "Female")

	def test_changes_leave_no_history(self):
		# req: X-2
		self.assertFalse(frappe.get_meta(EQUALITY).track_changes)
		self.post(self.users.case_officer, {**ANSWERS, "sex": "Male"})
		self.assertEqual(frappe.db.get_value(EQUALITY, self.record, "sex"), "Male")
		self.assertFalse(frappe.db.exists("Version", {"ref_doctype": EQUALITY}))
		self.restore()

	def test_nothing_is_kept_for_someone_who_declines(self):
		# req: SOM-9 (voluntary)
		self.post(self.users.case_officer, ANSWERS, declined=1)
		kept = frappe.db.get_value(EQUALITY, self.record, ["declined", "ethnic_group", "sex"], as_dict=True)
		self.assertEqual(kept, {"declined": 1, "ethnic_group": None, "sex": None})
		self.restore()

	def test_a_question_that_does_not_exist_is_refused(self):
		response = self.post(self.users.case_officer, {"full_name": "X"})
		self.assertEqual(response.status_code, 417)
		self.assertIn("not equality monitoring questions", response.get_data(as_text=True))

	@classmethod
	def post(cls, user, answers, **extra):
		"""Record answers for the case as `user`, through the endpoint the form uses."""
		response = SiteClient(user).post(
			RECORD, {"case_doctype": cls.case.doctype, "case": cls.case.name, "answers": answers, **extra}
		)
		frappe.db.rollback()  # read what the request committed, not this connection's earlier snapshot
		return response

	def restore(self):
		self.post(self.users.case_officer, ANSWERS)
