"""Subject access search on a real site (issue 6): everything held about one person across cases is found, by the
council's administrators only (UK GDPR article 15, X-2)."""

import frappe
from frappe.desk.query_report import run as run_report

from fairness_app.services import equality
from fairness_app.tests.fixtures import EveryPersonaTestCase, make_party, new_complaint

REPORT = "Fairness Subject Access"


class TestSubjectAccess(EveryPersonaTestCase):
	def setUp(self):
		self.name = f"Quillon {frappe.generate_hash(length=8)}"
		self.person = make_party(self.name, party_type="Member of the public")
		self.person.db_set("email", f"{frappe.scrub(self.name)}@example.org")
		frappe.set_user(self.users.case_officer)
		self.case = new_complaint([(self.person, "Complainant")]).insert()
		self.person.add_comment("Comment", "Asked to be phoned after 5pm.")
		frappe.set_user("Administrator")
		equality.record_equality_details(self.case.doctype, self.case.name, {"sex": "Female"})

	def search(self, person, as_user):
		frappe.set_user(as_user)
		try:
			return run_report(REPORT, filters={"person": person})["result"]
		finally:
			frappe.set_user("Administrator")

	def test_finds_the_person_in_every_case_and_record_that_holds_them(self):
		# req: X-3
		found = {(row["record"], row["detail"], row["count"]) for row in self.search(self.name, self.users.administrator)}
		self.assertIn((self.person.name, "Their details as recorded", 1), found)
		self.assertIn((self.case.name, "Named in People involved (Complainant)", 1), found)
		self.assertIn((self.case.name, "Equality monitoring details they gave", 1), found)
		self.assertIn(("", "Comments on their record", 1), found)
		references = {row["reference"] for row in self.search(self.name, self.users.administrator)}
		self.assertIn(self.case.reference, references)

	def test_nobody_else_may_search(self):
		# req: X-2
		for persona in ("case_officer", "line_manager", "investigator", "monitoring_officer", "unrelated_staff"):
			with self.assertRaises(frappe.PermissionError, msg=persona):
				self.search(self.name, self.users[persona])

	def test_a_search_too_short_to_name_anyone_is_refused_plainly(self):
		with self.assertRaisesRegex(frappe.ValidationError, "at least three letters"):
			self.search("Qu", self.users.administrator)
