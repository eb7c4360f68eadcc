"""Letters on a real site (X-4): every letter the policies require prints from a case with the right people, names
and dates, says what is missing instead of going out half-written, can be printed in Welsh, and only the case team
can print it. Deadlines can be extended from the case, with the reason the people waiting are told (DER-3)."""

from contextlib import contextmanager
from datetime import timedelta

import frappe
from frappe.email.doctype.email_template.email_template import get_email_template
from frappe.utils import now_datetime

from fairness_app import roles
from fairness_app.api import extend_deadline
from fairness_app.fairness_app.doctype.fairness_complaint.test_fairness_complaint import ComplaintTestCase
from fairness_app.procedure.letters import LETTERS
from fairness_app.services import equality, outbox
from fairness_app.setup.email_templates import ensure_email_templates
from fairness_app.testing import installed_plugin
from fairness_app.tests.council_plugin_for_tests import Lettershire
from fairness_app.tests.fixtures import make_user
from fairness_app.tests.test_deadline_sweep import PLUGINS, RECEIVED
from fairness_app.tests.test_plugin_registry import save_settings

# Received on Tuesday 23 December 2025: the built-in acknowledgement is due on Friday 2 January 2026, after
# Christmas Day, Boxing Day and New Year's Day (England), and Lettershire's 14 calendar days to appeal end on
# Tuesday 6 January 2026.
ACKNOWLEDGE_BY = "Friday 2 January 2026"
APPEAL_BY = "Tuesday 6 January 2026"
DETAILS = "He said it again at the team meeting on 3 March"


class LetterTestCase(ComplaintTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.investigator = make_user("investigator", roles.INVESTIGATOR)

	def setUp(self):
		self.enterContext(installed_plugin("lettershire", f"{PLUGINS}:Lettershire"))
		save_settings(["lettershire"])
		self.case = self.record(
			[(self.complainant, "Complainant"), (self.subject_colleague, "Subject")],
			received_on=RECEIVED,
			resolution_sought="I would like the comments to stop.",
			allegations=[
				{"behaviour": "Harassment", "ground": "Race", "details": DETAILS, "subject": self.subject_colleague.name}
			],
		)

	@contextmanager
	def editing(self):
		"""The case, to change and save as the manager handling it."""
		frappe.set_user(self.manager)
		try:
			self.case.reload()
			yield self.case
			self.case.save()
		finally:
			frappe.set_user("Administrator")

	def add_investigator(self):
		with self.editing() as case:
			case.append("team", {"user": self.investigator, "team_role": "Investigator", "why": "investigates"})

	def letter(self, key, as_user=None):
		return self.printed(LETTERS[key].print_format, as_user)

	def printed(self, print_format, as_user=None):
		frappe.set_user(as_user or self.manager)
		try:
			return frappe.get_print(self.case.doctype, self.case.name, print_format=print_format)
		finally:
			frappe.set_user("Administrator")

	def assertNotReady(self, html, *missing):
		self.assertIn("This letter is not ready to send.", html)
		self.assertNotIn("Yours sincerely", html)
		for item in missing:
			self.assertIn(item, html)

	def pages(self, html):
		return html.count('<article class="fairness-letter"')


class TestLetters(LetterTestCase):
	def test_every_letter_the_policies_require_is_a_print_format_for_complaints(self):
		# req: X-4
		for letter in LETTERS.values():
			print_format = frappe.get_doc("Print Format", letter.print_format)
			self.assertEqual(
				(print_format.doc_type, print_format.standard, print_format.disabled), ("Fairness Complaint", "Yes", 0)
			)

	def test_every_letter_has_a_covering_email_that_names_nobody_and_gives_the_reference(self):
		# req: X-4
		for letter in LETTERS.values():
			email = get_email_template(letter.print_format, frappe.as_json(self.case.as_dict()))
			self.assertTrue(email["subject"].endswith(f"({self.case.reference})"), email["subject"])
			self.assertIn(f"give the reference {self.case.reference}", email["message"])
			self.assertIn("attached letter", email["message"])
			for private in ("Employee", "Colleague", DETAILS, self.case.resolution_sought):
				self.assertNotIn(private, email["subject"] + email["message"])

	def test_a_councils_own_covering_email_survives_migrate(self):
		# req: X-4
		name = LETTERS["outcome"].print_format
		subject = frappe.db.get_value("Email Template", name, "subject")
		self.addCleanup(frappe.db.set_value, "Email Template", name, "subject", subject)  # for the tests after
		frappe.db.set_value("Email Template", name, "subject", "Your complaint: our decision")
		frappe.delete_doc("Email Template", LETTERS["delay"].print_format)
		ensure_email_templates()  # what `bench migrate` runs (the rest of it commits, so it is left out here)
		self.assertEqual(frappe.db.get_value("Email Template", name, "subject"), "Your complaint: our decision")
		self.assertTrue(frappe.db.exists("Email Template", LETTERS["delay"].print_format))

	def test_the_acknowledgement_names_who_handles_and_investigates_and_what_happens_by_when(self):
		# req: SOM-14, DER-9, FHB-4, X-1
		self.add_investigator()
		with self.editing() as case:
			action = {"action": "Apology", "due_on": "2026-01-09", "details": "From the team leader"}
			case.append("actions", {**action, "assigned_to": self.manager})
		html = self.letter("acknowledgement")
		self.assertEqual(self.pages(html), 1)  # to the complainant only
		self.assertIn("Dear Employee,", html)
		self.assertIn(f"Our reference: {self.case.reference}", html)
		self.assertIn("We received your complaint on Tuesday 23 December 2025", html)
		self.assertIn("Your complaint is being handled by Manager.", html)
		self.assertIn("Investigator will look into it as the investigating officer.", html)
		self.assertIn("I would like the comments to stop.", html)
		self.assertIn("Apology (by Friday 9 January 2026)", html)
		self.assertNotIn("From the team leader", html)
		self.assertIn(f"<strong>By {ACKNOWLEDGE_BY}.</strong>", html)
		self.assertIn("Manager<br>Manager handling the complaint<br>", html)

	def test_the_outcome_waits_for_its_reasons_then_gives_the_appeal_deadline(self):
		# req: FHB-9, DER-16
		self.assertNotReady(self.letter("outcome"), "the outcome")
		with self.editing() as case:
			case.outcome = "Not upheld"
		self.assertNotReady(self.letter("outcome"), "the reasons for the outcome")
		with self.editing() as case:
			case.outcome_reasons = "Nobody else heard the remarks.\nThe notes of the meeting do not mention them."
			case.allegations[0].finding = "Not upheld"

		html = self.letter("outcome")
		self.assertIn("Your complaint has not been upheld.", html)
		self.assertIn("Harassment: not upheld", html)
		self.assertIn("<p>Nobody else heard the remarks.</p><p>The notes of the meeting do not mention them.</p>", html)
		self.assertIn("write to the Chief Executive and say why. <strong>By " + APPEAL_BY + ".</strong>", html)
		self.assertNotIn(DETAILS, html)

	def test_a_subject_is_told_the_nature_of_the_complaint_but_never_its_words(self):
		# req: FHB-6, X-2
		html = self.letter("subject_notification")
		self.assertEqual(self.pages(html), 1)
		self.assertIn("Dear Colleague,", html)
		self.assertIn("<li>Harassment, related to race</li>", html)
		for words in (DETAILS, "I would like the comments to stop.", "Dear Employee"):
			self.assertNotIn(words, html)

	def test_an_invitation_gives_the_date_and_who_may_come_with_them(self):
		# req: DER-4, FHB-7
		self.assertNotReady(self.letter("invitation"), "a meeting or hearing with a date still to come")
		soon = (now_datetime() + timedelta(days=7)).replace(hour=14, minute=30, second=0, microsecond=0)
		with self.editing() as case:
			case.append(
				"meetings",
				{"meeting_type": "Investigation interview", "party": self.subject_colleague.name, "scheduled_for": soon},
			)
		html = self.letter("invitation")
		self.assertEqual(self.pages(html), 1)
		self.assertIn("Dear Colleague,", html)
		self.assertIn(f"When: {frappe.utils.formatdate(soon, 'EEEE d MMMM yyyy')}, 14:30", html)
		self.assertIn("<li>Trade union representative</li>", html)
		self.assertIn("<li>Solicitor or other legal representative</li>", html)  # the built-in rules allow anyone
		self.assertIn("We will tell you where it will be held.", html)  # no place recorded yet

	def test_an_invitation_says_where_the_meeting_is(self):
		# req: DER-4, FHB-7
		soon = (now_datetime() + timedelta(days=7)).replace(hour=10, minute=0, second=0, microsecond=0)
		place = "Room 2, Council House\n  Corporation Street\n"
		with self.editing() as case:
			case.append(
				"meetings",
				{"meeting_type": "Hearing", "party": self.complainant.name, "scheduled_for": soon, "location": place},
			)
		html = self.letter("invitation")
		self.assertIn("Where: Room 2, Council House, Corporation Street", html)
		self.assertNotIn("We will tell you where", html)

	def test_an_interview_record_goes_for_signature_until_it_is_signed(self):
		# req: DER-14
		record = {
			"kind": "Interview record",
			"party": self.subject_colleague.name,
			"taken_on": "2026-01-05",
			"disclosure_warning_given": 1,
		}
		with self.editing() as case:
			case.append("statements", record)
		html = self.letter("interview_record")
		self.assertIn("Thank you for talking to us on Monday 5 January 2026.", html)
		self.assertIn("marked as not signed", html)
		with self.editing() as case:
			case.statements[0].signed_on = "2026-01-08"
		self.assertNotReady(self.letter("interview_record"), "an interview record that has not been signed yet")

	def test_the_investigation_letter_goes_to_both_parties_once_an_investigator_is_named(self):
		# req: DER-11, DER-13
		self.assertNotReady(self.letter("investigation"), "the investigating officer")
		self.add_investigator()
		html = self.letter("investigation")
		self.assertEqual(self.pages(html), 2)
		self.assertIn("Dear Employee,", html)
		self.assertIn("Dear Colleague,", html)
		self.assertIn("Investigator will carry out the investigation.", html)
		self.assertIn("Investigator<br>Investigating officer<br>", html)

	def test_the_appeal_outcome_is_final_and_reaches_both_parties(self):
		# req: DER-18, FHB-12, FHB-15
		self.assertNotReady(self.letter("appeal_outcome"), "the appeal outcome")
		with self.editing() as case:
			case.update({"appeal_received_on": "2026-01-05", "appeal_hearing_on": "2026-01-20", "appeal_outcome": "Not upheld"})
		html = self.letter("appeal_outcome")
		self.assertEqual(self.pages(html), 2)
		self.assertIn("on Monday 5 January 2026, and it was heard on Tuesday 20 January 2026.", html)
		self.assertIn("The appeal has not been upheld.", html)
		self.assertIn("This decision is final.", html)

	def test_the_six_month_review_asks_each_party_the_three_questions(self):
		# req: DER-19
		html = self.letter("six_month_review")
		self.assertEqual(self.pages(html), 2)
		self.assertIn("1. Do you feel the investigation and its report dealt with the complaint properly?", html)
		self.assertIn("3. What effect have the recommendations had?", html)

	def test_names_and_free_text_cannot_change_the_letter(self):
		# req: X-2
		with self.editing() as case:
			case.resolution_sought = '<img src=x onerror="alert(1)">'
		html = self.letter("acknowledgement")
		self.assertNotIn("<img", html)
		self.assertIn("&lt;img src=", html)

	def test_a_letter_prints_in_welsh_with_the_councils_translations(self):
		# req: X-4
		if not frappe.db.exists("Language", "cy"):
			frappe.get_doc({"doctype": "Language", "language_code": "cy", "language_name": "Cymraeg"}).insert()
		translation = frappe.get_doc(
			{"doctype": "Translation", "language": "cy", "source_text": "Dear {0},", "translated_text": "Annwyl {0},"}
		).insert()
		self.addCleanup(translation.delete)
		language = frappe.local.lang
		frappe.local.lang = "cy"
		try:
			html = self.letter("acknowledgement")
		finally:
			frappe.local.lang = language
		self.assertIn("Annwyl Employee,", html)
		self.assertIn("Rhagfyr 2025", html)  # the dates too: December

	def test_only_the_case_team_can_print_its_letters(self):
		# req: X-2
		outsider = make_user("outside_investigator", roles.INVESTIGATOR, roles.LINE_MANAGER)
		for user in (outsider, self.other_manager, self.colleague):
			with self.subTest(user=user), self.assertRaises(frappe.PermissionError):
				self.letter("outcome", as_user=user)


class TestExtendingADeadline(LetterTestCase):
	def extend(self, as_user=None, deadline="acknowledgement", new_due="2026-01-16", reason="The manager is off sick"):
		frappe.set_user(as_user or self.manager)
		try:
			extend_deadline(self.case.doctype, self.case.name, deadline, new_due, reason)
		finally:
			frappe.set_user("Administrator")
		self.case.reload()

	def test_the_new_date_and_reason_are_kept_told_and_written_in_the_delay_letter(self):
		# req: DER-3, DER-13
		self.assertNotReady(self.letter("delay"), "a deadline that has been extended")
		self.extend()
		row = next(row for row in self.case.clocks if row.rule_key == "acknowledgement")
		self.assertEqual(str(row.due_on), "2026-01-16")
		comments = frappe.get_all(
			"Comment", filters={"reference_name": self.case.name, "comment_type": "Info"}, pluck="content"
		)
		self.assertIn("Deadline extended: Acknowledge the complaint in writing, now Friday 16 January 2026. Why: The manager is off sick", comments)
		notices = frappe.get_all(outbox.NOTICE, filters={"reference_name": self.case.name, "event": ("like", "clock_extended%")}, pluck="message")
		self.assertEqual(notices, ["We need more time: acknowledgement."])

		html = self.letter("delay")
		self.assertEqual(self.pages(html), 2)
		self.assertIn("<h2>Acknowledge the complaint in writing</h2>", html)
		self.assertIn("The new date is Friday 16 January 2026.", html)
		self.assertIn("This is because: The manager is off sick", html)

	def test_the_form_says_what_happens_next_with_the_new_date(self):
		# req: SOM-14, CUM-9
		self.extend()
		self.case.run_method("onload")
		steps = [(step["text"], step["by"]) for step in self.case.get_onload().next_steps]
		self.assertEqual(steps[0], (Lettershire.APPEAL_WINDOW.complainant_text, APPEAL_BY))  # soonest first
		self.assertEqual(steps[1][1], "Friday 16 January 2026")

	def test_an_extension_that_makes_no_sense_is_refused_in_plain_words(self):
		# req: DER-3
		for kwargs, message in (
			({"new_due": "2025-12-31"}, "must be later than the current one"),
			({"reason": "  "}, "Say why the deadline is being extended"),
			({"deadline": "no_such_deadline"}, "This case has no deadline called no_such_deadline."),
		):
			with self.subTest(**kwargs), self.assertRaisesRegex(frappe.ValidationError, message):
				self.extend(**kwargs)

	def test_the_reason_on_the_timeline_is_text_not_markup(self):
		# req: X-2
		self.extend(reason='Off sick <img src=x onerror="alert(1)">')
		comments = frappe.get_all(
			"Comment", filters={"reference_name": self.case.name, "comment_type": "Info"}, pluck="content"
		)
		extended = next(comment for comment in comments if comment.startswith("Deadline extended"))
		self.assertNotIn("<img", extended)
		self.assertIn("Off sick &lt;img", extended)

	def test_only_the_case_team_can_extend_its_deadlines(self):
		# req: X-2
		for user in (self.other_manager, self.colleague):
			with self.subTest(user=user), self.assertRaises(frappe.PermissionError):
				self.extend(as_user=user)
		self.case.reload()
		self.assertFalse(any(row.rule_key == "acknowledgement" and str(row.due_on) == "2026-01-16" for row in self.case.clocks))


class TestCaseSummaryForm(LetterTestCase):
	"""The case summary monitoring form (DER-24), printed from the case for its file."""

	def form(self, as_user=None):
		return self.printed("Fairness Case Summary", as_user)

	def test_the_form_gives_the_nature_dates_and_outcome_of_the_complaint(self):
		# req: DER-24
		with self.editing() as case:
			case.append("allegations", {"behaviour": "Discrimination", "ground": "Gender reassignment"})
			case.update(
				{
					"outcome": "Upheld",
					"investigation_concluded_on": "2026-01-20",
					"recommendations": "Training for the team on respect at work",
					"disciplinary_outcome": "Written warning",
				}
			)
		html = self.form()
		self.assertIn(self.case.reference, html)
		self.assertRegex(html, r"Race</th><td>Yes")
		self.assertRegex(html, r"Age</th><td>No")
		self.assertIn("Other</th><td>Gender reassignment", html)
		self.assertIn("Full name</th><td>Employee", html)
		self.assertIn("Tuesday 23 December 2025", html)
		self.assertIn("Tuesday 20 January 2026", html)
		self.assertIn("Training for the team on respect at work", html)
		self.assertIn("Written warning", html)
		self.assertIn("No appeal", html)
		self.assertNotIn(DETAILS, html)  # the complaint's own words stay on the case

	def test_the_complainants_equality_details_stay_with_the_monitoring_officer(self):
		# req: DER-24, X-2
		self.assertIn("Not recorded yet", self.form())
		frappe.set_user(self.manager)
		equality.record_equality_details(self.case.doctype, self.case.name, {"ethnic_group": "Chinese", "sex": "Male"})
		html = self.form()
		self.assertIn("kept apart from the case for the monitoring officer only", html)
		self.assertNotIn("Chinese", html)

	def test_only_the_case_team_can_print_the_form(self):
		# req: DER-24, X-2
		outsider = make_user("outside_investigator", roles.INVESTIGATOR, roles.LINE_MANAGER)
		monitoring_officer = make_user("monitoring_officer", roles.MONITORING_OFFICER)
		for user in (outsider, self.other_manager, self.colleague, monitoring_officer):
			with self.subTest(user=user), self.assertRaises(frappe.PermissionError):
				self.form(as_user=user)
