"""Each council plugin under plugins/ enabled on a real site and walking one case: recorded, routed, numbered and
clocked by the plugin, then moved on a stage (X-5, and the requirement each step proves).

The plugins are separate packages, as a council would install them: .ci/run installs each into the bench first.
Each plugin's own tests (plain pytest, in its folder) cover its rules in full; these prove the app applies them.
"""

from dataclasses import replace
from datetime import datetime, timedelta
from importlib.metadata import entry_points

import frappe
from frappe.model.workflow import apply_workflow

from fairness_app import roles
from fairness_app.fairness_app.doctype.fairness_complaint.test_fairness_complaint import ComplaintTestCase
from fairness_app.procedure.calendar import WorkingCalendar
from fairness_app.services.clocks import read_clocks, write_clocks
from fairness_app.services.deadlines import long_date
from fairness_app.services.monitoring import refresh_fact
from fairness_app.tests.fixtures import make_party, make_user, new_incident
from fairness_app.tests.test_plugin_registry import save_settings


class CouncilPluginTestCase(ComplaintTestCase):
	plugin = ""

	def setUp(self):
		if self.plugin not in {entry_point.name for entry_point in entry_points(group="fairness_app")}:
			self.fail(
				f"The {self.plugin} plugin is not installed in this bench. Install it with "
				f"./env/bin/pip install -e apps/fairness_app/plugins/fairness_{self.plugin}"
			)
		save_settings(plugins=[self.plugin])

	def decided_by(self, case, decision: str) -> str:
		return next(row.decided_by for row in case.plugin_decisions if row.decision == decision)

	def clocks(self, case) -> dict:
		return {row.rule_key: row for row in case.clocks}

	def handlers(self, case) -> list[str]:
		return [row.user for row in case.team if row.team_role == "Handles the case"]

	def move(self, case, action: str, as_user: str):
		frappe.set_user(as_user)
		try:
			return apply_workflow(case.as_dict(), action)
		finally:
			frappe.set_user("Administrator")

	def working_days_after_today(self, days: int):
		return WorkingCalendar("ENG").add_working_days(frappe.utils.now_datetime(), days)


class TestSomerset(CouncilPluginTestCase):
	plugin = "somerset"

	def test_a_complaint_from_the_public_is_numbered_by_directorate_and_officer_and_clocked(self):
		# req: SOM-11, SOM-14, SOM-2, SOM-5, SOM-7
		code = f"S{frappe.generate_hash(length=4).upper()}"
		frappe.get_doc({"doctype": "Fairness Directorate", "code": code, "directorate_name": "Chief Executive's"}).insert()
		resident = make_party("Resident", party_type="Member of the public")
		case = self.record([(resident, "Complainant"), (self.subject_colleague, "Subject")], directorate=code)
		self.assertEqual((case.procedure, self.decided_by(case, "Route")), ("public_complaint", "somerset"))
		self.assertRegex(case.reference, rf"^{code}/O001/\d{{4}}$")  # the officer's initials, then the year's number
		clocks = self.clocks(case)
		self.assertEqual(clocks["acknowledgement"].due_on, self.working_days_after_today(3))
		self.assertIn("formal_investigation", clocks)
		with self.assertRaisesRegex(frappe.ValidationError, "told them what happens next"):
			self.move(case, "Acknowledge", self.officer)
		case.reload()
		case.update({"confidentiality_notice_given": 1, "told_what_happens_next": 1})
		case.save()
		case = self.move(case, "Acknowledge", self.officer)
		self.assertEqual(self.clocks(case)["acknowledgement"].status, "Met")

	def test_a_phoned_complaint_has_a_meeting_in_person_arranged_within_3_working_days(self):
		# req: SOM-7
		resident = make_party("Caller", party_type="Member of the public")
		case = self.record([(resident, "Complainant"), (self.subject_colleague, "Subject")], intake_channel="Phone")
		self.assertEqual(self.clocks(case)["meeting_in_person"].due_on, self.working_days_after_today(3))
		in_two_days = frappe.utils.add_days(frappe.utils.now_datetime(), 2)
		meeting = {"meeting_type": "Meeting with the manager", "party": resident.name, "scheduled_for": in_two_days}
		case.append("meetings", meeting)
		case.save()
		self.assertEqual(self.clocks(case)["meeting_in_person"].status, "Met")
		# Recording it again, or holding it, does not arrange it twice.
		case.meetings[0].outcome = "Held"
		case.save()
		self.assertEqual(self.clocks(case)["meeting_in_person"].status, "Met")


	def test_a_meeting_recorded_late_was_arranged_the_day_its_invitation_went(self):
		# req: SOM-7
		resident = make_party("Letter Writer", party_type="Member of the public")
		received_on = self.working_days_after_today(-6)
		parties = [(resident, "Complainant"), (self.subject_colleague, "Subject")]
		case = self.record(parties, intake_channel="Letter", received_on=received_on)
		self.assertEqual(self.clocks(case)["meeting_in_person"].status, "Missed")  # not recorded in 3 working days
		meeting = {"meeting_type": "Meeting with the manager", "party": resident.name}
		in_a_week = frappe.utils.add_days(frappe.utils.now_datetime(), 7)
		invited_on = self.working_days_after_today(-4)  # within the 3 working days
		case.append("meetings", {**meeting, "scheduled_for": in_a_week, "invitation_sent_on": invited_on})
		case.save()
		self.assertEqual(self.clocks(case)["meeting_in_person"].status, "Met")


class TestDerby(CouncilPluginTestCase):
	plugin = "derby"

	def formal_complaint(self, **fields):
		"""A formal complaint by the employee about a colleague."""
		parties = [(self.complainant, "Complainant"), (self.subject_colleague, "Subject")]
		return self.record(parties, formality="Formal", **fields)

	def test_a_formal_staff_complaint_runs_the_fairness_at_work_clocks(self):
		# req: DER-8, DER-9, DER-11
		case = self.formal_complaint()
		self.assertEqual((case.procedure, self.decided_by(case, "Route")), ("staff_complaint", "derby"))
		clocks = self.clocks(case)
		self.assertEqual(clocks["acknowledgement"].due_on, self.working_days_after_today(2))
		self.assertEqual(clocks["letters_to_parties"].due_on, frappe.utils.add_days(frappe.utils.getdate(), 28))
		case = self.move(case, "Acknowledge formal complaint", self.officer)
		self.assertEqual(self.clocks(case)["acknowledgement"].status, "Met")

	def test_only_an_assistant_director_accepts_a_late_complaint(self):
		# req: DER-2
		parties = [(self.complainant, "Complainant"), (self.subject_colleague, "Subject")]
		late = {"received_on": "2026-06-02", "latest_incident_on": "2026-03-01", "late_complaint_reason": "Ill."}
		with self.assertRaisesRegex(
			frappe.ValidationError, r"cannot accept a late complaint: only the Assistant Director \(Personnel\) may"
		):
			self.record(parties, late_complaint_accepted_by=self.director, **late)
		assistant_director = make_user("ad_personnel", roles.ASSISTANT_DIRECTOR)
		case = self.record(parties, late_complaint_accepted_by=assistant_director, **late)
		self.assertEqual((case.out_of_time, case.late_complaint_accepted_by), (1, assistant_director))

	def test_a_meeting_is_put_off_for_a_listed_reason_and_on_medical_grounds_with_a_certificate(self):
		# req: DER-5
		case = self.formal_complaint()
		set_for = frappe.utils.add_days(frappe.utils.now_datetime(), 7).replace(microsecond=0)
		meeting = {"meeting_type": "Investigation interview", "party": self.complainant.name, "scheduled_for": set_for}
		case.append("meetings", {**meeting, "invitation_sent_on": frappe.utils.today()})
		case.save()

		def put_off(reason, certificate_seen=0):
			case.reload()  # as the form would, after a refused save
			row = case.meetings[0]
			row.update({"postponed_to": frappe.utils.add_days(set_for, 21), "postponement_reason": reason})
			row.update({"postponement_asked_by": "The person invited", "postponement_evidence_seen": certificate_seen})
			case.save()

		with self.assertRaisesRegex(frappe.ValidationError, "put off only for one of these reasons"):
			put_off("Another reason")
		with self.assertRaisesRegex(frappe.ValidationError, "needs a medical certificate"):
			put_off("Medical grounds")
		put_off("Medical grounds", certificate_seen=1)
		self.assertEqual(case.meetings[0].postponements, 1)


	def test_senior_staff_teachers_and_grievances_go_to_their_own_procedures(self):
		# req: DER-1
		chief_officer = make_party("Chief Officer", line_manager=self.director)
		chief_officer.db_set("terms_of_employment", "Chief Officer")
		teacher = make_party("Class Teacher", party_type="Former employee")
		teacher.db_set("terms_of_employment", "Teachers' terms")
		grievance = {"complaint_type": "Grievance about terms, working practices or the workplace"}
		for parties, fields, goes_to in (
			([(self.complainant, "Complainant"), (chief_officer, "Subject")], {}, "the senior staff"),
			([(teacher, "Complainant"), (self.subject_colleague, "Subject")], {}, "the school's own"),
			([(self.complainant, "Complainant"), (self.subject_colleague, "Subject")], grievance, "the Council's Grie"),
		):
			case = self.record(parties, formality="Formal", **fields)
			self.assertTrue(case.redirected_to.startswith(goes_to), case.redirected_to)
			self.assertEqual(case.clocks, [])  # the other procedure's deadlines are not Fairness at Work's
		copied = frappe.get_all("Fairness Case Party", filters={"party": teacher.name}, pluck="terms_of_employment")
		self.assertEqual(copied, ["Teachers' terms"])  # copied onto the case, where plugins read it

	def test_a_former_employee_who_agreed_to_two_steps_gets_a_written_response_within_28_days(self):
		# req: DER-21
		former = make_party("Former Employee", party_type="Former employee")
		case = self.record([(former, "Complainant"), (self.subject_colleague, "Subject")], two_step_agreed=1)
		self.assertEqual((case.procedure, self.decided_by(case, "Route")), ("former_employee_two_step", "derby"))
		response = self.clocks(case)["written_response"]
		self.assertEqual(response.due_on, frappe.utils.add_days(frappe.utils.getdate(), 28))
		case = self.move(case, "Send written response", self.officer)
		self.assertEqual((case.workflow_state, case.stage_category), ("Response sent", "closed"))
		self.assertEqual(self.clocks(case)["written_response"].status, "Met")

	def test_a_copy_of_the_disciplinary_outcome_letter_is_due_7_days_after_the_hearing(self):
		# req: DER-16
		today = frappe.utils.getdate()
		case = self.formal_complaint(received_on=frappe.utils.add_days(today, -20))
		case.disciplinary_hearing_on = frappe.utils.add_days(today, 1)
		with self.assertRaisesRegex(frappe.ValidationError, "Enter the day it was held, once it has been"):
			case.save()
		case.reload()
		case.disciplinary_hearing_on = frappe.utils.add_days(today, -3)
		case.save()
		self.assertEqual(self.clocks(case)["disciplinary_letter"].due_on, frappe.utils.add_days(today, 4))
		case.disciplinary_hearing_on = frappe.utils.add_days(today, -5)  # the day corrected: the deadline moves
		case.save()
		self.assertEqual(self.clocks(case)["disciplinary_letter"].due_on, frappe.utils.add_days(today, 2))
		case.disciplinary_letter_received_on = today
		case.save()
		self.assertEqual(self.clocks(case)["disciplinary_letter"].status, "Met")

	def appeal_hearing_in_20_days(self):
		"""A complaint under appeal whose appeal hearing is arranged for 10 o'clock in 20 days' time."""
		today = frappe.utils.getdate()
		received_on, appeal_received_on = frappe.utils.add_days(today, -30), frappe.utils.add_days(today, -2)
		case = self.formal_complaint(received_on=received_on, appeal_received_on=appeal_received_on)
		hearing_at = datetime.combine(frappe.utils.add_days(today, 20), datetime.min.time()).replace(hour=10)
		hearing = {"meeting_type": "Appeal hearing", "party": self.complainant.name, "scheduled_for": hearing_at}
		case.append("meetings", {**hearing, "invitation_sent_on": today})
		case.save()
		return case, hearing_at

	def test_statements_of_case_are_due_7_days_before_the_appeal_hearing_and_move_with_it(self):
		# req: DER-17
		today = frappe.utils.getdate()
		case, hearing_at = self.appeal_hearing_in_20_days()
		statements = self.clocks(case)["statements_of_case"]
		self.assertEqual(statements.due_on, frappe.utils.add_days(today, 13))
		self.assertIn("appeal hearing on", statements.label)
		case.meetings[0].update(
			{
				"postponed_to": hearing_at + timedelta(days=7),
				"postponement_reason": "So that key witnesses can attend",
				"postponement_asked_by": "The person invited",
			}
		)
		case.save()
		self.assertEqual(self.clocks(case)["statements_of_case"].due_on, frappe.utils.add_days(today, 20))
		case.statements_of_case_received_on = today
		case.save()
		self.assertEqual(self.clocks(case)["statements_of_case"].status, "Met")

	def test_a_hearing_deleted_as_entered_in_error_takes_its_statements_deadline_with_it(self):
		# req: DER-17
		case, _hearing_at = self.appeal_hearing_in_20_days()
		self.assertEqual(self.clocks(case)["statements_of_case"].status, "Running")
		case.meetings.pop(0)
		case.save()
		self.assertEqual(self.clocks(case)["statements_of_case"].status, "Cancelled")

	def test_each_interview_record_goes_for_signature_within_7_days(self):
		# req: DER-14
		case = self.formal_complaint()
		today = frappe.utils.getdate()
		ten_days_ago = frappe.utils.add_days(today, -10)
		for party, taken_on in ((self.complainant, ten_days_ago), (self.subject_colleague, today)):
			case.append("statements", {"kind": "Interview record", "party": party.name, "taken_on": taken_on})
		case.save()
		late, current = (self.clocks(case)[f"interview_record:{row.name}"] for row in case.statements)
		self.assertEqual((late.status, late.due_on), ("Missed", frappe.utils.add_days(ten_days_ago, 7)))
		self.assertEqual((current.status, current.due_on), ("Running", frappe.utils.add_days(today, 7)))
		self.assertIn(f"(interview on {long_date(today)})", current.label)
		case.statements[1].sent_for_signature_on = today
		case.save()
		self.assertEqual(self.clocks(case)[current.rule_key].status, "Met")
		case.statements.pop(0)  # entered in error: its deadline no longer applies, but the miss is not undone
		case.save()
		self.assertEqual(self.clocks(case)[late.rule_key].status, "Missed")
		fact = frappe.get_doc("Fairness Monitoring Fact", refresh_fact(case.doctype, case.name))
		counted = [(row.rule_key, row.label) for row in fact.clocks if row.rule_key == "interview_record"]
		self.assertEqual(counted, [("interview_record", current.label.partition(" (interview on")[0])] * 2)

	def test_correcting_the_day_an_interview_was_given_moves_only_its_deadline(self):
		# req: DER-14
		today = frappe.utils.getdate()
		case = self.formal_complaint(received_on=frappe.utils.add_days(today, -10))
		for party in (self.complainant, self.subject_colleague):
			case.append("statements", {"kind": "Interview record", "party": party.name, "taken_on": today})
		case.save()
		given_on = frappe.utils.add_days(today, -3)
		case.statements[0].taken_on = given_on
		case.save()
		corrected, other = (self.clocks(case)[f"interview_record:{row.name}"] for row in case.statements)
		self.assertEqual(corrected.due_on, frappe.utils.add_days(given_on, 7))
		self.assertIn(f"(interview on {long_date(given_on)})", corrected.label)
		self.assertEqual(other.due_on, frappe.utils.add_days(today, 7))


class TestErConsultant(CouncilPluginTestCase):
	plugin = "er_consultant"

	def test_a_cf1_goes_to_the_managers_manager_when_the_manager_is_complained_about(self):
		# req: FHB-3, FHB-4, FHB-5
		case = self.record([(self.complainant, "Complainant"), (self.subject_manager, "Subject")], formality="Formal")
		self.assertEqual((case.procedure, self.decided_by(case, "Route")), ("er_consultant_formal", "er_consultant"))
		self.assertEqual(self.handlers(case), [self.director])
		self.assertEqual(self.clocks(case)["cf1_acknowledgement"].due_on, self.working_days_after_today(2))
		case = self.move(case, "Acknowledge formal complaint", self.director)
		clocks = self.clocks(case)
		self.assertEqual(clocks["cf1_acknowledgement"].status, "Met")
		self.assertEqual(clocks["formal_complaint_meeting"].due_on, self.working_days_after_today(10))

	def test_an_appeal_after_the_five_working_days_is_refused(self):
		# req: FHB-12
		parties = [(self.complainant, "Complainant"), (self.subject_manager, "Subject")]
		case = self.record(parties, formality="Formal", received_on=self.working_days_after_today(-15))
		for action in ("Acknowledge formal complaint", "Arrange complaint meeting", "Send decision"):
			case = self.move(case, action, self.director)
		self.assertEqual(self.clocks(case)["cf2_appeal"].due_on, self.working_days_after_today(5))
		case = self.as_if_started_working_days_ago(case, "cf2_appeal", 6)
		last_day = self.clocks(case)["cf2_appeal"].due_on
		self.assertEqual(last_day, self.working_days_after_today(-1))

		with self.assertRaises(frappe.ValidationError) as refused:
			self.move(case, "Appeal received", self.officer)
		self.assertIn(f"{last_day:%A %-d %B %Y}", str(refused.exception))
		self.assertEqual(frappe.db.get_value(case.doctype, case.name, "workflow_state"), "Decision sent")

		# The form reached the council in time and is entered late: the day it arrived counts, for the move and
		# for the deadline, which was met that day.
		case.update({"appeal_received_on": last_day}).save()
		case = self.move(case, "Appeal received", self.officer)
		self.assertEqual(case.workflow_state, "Appeal")
		appeal = self.clocks(case)["cf2_appeal"]
		self.assertEqual((appeal.status, appeal.met_at.date()), ("Met", last_day))
		self.assertEqual(case.stage_history[-1].changed_at.date(), frappe.utils.getdate())  # the move is today's

	def test_the_appeal_is_not_heard_by_whoever_investigated_or_decided_the_complaint(self):
		# req: FHB-12
		parties = [(self.complainant, "Complainant"), (self.subject_manager, "Subject")]
		case = self.record(parties, formality="Formal")
		investigator = make_user("er_investigator", roles.INVESTIGATOR, roles.APPEAL_OFFICER)
		deputy = make_user("er_deputy", roles.LINE_MANAGER, roles.APPEAL_OFFICER)
		case.append("team", {"user": investigator, "team_role": "Investigator"})
		case.append("team", {"user": deputy, "team_role": "Handles the case"})
		case.save()
		for action in ("Acknowledge formal complaint", "Arrange complaint meeting"):
			case = self.move(case, action, self.director)
		case = self.move(case, "Send decision", deputy)
		case = self.move(case, "Appeal received", self.officer)

		with self.assertRaisesRegex(frappe.ValidationError, "because you are this case's investigator"):
			self.move(case, "Arrange appeal meeting", investigator)
		decided = f"because you moved this case to 'Decision sent' on {frappe.utils.getdate():%A %-d %B %Y}"
		with self.assertRaisesRegex(frappe.ValidationError, decided):
			self.move(case, "Arrange appeal meeting", deputy)
		self.assertEqual(frappe.db.get_value(case.doctype, case.name, "workflow_state"), "Appeal")
		# The ER consultant arranging it for a manager new to the case is not refused.
		case = self.move(case, "Arrange appeal meeting", self.officer)
		self.assertEqual(case.workflow_state, "Appeal meeting")

	def test_a_complaint_made_formal_later_is_acknowledged_within_2_working_days_of_that(self):
		# req: FHB-1, FHB-4
		case = self.record([(self.complainant, "Complainant"), (self.subject_manager, "Subject")], formality="Informal")
		self.assertEqual(self.clocks(case), {})
		case.formality = "Formal"
		case.save()
		acknowledge = self.clocks(case)["cf1_acknowledgement_once_formal"]
		self.assertEqual(acknowledge.due_on, self.working_days_after_today(2))
		case = self.move(case, "Acknowledge formal complaint", self.director)
		self.assertEqual(self.clocks(case)["cf1_acknowledgement_once_formal"].status, "Met")
		# Saving again raises nothing new.
		case.save()
		self.assertEqual(len(case.clocks), 2)

	def test_meetings_recorded_as_held_start_and_stop_the_procedures_clocks(self):
		# req: FHB-8, FHB-10
		case = self.record([(self.complainant, "Complainant"), (self.subject_manager, "Subject")], formality="Formal")
		for action in ("Acknowledge formal complaint", "Arrange complaint meeting"):
			case = self.move(case, action, self.director)
		held_at = frappe.utils.now_datetime().replace(second=0, microsecond=0) - timedelta(minutes=30)
		self.hold(case, "Formal complaint meeting", held_at)
		confirm = self.clocks(case)["written_confirmation"]
		two_working_days_on = WorkingCalendar("ENG").add_working_days(held_at, 2)
		self.assertEqual((confirm.started_at, confirm.due_on), (held_at, two_working_days_on))

		case = self.move(case, "Start investigation", self.director)
		clocks = self.clocks(case)
		self.assertEqual(clocks["written_confirmation"].status, "Met")  # adjourned: no decision to confirm
		self.assertEqual(clocks["investigation_interview"].due_on, self.working_days_after_today(10))
		self.hold(case, "Investigation interview", held_at)
		self.assertEqual(self.clocks(case)["investigation_interview"].status, "Met")
		# Saving again does not hold the meeting twice.
		case.save()
		self.assertEqual(self.clocks(case)["investigation_interview"].status, "Met")

	def hold(self, case, meeting_type: str, at):
		case.append("meetings", {"meeting_type": meeting_type, "party": self.complainant.name, "scheduled_for": at})
		case.save()
		case.meetings[-1].outcome = "Held"
		case.save()

	def as_if_started_working_days_ago(self, case, rule_key: str, days: int):
		"""The case as if its latest move, and the `rule_key` clock it started, had been `days` working days ago."""
		calendar, now = WorkingCalendar("ENG"), frappe.utils.now_datetime()
		started = datetime.combine(calendar.add_working_days(now, -days), now.time())
		clocks = [replace(c, started_at=started) if c.key == rule_key else c for c in read_clocks(case)]
		write_clocks(case, clocks, calendar, now)
		case.stage_history[-1].changed_at = started
		case.save()
		return case


class TestKent(CouncilPluginTestCase):
	plugin = "kent"

	def test_physical_contact_means_a_manager_meeting_within_24_hours(self):
		# req: KEN-4, KEN-1
		visitor = make_party("Visitor", party_type="Member of the public")
		frappe.set_user(self.officer)
		case = new_incident(
			[(self.complainant, "Victim"), (visitor, "Subject")], abuse_types=("Physical assault",), physical_contact=1
		).insert()
		frappe.set_user("Administrator")
		self.assertEqual((case.procedure, self.decided_by(case, "Route")), ("third_party_incident", "kent"))
		self.assertEqual(self.handlers(case), [self.manager])
		meeting = self.clocks(case)["manager_meeting"]
		self.assertEqual(meeting.due_at, frappe.utils.add_to_date(meeting.started_at, hours=24))
		case = self.move(case, "Record manager meeting", self.manager)
		self.assertEqual(self.clocks(case)["manager_meeting"].status, "Met")


class TestCumbria(CouncilPluginTestCase):
	plugin = "cumbria"

	def test_an_incident_is_debriefed_then_its_risks_reviewed(self):
		# req: CUM-3, CUM-4, CUM-10
		visitor = make_party("Visitor", party_type="Member of the public")
		frappe.set_user(self.officer)
		case = new_incident([(self.complainant, "Victim"), (visitor, "Subject")]).insert()
		frappe.set_user("Administrator")
		self.assertEqual((case.procedure, self.decided_by(case, "Route")), ("third_party_incident", "cumbria"))
		self.assertEqual(self.clocks(case)["debrief"].due_on, self.working_days_after_today(3))
		case = self.move(case, "Record manager meeting", self.manager)
		clocks = self.clocks(case)
		self.assertEqual(clocks["debrief"].status, "Met")
		self.assertEqual(clocks["risk_assessment_review"].due_on, self.working_days_after_today(5))
