"""What a case gathers as it is worked: meetings and hearings (DER-4, DER-5, FHB-7), interview records and
statements (DER-14), evidence, and the action plan (SOM-15), each checked in plain words as it is saved."""

from datetime import datetime, time

import frappe
from frappe.utils import add_days, add_to_date, get_datetime, now_datetime, today

from fairness_app.fairness_app.doctype.fairness_complaint.test_fairness_complaint import ComplaintTestCase
from fairness_app.procedure.calendar import WorkingCalendar
from fairness_app.testing import installed_plugin
from fairness_app.tests.fixtures import make_party
from fairness_app.tests.test_plugin_registry import save_settings

FAIRSHIRE = "fairness_app.tests.council_plugin_for_tests:Fairshire"
NEXT_WEEK = add_to_date(now_datetime(), days=7).replace(hour=10, minute=0, second=0, microsecond=0)


class CaseRecordsTestCase(ComplaintTestCase):
	def setUp(self):
		self.case = self.record([(self.complainant, "Complainant"), (self.subject_colleague, "Subject")])

	def save_as_officer(self):
		frappe.set_user(self.officer)
		try:
			return self.case.save()
		finally:
			frappe.set_user("Administrator")

	def assert_refused(self, message):
		saved_at = self.case.modified
		with self.assertRaises(frappe.ValidationError) as raised:
			self.save_as_officer()
		self.assertIn(message, str(raised.exception))
		self.case.modified = saved_at  # as the form still holds it, so that the corrected case can be saved


class TestMeetings(CaseRecordsTestCase):
	def setUp(self):
		super().setUp()
		self.plugin = installed_plugin("fairshire", FAIRSHIRE)
		self.plugin.__enter__()
		save_settings(plugins=["fairshire"])

	def tearDown(self):
		super().tearDown()
		self.plugin.__exit__(None, None, None)

	def invite(self, **fields):
		self.case.append(
			"meetings",
			{
				"meeting_type": "Formal complaint meeting",
				"party": self.complainant.name,
				"scheduled_for": NEXT_WEEK,
				"invitation_sent_on": today(),
				**fields,
			},
		)
		return self.save_as_officer()

	def put_off(self, days, reason="A holiday booked beforehand"):
		row = self.case.meetings[0]
		row.postponed_to = add_to_date(get_datetime(row.postponed_to or row.scheduled_for), days=days)
		row.postponement_reason = reason
		row.postponement_asked_by = "The person invited"
		return self.save_as_officer()

	def test_a_union_representative_may_come_but_not_a_solicitor(self):
		# req: FHB-7, DER-4
		self.invite(companion_type="Trade union representative", companion_name="Sam Rep")
		self.case.meetings[0].companion_type = "Solicitor or other legal representative"
		self.assert_refused("Meetings, row 1: A solicitor or other legal representative cannot come")

	def test_a_meeting_is_put_off_once_by_at_most_fourteen_days(self):
		# req: DER-5
		self.invite()
		self.case.reload()
		self.put_off(14)
		self.case.reload()
		self.assertEqual(self.case.meetings[0].postponements, 1)
		with self.assertRaisesRegex(frappe.ValidationError, "already been put off once"):
			self.put_off(2)
		self.case.reload()
		self.assertEqual(get_datetime(self.case.meetings[0].postponed_to), add_to_date(NEXT_WEEK, days=14))
		self.case.reload()
		self.assertEqual(get_datetime(self.case.meetings[0].postponed_to), add_to_date(NEXT_WEEK, days=14))

	def test_more_than_fourteen_days_needs_medical_grounds(self):
		# req: DER-5
		self.invite()
		self.case.reload()
		row = self.case.meetings[0]
		row.postponed_to = add_to_date(NEXT_WEEK, days=15)
		row.postponement_reason = "Bereavement"
		row.postponement_asked_by = "The person invited"
		self.assert_refused("at most 14 days, unless the reason is medical grounds. This moves it by 15 days.")
		row.postponement_reason = "Medical grounds"
		self.save_as_officer()
		self.assertEqual(self.case.meetings[0].postponements, 1)

	def test_after_the_invitation_the_meeting_moves_only_by_putting_it_off(self):
		# req: DER-5
		self.invite()
		self.case.reload()
		self.case.meetings[0].scheduled_for = add_to_date(NEXT_WEEK, days=30)
		self.assert_refused("fill in Put off to and say why")

	def test_an_appeal_hearing_comes_with_the_councils_notice_in_working_days(self):
		# req: FHB-12, X-1
		calendar, now = WorkingCalendar("ENG"), now_datetime()

		def working_days_from_now(days):
			return datetime.combine(calendar.add_working_days(now, days), time(10))

		self.case.append(
			"meetings",
			{"meeting_type": "Appeal hearing", "party": self.complainant.name, "invitation_sent_on": today()},
		)
		for too_soon in (0, 4):
			self.case.meetings[0].scheduled_for = working_days_from_now(too_soon)
			self.assert_refused("Meetings, row 1: The person invited must have at least 5 working days' notice")
		self.case.meetings[0].scheduled_for = working_days_from_now(5)
		self.save_as_officer()
		self.case.reload()
		self.assertEqual(get_datetime(self.case.meetings[0].scheduled_for), working_days_from_now(5))

	def test_the_person_invited_is_one_of_the_people_in_the_case(self):
		outsider = make_party("Someone Else")
		self.case.append("meetings", {"meeting_type": "Hearing", "party": outsider.name, "scheduled_for": NEXT_WEEK})
		self.assert_refused("Meetings, row 1: With must be one of the people in this case")


class TestStatements(CaseRecordsTestCase):
	def add_statement(self, **fields):
		self.case.append(
			"statements",
			{"kind": "Interview record", "party": self.subject_colleague.name, "taken_on": today(), **fields},
		)

	def test_an_interview_record_sent_and_not_returned_is_kept_marked_unsigned(self):
		# req: DER-14
		self.add_statement(disclosure_warning_given=1, sent_for_signature_on=today(), marked_unsigned=1)
		self.save_as_officer()
		self.case.reload()
		self.assertTrue(self.case.statements[0].marked_unsigned)

	def test_a_record_is_not_marked_unsigned_before_it_was_sent(self):
		# req: DER-14
		self.add_statement(marked_unsigned=1)
		self.assert_refused("Statements, row 1: a record is marked unsigned only when it was sent for signature")

	def test_a_record_is_not_both_signed_and_unsigned(self):
		# req: DER-14
		self.add_statement(sent_for_signature_on=today(), signed_on=today(), marked_unsigned=1)
		self.assert_refused("cannot be both signed and marked unsigned")

	def test_a_record_is_not_sent_for_signature_before_the_interview(self):
		# req: DER-14
		self.add_statement(taken_on=today(), sent_for_signature_on=add_days(today(), -3))
		self.assert_refused("Statements, row 1: Sent for signature on")

	def test_the_record_is_a_private_file(self):
		self.add_statement(document="/files/interview.pdf")
		self.assert_refused("files on a case are always private")


class TestEvidence(CaseRecordsTestCase):
	def test_evidence_comes_from_someone_in_the_case_and_not_from_the_future(self):
		self.case.append(
			"evidence",
			{"description": "Screenshot of messages", "file": "/private/files/messages.png", "received_on": add_days(today(), 2)},
		)
		self.assert_refused("Evidence, row 1: Received on")
		self.case.evidence[0].received_on = today()
		self.case.evidence[0].provided_by = self.complainant.name
		self.save_as_officer()


class TestActionPlan(CaseRecordsTestCase):
	def test_each_action_has_an_owner_and_a_due_date(self):
		# req: SOM-15
		self.case.append("actions", {"action": "Training"})
		with self.assertRaises(frappe.MandatoryError):
			self.save_as_officer()

	def test_a_referral_to_an_external_agency_needs_the_persons_agreement(self):
		# req: SOM-15, KEN-7
		self.case.append(
			"actions",
			{"action": "Refer to an external agency", "assigned_to": self.officer, "due_on": add_days(today(), 10)},
		)
		self.assert_refused("needs the agreement of the person affected")
		self.case.actions[0].agreed_with_person = 1
		self.save_as_officer()
		self.assertEqual(frappe.db.count("Fairness Action Item", {"parent": self.case.name}), 1)
