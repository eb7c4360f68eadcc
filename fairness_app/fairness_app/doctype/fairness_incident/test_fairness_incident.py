"""Recording a third-party incident on a real site: it goes to the member of staff's manager with the manager's
meeting deadline, repeat incidents by the same person show as a course of conduct, and the record says plainly
what is missing."""

import frappe
from frappe.tests.utils import FrappeTestCase

from fairness_app import roles
from fairness_app.services.snapshots import case_snapshot
from fairness_app.tests.fixtures import make_party, make_user, new_incident
from fairness_app.tests.test_plugin_registry import save_settings


class IncidentTestCase(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		save_settings()
		cls.manager = make_user("incident_manager", roles.LINE_MANAGER)
		cls.employee = make_user("receptionist")
		cls.recorder = make_user("incident_recorder", roles.INTAKE_OFFICER)
		cls.assistant_director = make_user("assistant_director", roles.ASSISTANT_DIRECTOR)
		make_party("Incident Manager", user=cls.manager)
		cls.victim = make_party("Receptionist", user=cls.employee, line_manager=cls.manager)

	def tearDown(self):
		frappe.set_user("Administrator")

	def record(self, parties=None, **fields):
		perpetrator = fields.pop("perpetrator", None) or make_party("Caller", party_type="Member of the public")
		frappe.set_user(self.recorder)
		try:
			parties = parties or [(self.victim, "Victim"), (perpetrator, "Subject")]
			return new_incident(parties, **fields).insert()
		finally:
			frappe.set_user("Administrator")


class TestRecordingAnIncident(IncidentTestCase):
	def test_an_incident_goes_to_the_member_of_staffs_manager_with_a_meeting_deadline(self):
		# req: CUM-3, KEN-4
		doc = self.record()
		self.assertEqual(doc.procedure, "third_party_incident")
		self.assertTrue(doc.reference.startswith("FI/"))
		handlers = [row.user for row in doc.team if row.team_role == "Handles the case"]
		self.assertEqual(handlers, [self.manager])
		self.assertEqual([row.rule_key for row in doc.clocks], ["manager_meeting"])
		self.assertNotIn(self.employee, {row.user for row in doc.team})

	def test_plugins_see_the_incident_as_categories_and_flags_only(self):
		# req: CUM-2, CUM-4, KEN-4
		doc = self.record(
			abuse_types=("Verbal abuse", "Racial abuse"),
			channel="Phone",
			physical_contact=1,
			hate_incident=1,
			protected_characteristic="Race",
		)
		case = case_snapshot(doc, "ENG")
		self.assertEqual(case.case_type.value, "incident")
		self.assertEqual(case.behaviours, ("racial_abuse", "verbal_abuse"))
		self.assertEqual(case.grounds, ("race",))
		self.assertEqual(case.intake_channel, "phone")
		self.assertEqual(case.flags, {"physical_contact", "hate_incident"})

	def test_plugins_see_what_the_manager_has_done_since(self):
		# req: CUM-5, CUM-6, CUM-9, CUM-10
		doc = self.record(
			true_vision_offered=1,
			senior_managers_told=1,
			perpetrator_employer_told=1,
			kept_informed=1,
			risk_assessment_reviewed_on=frappe.utils.today(),
		)
		done = {"true_vision_offered", "senior_managers_told", "employer_told", "kept_informed"}
		self.assertEqual(case_snapshot(doc, "ENG").flags, done | {"risk_assessment_reviewed"})

	def test_repeat_incidents_by_the_same_person_show_as_a_course_of_conduct(self):
		# req: CUM-11, CUM-6
		perpetrator = make_party("Regular Caller", party_type="Service user")
		first = self.record(perpetrator=perpetrator)
		self.assertEqual(first.repeat_incidents, 0)
		second = self.record(perpetrator=perpetrator)
		self.assertEqual(second.repeat_incidents, 1)
		self.assertIn("repeat_perpetrator", case_snapshot(second, "ENG").flags)
		self.assertEqual(frappe.db.get_value("Fairness Party", perpetrator.name, "incidents_as_subject"), 2)

		frappe.set_user(self.manager)
		second.parties = [row for row in second.parties if row.role != "Subject"]
		second.save()
		frappe.set_user("Administrator")
		self.assertEqual(frappe.db.get_value("Fairness Party", perpetrator.name, "incidents_as_subject"), 1)

	def test_abuse_types_councils_can_choose_from_are_installed(self):
		# req: KEN-2, CUM-2
		installed = ("Physical assault", "Racial abuse", "Online or social media abuse", "Entrapment", "Bullying")
		for abuse_type in (*installed, "Discrimination"):
			self.assertTrue(frappe.db.exists("Fairness Abuse Type", abuse_type), abuse_type)


class TestBadInput(IncidentTestCase):
	def assert_refused(self, message_part, **fields):
		with self.assertRaises(frappe.ValidationError) as raised:
			self.record(**fields)
		self.assertIn(message_part, str(raised.exception))

	def test_an_incident_in_the_future(self):
		tomorrow = frappe.utils.add_days(frappe.utils.today(), 1)
		self.assert_refused("is in the future", occurred_at=f"{tomorrow} 10:00:00")

	def test_reported_before_it_happened(self):
		self.assert_refused("is before when it happened", occurred_at="2026-03-05 10:00:00", reported_on="2026-03-02")

	def test_an_impossible_date(self):
		self.assert_refused("is not a real date", occurred_at="2026-02-30 10:00:00")

	def test_a_crime_reference_without_police_contact(self):
		# req: CUM-5
		self.assert_refused("tick Police contacted", crime_reference="CR/123/26")

	def test_police_contact_without_recording_consent(self):
		# req: CUM-5
		self.assert_refused("agreed to the police being contacted", police_contacted=1)

	def test_a_service_withdrawn_without_legal_advice(self):
		# req: CUM-7
		self.assert_refused(
			"Legal services consulted on",
			service_withdrawn=1,
			withdrawal_decided_by=self.assistant_director,
			withdrawal_grounds="Repeated threats after a warning",
		)

	def test_a_service_withdrawn_by_someone_who_is_not_an_assistant_director(self):
		# req: CUM-7
		self.assert_refused(
			"Only an Assistant Director",
			service_withdrawn=1,
			withdrawal_decided_by=self.manager,
			legal_services_consulted_on=frappe.utils.today(),
			withdrawal_grounds="Repeated threats after a warning",
		)

	def test_a_service_withdrawn_by_an_assistant_director_after_legal_advice(self):
		# req: CUM-7
		doc = self.record(
			service_withdrawn=1,
			withdrawal_decided_by=self.assistant_director,
			legal_services_consulted_on=frappe.utils.today(),
			withdrawal_grounds="Repeated threats after a warning",
		)
		self.assertTrue(doc.service_withdrawn)

	def test_the_member_of_staff_cannot_also_be_the_person_responsible(self):
		self.assert_refused(
			"cannot be both the subject", parties=[(self.victim, "Victim"), (self.victim, "Subject")]
		)
