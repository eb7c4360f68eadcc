"""Recording a complaint on a real site: route, reference and deadlines come from the plugins, each decision is
recorded with the plugin that made it, and only the case team can see the case."""

import frappe
from frappe.tests.utils import FrappeTestCase

from fairness_app import roles
from fairness_app.procedure.snapshots import PlannedAction, TeamMember, TeamRole
from fairness_app.services.snapshots import case_snapshot, case_snapshots
from fairness_app.testing import installed_plugin
from fairness_app.tests.fixtures import make_party, make_user, move, new_complaint
from fairness_app.tests.test_plugin_registry import BROKENSHIRE, TIDYSHIRE, save_settings


class ComplaintTestCase(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		save_settings()
		cls.director = make_user("director", roles.LINE_MANAGER)
		cls.manager = make_user("manager", roles.LINE_MANAGER, roles.CASE_OFFICER)
		cls.employee = make_user("employee")
		cls.colleague = make_user("colleague")
		cls.officer = make_user("officer", roles.CASE_OFFICER)
		cls.other_manager = make_user("other_manager", roles.LINE_MANAGER)
		make_party("Director", user=cls.director)
		make_party("Manager", user=cls.manager, line_manager=cls.director)
		cls.complainant = make_party("Employee", user=cls.employee, line_manager=cls.manager)
		cls.subject_colleague = make_party("Colleague", user=cls.colleague, line_manager=cls.manager)
		cls.subject_manager = frappe.get_last_doc("Fairness Party", filters={"user": cls.manager})

	def tearDown(self):
		frappe.set_user("Administrator")
		save_settings()

	def record(self, parties, as_user=None, **fields):
		frappe.set_user(as_user or self.officer)
		try:
			return new_complaint(parties, **fields).insert()
		finally:
			frappe.set_user("Administrator")

	def visible_to(self, user):
		"""What `user` can see of this test's `case`, on the form and in lists."""
		frappe.set_user(user)
		try:
			return {
				"form": frappe.has_permission("Fairness Complaint", "read", doc=self.case.name),
				"list": self.case.name in listed("Fairness Complaint"),
				"party list": self.complainant.name in listed("Fairness Party"),
			}
		finally:
			frappe.set_user("Administrator")


class TestRecordingAComplaint(ComplaintTestCase):
	def test_a_staff_complaint_goes_to_the_complainants_manager(self):
		# req: DER-7
		doc = self.record([(self.complainant, "Complainant"), (self.subject_colleague, "Subject")])
		self.assertEqual(doc.procedure, "staff_complaint")
		handlers = [row.user for row in doc.team if row.team_role == "Handles the case"]
		self.assertEqual(handlers, [self.manager])

	def test_the_next_manager_up_takes_the_case_when_the_manager_is_the_subject(self):
		# req: FHB-3, DER-7
		doc = self.record([(self.complainant, "Complainant"), (self.subject_manager, "Subject")])
		team = {row.user for row in doc.team}
		self.assertIn(self.director, team)
		# The subject holds the case officer role too, but never joins the team of a case about them.
		self.assertNotIn(self.manager, team)

	def test_reference_and_decisions_are_recorded_with_the_plugin_that_made_them(self):
		doc = self.record([(self.complainant, "Complainant"), (self.subject_colleague, "Subject")])
		self.assertRegex(doc.reference, r"^FC/\d{4}-\d{2}/\d{4}$")
		decided = {row.decision: row.decided_by for row in doc.plugin_decisions}
		self.assertEqual(decided, {"Route": "builtin", "Reference": "builtin", "Deadlines": "builtin"})

	def test_the_acknowledgement_deadline_skips_christmas_bank_holidays(self):
		# req: X-1
		doc = self.record(
			[(self.complainant, "Complainant"), (self.subject_colleague, "Subject")], received_on="2025-12-22"
		)
		clock = doc.clocks[0]
		self.assertEqual(clock.rule_key, "acknowledgement")
		# 5 working days after Monday 22 December 2025: 23, 24, then 29, 30, 31 (25 and 26 are bank holidays).
		self.assertEqual(str(clock.due_on), "2025-12-31")
		self.assertEqual(clock.status, "Missed")

	def test_an_enabled_plugin_decides_and_is_named_on_the_case(self):
		# req: X-5
		with installed_plugin("tidyshire", TIDYSHIRE):
			save_settings(plugins=["tidyshire"])
			doc = self.record([(self.complainant, "Complainant")])
		self.assertRegex(doc.reference, r"^TDY-\d+$")
		decided = {row.decision: row.decided_by for row in doc.plugin_decisions}
		self.assertEqual(decided["Reference"], "tidyshire")
		self.assertEqual(decided["Route"], "tidyshire")

	def test_a_failing_plugin_falls_back_and_the_case_says_so(self):
		with installed_plugin("brokenshire", BROKENSHIRE):
			save_settings(plugins=["brokenshire"])
			doc = self.record([(self.complainant, "Complainant"), (self.subject_colleague, "Subject")])
		route = next(row for row in doc.plugin_decisions if row.decision == "Route")
		self.assertEqual(route.decided_by, "builtin")
		self.assertIn("brokenshire", route.fallback_reason)
		self.assertIn("fairness_route_case", route.fallback_reason)
		self.assertEqual(doc.procedure, "staff_complaint")


	def test_plugins_see_grounds_behaviours_and_flags_but_no_words(self):
		# req: X-2, SOM-7, FHB-1
		doc = self.record(
			[(self.complainant, "Complainant"), (self.subject_colleague, "Subject")],
			intake_channel="Face to face",
			victim_under_17=1,
			allegations=[
				{
					"behaviour": "Harassment",
					"ground": "HIV/AIDS",
					"harassment_type": "Sexual",
					"details": "What was said on 3 March",
				},
				{"behaviour": "Bullying", "ground": "Sexual orientation", "harassment_type": "Online or social media"},
			],
		)
		case = case_snapshot(doc, "ENG")
		self.assertEqual(case.grounds, ("hiv_aids", "sexual_orientation"))
		self.assertEqual(case.behaviours, ("bullying", "harassment"))
		self.assertEqual(case.harassment_types, ("online_or_social_media", "sexual"))
		self.assertEqual((case.intake_channel, case.flags), ("face_to_face", {"under_17"}))
		self.assertNotIn("3 March", repr(case))

	def test_plugins_see_the_team_and_who_moved_the_case_but_not_the_reasons_given(self):
		# req: X-2, FHB-12, DER-17
		doc = self.record([(self.complainant, "Complainant"), (self.subject_colleague, "Subject")])
		doc = move(doc, "Acknowledge formal complaint", self.officer, reason="Spoke to her on 3 March")
		case = case_snapshot(frappe.get_doc(doc.doctype, doc.name), "ENG")
		self.assertIn(TeamMember(self.manager, TeamRole.HANDLER), case.team)
		(acknowledged,) = case.history
		self.assertEqual((acknowledged.to_stage, acknowledged.by), ("Acknowledged", self.officer))
		self.assertEqual(case.moved_into("Acknowledged"), {self.officer})
		self.assertNotIn("3 March", repr(case))
		# The sweep reads many cases at once and sees the same.
		swept = case_snapshots(doc.doctype, [doc.name], "ENG")[doc.name]
		self.assertEqual((swept.team, swept.history), (case.team, case.history))

	def test_plugins_see_the_intake_ticks_and_the_action_plan_but_not_its_details(self):
		# req: X-2, SOM-5, SOM-7, SOM-15
		due_on = frappe.utils.add_days(frappe.utils.getdate(), 7)
		action = {"action": "Apology", "assigned_to": self.manager, "due_on": due_on, "details": "Said on 3 March"}
		doc = self.record(
			[(self.complainant, "Complainant"), (self.subject_colleague, "Subject")],
			confidentiality_notice_given=1,
			told_what_happens_next=1,
			actions=[action],
		)
		case = case_snapshot(doc, "ENG")
		self.assertEqual(case.flags, {"confidentiality_notice_given", "told_what_happens_next"})
		self.assertEqual(case.actions, (PlannedAction("apology", self.manager, due_on),))
		self.assertNotIn("3 March", repr(case))
		swept = case_snapshots(doc.doctype, [doc.name], "ENG")[doc.name]
		self.assertEqual((swept.flags, swept.actions), (case.flags, case.actions))

	def test_a_discrimination_questionnaire_is_recorded_without_deadlines(self):
		# req: DER-22
		doc = self.record([(self.complainant, "Complainant")], complaint_type="Discrimination questionnaire")
		self.assertTrue(doc.reference)
		self.assertEqual(doc.clocks, [])
		self.assertNotIn("Deadlines", {row.decision for row in doc.plugin_decisions})


class TestBadInput(ComplaintTestCase):
	def assert_refused(self, message_part, parties, **fields):
		with self.assertRaises(frappe.ValidationError) as raised:
			self.record(parties, **fields)
		self.assertIn(message_part, str(raised.exception))

	def test_a_date_received_in_the_future(self):
		tomorrow = frappe.utils.add_days(frappe.utils.today(), 1)
		self.assert_refused("in the future", [(self.complainant, "Complainant")], received_on=tomorrow)

	def test_an_incident_after_the_complaint(self):
		self.assert_refused(
			"after the date the complaint was received",
			[(self.complainant, "Complainant")],
			received_on="2026-03-02",
			latest_incident_on="2026-03-05",
		)

	def test_an_impossible_date(self):
		self.assert_refused("is not a real date", [(self.complainant, "Complainant")], received_on="2026-02-30")

	def test_an_outcome_dated_before_the_complaint(self):
		self.assert_refused(
			"is before date received",
			[(self.complainant, "Complainant")],
			received_on="2026-03-02",
			outcome_on="2026-02-27",
		)

	def test_a_complaint_after_the_time_limit_without_an_accepted_extension(self):
		# req: DER-2
		self.assert_refused(
			"after the time limit ended on",
			[(self.complainant, "Complainant")],
			received_on="2026-06-02",
			latest_incident_on="2026-03-01",
		)

	def test_a_late_complaint_accepted_by_a_named_person_with_a_reason_is_recorded(self):
		# req: DER-2
		doc = self.record(
			[(self.complainant, "Complainant")],
			received_on="2026-06-02",
			latest_incident_on="2026-03-01",
			late_complaint_accepted_by=self.director,
			late_complaint_reason="The complainant was in hospital until May.",
		)
		self.assertEqual(doc.out_of_time, 1)
		self.assertIn("Time limit", {row.decision for row in doc.plugin_decisions})

	def test_a_complaint_on_the_last_day_is_in_time(self):
		# req: DER-2
		doc = self.record([(self.complainant, "Complainant")], received_on="2026-06-01", latest_incident_on="2026-03-01")
		self.assertEqual(doc.out_of_time, 0)

	def test_script_in_free_text_is_stored_harmless_and_the_words_are_kept(self):
		doc = self.record(
			[(self.complainant, "Complainant")],
			resolution_sought='An apology <script>alert("x")</script><b onclick="steal()">in writing</b>',
		)
		stored = frappe.db.get_value(doc.doctype, doc.name, "resolution_sought")
		self.assertNotIn("<script", stored)
		self.assertNotIn("onclick", stored)
		self.assertIn("An apology", stored)
		self.assertIn("in writing", stored)

	def test_one_person_as_complainant_and_subject(self):
		self.assert_refused(
			"cannot be both the subject", [(self.complainant, "Complainant"), (self.complainant, "Subject")]
		)


class OneCaseTestCase(ComplaintTestCase):
	"""Tests about one staff complaint recorded by a case officer."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.set_user(cls.officer)
		cls.case = new_complaint([(cls.complainant, "Complainant"), (cls.subject_colleague, "Subject")]).insert()
		frappe.set_user("Administrator")


class TestNeedToKnow(OneCaseTestCase):
	"""The wrong people try to read a case (X-2)."""

	def test_the_team_sees_the_case(self):
		self.assertEqual(self.visible_to(self.manager), {"form": True, "list": True, "party list": True})

	def test_a_manager_outside_the_team_sees_nothing(self):
		self.assertEqual(self.visible_to(self.other_manager), {"form": False, "list": False, "party list": False})

	def test_the_subject_sees_nothing(self):
		# req: FHB-6
		self.assertEqual(self.visible_to(self.colleague), {"form": False, "list": False, "party list": False})

	def test_loading_the_form_as_an_outsider_is_refused(self):
		frappe.set_user(self.other_manager)
		with self.assertRaises(frappe.PermissionError):
			frappe.get_doc("Fairness Complaint", self.case.name).check_permission("read")


def listed(doctype):
	"""Names the current user's list view shows; a user with no access to the doctype at all sees none."""
	try:
		return frappe.get_list(doctype, pluck="name")
	except frappe.PermissionError:
		return []


class TestSharingAndAssignment(OneCaseTestCase):
	"""Sharing and assignment must not open a case to someone outside its team (X-2)."""

	def test_a_case_cannot_be_shared_with_an_outsider(self):
		with self.assertRaises(frappe.PermissionError):
			frappe.share.add("Fairness Complaint", self.case.name, self.other_manager)
		self.assertEqual(self.visible_to(self.other_manager)["list"], False)

	def test_a_person_cannot_be_shared(self):
		with self.assertRaises(frappe.PermissionError):
			frappe.share.add("Fairness Party", self.complainant.name, self.other_manager)

	def test_assigning_a_case_to_an_outsider_is_refused(self):
		from frappe.desk.form import assign_to

		with self.assertRaises(frappe.PermissionError):
			assign_to.add({"doctype": "Fairness Complaint", "name": self.case.name, "assign_to": [self.other_manager]})
		frappe.set_user(self.other_manager)
		self.assertFalse(frappe.has_permission("Fairness Complaint", "read", doc=self.case.name))

	def test_assigning_a_case_to_its_own_team_works(self):
		from frappe.desk.form import assign_to

		assign_to.add({"doctype": "Fairness Complaint", "name": self.case.name, "assign_to": [self.manager]})
		self.assertTrue(frappe.db.exists("ToDo", {"reference_name": self.case.name, "allocated_to": self.manager}))


class TestCaseTeamChanges(OneCaseTestCase):
	"""The team decides who sees the case, so changing it is guarded and recorded (X-2)."""

	def change_team(self, as_user, **row):
		frappe.set_user(as_user)
		try:
			doc = frappe.get_doc("Fairness Complaint", self.case.name)
			doc.append("team", row)
			doc.save()
			return doc
		finally:
			frappe.set_user("Administrator")

	def test_the_person_handling_the_case_adds_an_investigator_and_the_timeline_says_so(self):
		investigator = make_user("team_investigator", roles.INVESTIGATOR)
		doc = self.change_team(self.manager, user=investigator, team_role="Investigator")
		self.assertIn(investigator, {row.user for row in doc.team})
		timeline = frappe.get_all(
			"Comment", filters={"reference_name": doc.name, "comment_type": "Info"}, pluck="content"
		)
		self.assertTrue(any("to the case team as investigator" in text for text in timeline), timeline)

	def test_a_team_member_who_only_investigates_cannot_add_people(self):
		investigator = make_user("team_investigator", roles.INVESTIGATOR)
		self.change_team(self.manager, user=investigator, team_role="Investigator")
		with self.assertRaises(frappe.PermissionError):
			self.change_team(investigator, user=self.other_manager, team_role="Manager")

	def test_a_party_to_the_case_cannot_join_its_team(self):
		# req: FHB-6
		with self.assertRaises(frappe.ValidationError) as refused:
			self.change_team(self.manager, user=self.colleague, team_role="Investigator")
		self.assertIn("is part of this case (subject)", str(refused.exception))
