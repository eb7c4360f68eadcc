"""The directories staff and complainants are pointed to: Equality and Harassment Advisers by directorate and
specialism (SOM-8) and support services by strand (SOM-18). Everyone working with cases reads them; only the
Fairness administrators change them."""

import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils import add_days, today

from fairness_app import roles
from fairness_app.tests.fixtures import make_user


class TestDirectories(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.adviser = make_user("disability_adviser")
		cls.staff = make_user("directory_reader", roles.INTAKE_OFFICER)

	def tearDown(self):
		frappe.set_user("Administrator")

	def new_adviser(self, **fields):
		return frappe.get_doc(
			{
				"doctype": "Fairness Adviser",
				"adviser": self.adviser,
				"specialism": "Disability",
				"valid_from": today(),
				"valid_until": add_days(today(), 365),
				**fields,
			}
		)

	def test_an_adviser_is_listed_for_a_period_that_ends_after_it_starts(self):
		# req: SOM-8
		with self.assertRaisesRegex(frappe.ValidationError, "On the list until .* is before on the list from"):
			self.new_adviser(valid_until=add_days(today(), -1)).insert()
		self.assertEqual(self.new_adviser().insert().full_name, "Disability Adviser")

	def test_staff_read_the_directories_and_only_administrators_change_them(self):
		# req: SOM-8, SOM-18
		service = frappe.get_doc(
			{
				"doctype": "Fairness Support Service",
				"service_name": "Disability advice line",
				"strand": "Disability",
				"provided_by": "An outside organisation",
			}
		).insert()
		adviser = self.new_adviser().insert()
		frappe.set_user(self.staff)
		self.assertIn(service.name, frappe.get_list("Fairness Support Service", pluck="name"))
		self.assertIn(adviser.name, frappe.get_list("Fairness Adviser", pluck="name"))
		service.description = "Changed by someone who may not"
		with self.assertRaises(frappe.PermissionError):
			service.save()
