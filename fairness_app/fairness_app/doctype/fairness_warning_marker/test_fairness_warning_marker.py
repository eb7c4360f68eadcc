"""Warning markers (CUM-6): approved by a senior manager other than the one raising it, sent back for approval when
what staff are told changes, reviewed and removed on set dates, and read only by those it is circulated to. The
permission matrix tries every channel as every persona; these tests try the rules."""

import frappe
from frappe.email.doctype.email_template.email_template import get_email_template
from frappe.tests.utils import FrappeTestCase
from frappe.utils import add_days, add_months, getdate, today

from fairness_app import roles
from fairness_app.services.deadlines import long_date
from fairness_app.setup.email_templates import ensure_email_templates
from fairness_app.tests.fixtures import make_party, make_user, new_incident

MARKER = "Fairness Warning Marker"
LETTER = "Fairness Warning Letter"


class WarningMarkerTestCase(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.manager = make_user("marker_manager", roles.LINE_MANAGER)
		cls.director = make_user("marker_director", roles.LINE_MANAGER, roles.ASSISTANT_DIRECTOR)
		# Front-line staff: any member of staff may report (SOM-16), and nothing more.
		cls.carer = make_user("marker_carer", roles.INTAKE_OFFICER)
		cls.investigator = make_user("marker_investigator", roles.INVESTIGATOR)
		cls.visitor = make_party("Marked Visitor", party_type="Service user")

	def tearDown(self):
		frappe.set_user("Administrator")

	def raise_marker(self, **fields):
		frappe.set_user(self.manager)
		return frappe.get_doc(
			{
				"doctype": MARKER,
				"party": self.visitor.name,
				"risk": "Threatened a carer with a knife during a home visit.",
				"review_on": add_months(today(), 3),
				"expires_on": add_months(today(), 12),
				"approver": self.director,
				"circulation": [{"user": self.carer, "reason": "Visits them at home"}],
				**fields,
			}
		).insert()

	def approve(self, marker):
		frappe.set_user(self.director)
		marker.reload()
		marker.approved = 1
		marker.save()
		return marker


class TestWarningMarkers(WarningMarkerTestCase):
	def test_a_senior_manager_other_than_the_raiser_approves(self):
		# req: CUM-6
		with self.assertRaisesRegex(frappe.ValidationError, "Someone else must approve a marker you raise"):
			self.raise_marker(approver=self.manager)
		with self.assertRaisesRegex(frappe.ValidationError, "cannot approve warning markers"):
			self.raise_marker(approver=self.investigator)
		marker = self.raise_marker()
		self.assertEqual((marker.status, marker.approved_on), ("Awaiting approval", None))
		marker.approved = 1
		with self.assertRaisesRegex(frappe.PermissionError, "Only .*Marker Director.* can approve this marker"):
			marker.save()
		marker = self.approve(marker)
		self.assertEqual((marker.status, getdate(marker.approved_on)), ("Approved", getdate()))

	def test_changing_what_staff_are_told_needs_approval_again(self):
		# req: CUM-6
		marker = self.approve(self.raise_marker())
		frappe.set_user(self.manager)
		marker.reload()
		marker.append("circulation", {"user": self.investigator})
		marker.save()
		self.assertEqual((marker.approved, marker.status, marker.approved_on), (0, "Awaiting approval", None))
		marker = self.approve(marker)
		frappe.set_user(self.manager)
		marker.reload()
		marker.review_on = add_months(today(), 2)  # dates are not what staff are told
		marker.save()
		self.assertEqual(marker.status, "Approved")

	def test_review_and_removal_dates(self):
		# req: CUM-6, CUM-10
		with self.assertRaisesRegex(frappe.ValidationError, "Review by .* is after Remove on"):
			self.raise_marker(review_on=add_months(today(), 6), expires_on=add_months(today(), 1))
		with self.assertRaisesRegex(frappe.ValidationError, "has already passed"):
			self.raise_marker(review_on=add_days(today(), -10), expires_on=add_days(today(), -1))
		with self.assertRaisesRegex(frappe.ValidationError, "is not a real date"):
			self.raise_marker(review_on="31-02-2027")

	def test_only_enabled_staff_are_told_and_each_once(self):
		# req: CUM-6
		with self.assertRaisesRegex(frappe.ValidationError, "Staff who need to know, row 2: .* already on the list"):
			self.raise_marker(circulation=[{"user": self.carer}, {"user": self.carer}])
		website_user = make_user("marker_website_user")
		frappe.db.set_value("User", website_user, "user_type", "Website User")
		with self.assertRaisesRegex(frappe.ValidationError, "is not a member of staff with an account here"):
			self.raise_marker(circulation=[{"user": website_user}])

	def test_those_told_read_it_and_only_the_raiser_and_approver_change_it(self):
		# req: CUM-6, X-2
		marker = self.raise_marker()
		self.assertTrue(frappe.has_permission(MARKER, "read", doc=marker.name, user=self.carer))
		self.assertFalse(frappe.has_permission(MARKER, "write", doc=marker.name, user=self.carer))
		self.assertFalse(frappe.has_permission(MARKER, "read", doc=marker.name, user=self.investigator))
		self.assertTrue(frappe.has_permission(MARKER, "write", doc=marker.name, user=self.director))
		frappe.set_user(self.carer)
		marker = frappe.get_doc(MARKER, marker.name)
		marker.risk = "Nothing to worry about."
		with self.assertRaises(frappe.PermissionError):
			marker.save()

	def test_a_linked_incident_is_one_the_person_was_in_and_the_raiser_works_on(self):
		# req: CUM-6, CUM-11
		frappe.set_user(self.manager)
		victim = make_party("Marked Carer", user=self.carer, line_manager=self.manager)
		incident = new_incident([(victim, "Victim"), (self.visitor, "Subject")]).insert()
		self.assertEqual(self.raise_marker(incident=incident.name).incident, incident.name)
		stranger = make_party("Unmarked Stranger", party_type="Member of the public")
		with self.assertRaisesRegex(frappe.ValidationError, "is not one of the people in that incident"):
			self.raise_marker(incident=incident.name, party=stranger.name)
		frappe.set_user("Administrator")
		outsider = make_user("marker_outsider", roles.LINE_MANAGER)
		frappe.set_user(outsider)
		with self.assertRaisesRegex(frappe.PermissionError, "You can only link an incident you work on"):
			frappe.get_doc(
				{
					"doctype": MARKER,
					"party": self.visitor.name,
					"incident": incident.name,
					"risk": "Shouted at staff.",
					"review_on": add_months(today(), 3),
					"expires_on": add_months(today(), 12),
					"approver": self.director,
				}
			).insert()


class TestWarningLetter(WarningMarkerTestCase):
	"""The warning in writing (CUM-6, KEN-8, SOM-15): what the approver approved for the person, nothing more."""

	HAPPENED = "On 3 March you shouted at a member of our staff during a home visit."

	def printed(self, marker, as_user):
		frappe.set_user(as_user)
		try:
			return frappe.get_print(MARKER, marker.name, print_format=LETTER)
		finally:
			frappe.set_user("Administrator")

	def test_the_letter_gives_the_approved_words_restriction_and_dates_and_nothing_written_for_staff(self):
		# req: CUM-6, KEN-8, SOM-15, X-4
		marker = self.raise_marker(
			letter_text=self.HAPPENED, restriction="No home visits", precautions="Meet only at the Civic Centre."
		)
		html = self.printed(self.approve(marker), self.carer)
		self.assertIn("Dear Marked Visitor,", html)
		self.assertIn(self.HAPPENED, html)
		self.assertIn("we will not visit you at home", html)
		until, review = long_date(getdate(marker.expires_on)), long_date(getdate(marker.review_on))
		self.assertIn(f"This applies until {until}. We will look at it again by {review}.", html)
		self.assertIn("Marker Director<br>Senior manager<br>", html)
		for staff_only in ("knife", "Civic Centre", "Marker Carer", "Marker Manager"):
			self.assertNotIn(staff_only, html)

	def test_the_letter_waits_for_its_words_and_the_approval(self):
		# req: CUM-6, X-4
		html = self.printed(self.raise_marker(), self.manager)
		self.assertIn("This letter is not ready to send.", html)
		self.assertIn("what happened, in plain words", html)
		self.assertIn("approval by Marker Director", html)
		self.assertNotIn("Yours sincerely", html)

	def test_changing_what_the_letter_says_needs_approval_again(self):
		# req: CUM-6
		marker = self.approve(self.raise_marker(letter_text=self.HAPPENED))
		frappe.set_user(self.manager)
		marker.reload()
		marker.letter_text = "You were rude to staff."
		marker.save()
		self.assertEqual(marker.status, "Awaiting approval")
		self.assertIn("approval by Marker Director", self.printed(marker, self.manager))

	def test_the_letter_has_a_covering_email_that_says_nothing_of_what_happened(self):
		# req: CUM-6, X-4
		ensure_email_templates()  # what `bench migrate` runs: this site may have been installed before the template
		marker = self.approve(self.raise_marker(letter_text=self.HAPPENED, restriction="No home visits"))
		email = get_email_template(LETTER, frappe.as_json(marker.as_dict()))
		self.assertEqual(email["subject"], "A letter from the council")
		self.assertIn("Please read the attached letter.", email["message"])
		for private in (self.HAPPENED, "knife", "home visits", "Marked Visitor", "Marker Director", "reference"):
			self.assertNotIn(private, email["subject"] + email["message"])

	def test_only_those_who_may_read_the_marker_can_print_its_letter(self):
		# req: CUM-6, X-2
		marker = self.approve(self.raise_marker(letter_text=self.HAPPENED))
		for user in (self.investigator, make_user("marker_other_manager", roles.LINE_MANAGER)):
			with self.subTest(user=user), self.assertRaises(frappe.PermissionError):
				self.printed(marker, user)
