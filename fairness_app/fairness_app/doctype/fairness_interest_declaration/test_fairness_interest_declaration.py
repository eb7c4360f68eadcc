"""The declarations of interest register (KEN-10): a declared interest keeps its maker off any case involving the
person, at intake and whenever the team changes, and each declaration is read only by its maker and the
Fairness administrators."""

import frappe
from frappe.utils import add_days, add_years, getdate, today

from fairness_app import roles
from fairness_app.fairness_app.doctype.fairness_complaint.test_fairness_complaint import ComplaintTestCase
from fairness_app.tests.fixtures import make_user

DECLARATION = "Fairness Interest Declaration"


class TestInterestDeclarations(ComplaintTestCase):
	def tearDown(self):
		super().tearDown()
		frappe.db.delete(DECLARATION)

	def declare(self, by, related_user=None, as_user=None, **fields):
		frappe.set_user(as_user or by)
		try:
			return frappe.get_doc(
				{
					"doctype": DECLARATION,
					"declared_by": by,
					"related_user": related_user,
					"nature": "Close friend",
					**fields,
				}
			).insert()
		finally:
			frappe.set_user("Administrator")

	def staff_complaint(self):
		return self.record([(self.complainant, "Complainant"), (self.subject_colleague, "Subject")])

	def test_a_manager_with_a_declared_interest_does_not_handle_the_case(self):
		# req: KEN-10, DER-9
		self.assertIn(self.manager, {row.user for row in self.staff_complaint().team})
		self.declare(self.manager, self.colleague)
		team = {row.user for row in self.staff_complaint().team}
		self.assertNotIn(self.manager, team)
		self.assertIn(self.director, team)

	def test_an_expired_declaration_no_longer_counts(self):
		# req: KEN-10
		last_year = add_years(getdate(), -1)
		self.declare(self.manager, self.colleague, declared_on=last_year, valid_until=add_days(today(), -1))
		self.assertIn(self.manager, {row.user for row in self.staff_complaint().team})

	def test_nobody_with_a_declared_interest_joins_the_team_later(self):
		# req: KEN-10
		case = self.staff_complaint()
		investigator = make_user("declared_investigator", roles.INVESTIGATOR)
		self.declare(investigator, self.employee, nature="Family member or partner")
		case.append("team", {"user": investigator, "team_role": "Investigator"})
		frappe.set_user(self.officer)
		with self.assertRaisesRegex(frappe.ValidationError, "has declared an interest in someone in this case"):
			case.save()

	def test_a_team_member_who_changes_nothing_about_the_team_may_save_the_case(self):
		case = self.staff_complaint()
		investigator = make_user("plain_investigator", roles.INVESTIGATOR)
		case.append("team", {"user": investigator, "team_role": "Investigator"})
		frappe.set_user(self.officer)
		case.save()
		frappe.set_user(investigator)
		case.service_area = "Parks"
		case.save()
		self.assertEqual(frappe.db.get_value(case.doctype, case.name, "service_area"), "Parks")

	def test_a_declaration_lasts_a_year_unless_another_date_is_given(self):
		# req: KEN-10
		declaration = self.declare(self.manager, self.colleague, declared_on="2026-04-01")
		self.assertEqual(str(declaration.valid_until), "2027-03-31")

	def test_a_declaration_is_ones_own_and_about_someone(self):
		with self.assertRaisesRegex(frappe.PermissionError, "only make a declaration for yourself"):
			self.declare(self.manager, self.colleague, as_user=self.officer)
		with self.assertRaisesRegex(frappe.ValidationError, "Say who the interest is in"):
			self.declare(self.manager)
		self.declare(self.manager, related_name="A. Contractor, Acme Cleaning Ltd")

	def test_only_its_maker_and_the_administrators_read_a_declaration(self):
		# req: X-2, KEN-10
		declaration = self.declare(self.manager, self.colleague, details="We play in the same band.")
		administrator = make_user("declarations_admin", roles.ADMINISTRATOR)
		for user, may_read in ((self.manager, True), (administrator, True), (self.officer, False), (self.director, False)):
			with self.subTest(user=user):
				frappe.set_user(user)
				listed = frappe.get_list(DECLARATION, pluck="name")
				self.assertEqual(declaration.name in listed, may_read)
				self.assertEqual(frappe.has_permission(DECLARATION, "read", doc=declaration.name), may_read)
