"""Monitoring facts and reports on a real site (issue 6): every case leaves a de-identified fact that outlives it,
the reports count facts with small numbers hidden, and only the monitoring role sees figures, never a case
(X-2, X-3, DER-25, SOM-17)."""

import json

import frappe
from frappe.desk.query_report import run as run_report

from fairness_app.reports.facts import MET, MISSED, listed, unlisted
from fairness_app.reports.periods import financial_year_of
from fairness_app.reports.suppression import SECONDARY_MARK
from fairness_app.services import equality
from fairness_app.services.monitoring import FACT, case_key, refresh_fact
from fairness_app.tests.fixtures import EveryPersonaTestCase, make_party, new_complaint
from fairness_app.tests.site_client import SiteClient

COMMITTEE = "Fairness Committee Table"
TIMELINESS = "Fairness Timeliness"
# Facts of a year no other test records cases in, so each figure is known.
QUIET_YEAR = "2011-12"
WHITE = "White: British"
AFRICAN = "Black or Black British: African"


def fact_of(case):
	return frappe.get_doc(FACT, case_key(case.doctype, case.name))


def published(fact) -> str:
	"""Everything a fact holds, as text."""
	return json.dumps(fact.as_dict(), default=str)


def seed_fact(ethnic_group, sex, disabled, outcome, grounds=(), clocks=(), directorate=None, received_on="2011-06-01"):
	"""A fact as a case would leave it, for a year no case of these tests falls in."""
	return frappe.get_doc(
		{
			"doctype": FACT,
			"case_key": frappe.generate_hash(length=32),
			"case_kind": "Complaint",
			"received_on": received_on,
			"financial_year": QUIET_YEAR,
			"quarter": 1,
			"half": 1,
			"directorate": directorate,
			"ethnic_group": ethnic_group,
			"sex": sex,
			"disabled": disabled,
			"outcome": outcome,
			"grounds": listed(grounds),
			"clocks": [{"rule_key": key, "label": label, "result": result} for key, label, result in clocks],
		}
	).insert(ignore_permissions=True)


def report_rows(report, **filters):
	result = run_report(report, filters=filters)
	return result["columns"], {row["racial_group" if report == COMMITTEE else "deadline"]: row for row in result["result"]}


class TestMonitoringFacts(EveryPersonaTestCase):
	def test_a_recorded_case_leaves_a_fact_with_no_name_reference_or_free_text(self):
		# req, SOM-12
		fact = fact_of(self.case)
		self.assertEqual((fact.case_kind, fact.route, fact.stage), ("Complaint", self.case.procedure, self.case.workflow_state))
		self.assertEqual(fact.financial_year, financial_year_of(self.case.received_on))
		text = published(fact)
		for secret in (self.case.name, self.case.reference, "Street cleaning", "Complainant", self.users.case_officer):
			self.assertNotIn(secret, text)
		self.assertEqual({str(fact.creation)[11:], str(fact.modified)[11:]}, {"00:00:00"})  # the day, not the moment
		self.assertEqual(frappe.db.count(FACT, {"case_key": case_key(self.case.doctype, self.case.name)}), 1)

	def test_an_incident_leaves_its_type_and_channel(self):
		# req: CUM-6, KEN-11
		fact = fact_of(self.scenario.incident)
		self.assertEqual((fact.case_kind, fact.channel), ("Incident", "Face to face"))
		self.assertEqual(fact.abuse_types, "Verbal abuse")
		self.assertNotIn(self.scenario.incident.name, published(fact))

	def test_equality_answers_reach_the_fact_as_bands_and_declining_takes_them_away(self):
		# req: X-2, DER-24, DER-25
		frappe.set_user(self.users.case_officer)
		equality.record_equality_details(self.case.doctype, self.case.name, {"ethnic_group": "Chinese", "sex": "Male"})
		self.assertEqual((fact_of(self.case).ethnic_group, fact_of(self.case).sex), ("Chinese", "Male"))
		equality.record_equality_details(self.case.doctype, self.case.name, {}, declined=True)
		self.assertEqual((fact_of(self.case).ethnic_group, fact_of(self.case).sex), (None, None))

	def test_a_change_to_the_case_updates_its_one_fact(self):
		# req: DER-25
		frappe.set_user(self.users.case_officer)
		case = frappe.get_doc(self.case.doctype, self.case.name)
		case.append("allegations", {"behaviour": "Harassment", "ground": "Race", "harassment_type": "Sexual"})
		case.save()
		fact = fact_of(case)
		self.assertIn("Race", unlisted(fact.grounds))
		self.assertIn("Sexual", unlisted(fact.harassment_types))
		self.assertEqual(frappe.db.count(FACT, {"case_key": case_key(case.doctype, case.name)}), 1)

	def test_a_fact_outlives_its_case(self):
		# req: X-3, SOM-13, DER-23
		frappe.set_user(self.users.case_officer)
		party = make_party("Short-lived Complainant")
		case = new_complaint([(party, "Complainant")], outcome="Withdrawn").insert()
		before = fact_of(case).as_dict()
		frappe.set_user("Administrator")
		frappe.delete_doc(case.doctype, case.name, force=True, delete_permanently=True)
		after = frappe.get_doc(FACT, before.name).as_dict()
		self.assertEqual((after.outcome, after.received_on, after.modified), (before.outcome, before.received_on, before.modified))
		self.assertIsNone(refresh_fact(case.doctype, case.name))  # a late job for a deleted case leaves it be

	def test_nobody_reads_facts_one_by_one_not_even_the_monitoring_officer(self):
		# req: X-2
		name = fact_of(self.case).name
		for persona in ("monitoring_officer", "case_officer", "line_manager", "administrator"):
			client = SiteClient(self.users[persona])
			with self.subTest(persona=persona):
				self.assertEqual(client.resource(FACT).status_code, 403)
				self.assertEqual(client.resource(FACT, name).status_code, 403)
				report_view = client.get("/api/method/frappe.desk.reportview.get", doctype=FACT, fields=["name"])
				self.assertEqual(report_view.status_code, 403)


class TestMonitoringReports(EveryPersonaTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.db.delete(FACT, {"financial_year": QUIET_YEAR})
		if not frappe.db.exists("Fairness Directorate", "RES"):
			frappe.get_doc({"doctype": "Fairness Directorate", "code": "RES", "directorate_name": "Resources"}).insert()
		for _ in range(7):
			seed_fact(AFRICAN, "Female", "No", "Partly upheld", ["Race"], directorate="RES")
		for _ in range(6):
			seed_fact(WHITE, "Female", "No", "Upheld", ["Sex"], [("ack", "Acknowledge", MET)], "RES")
		for _ in range(5):
			seed_fact(WHITE, "Male", "No", "Not upheld", ["Age"], [("ack", "Acknowledge", MET)], "RES")
		seed_fact("Chinese", "Male", "Yes", "Withdrawn", ["Race"], [("ack", "Acknowledge", MISSED)], "RES")
		# Received the year before and still open when this one began: outstanding from an earlier period.
		seed_fact("Chinese", "Female", "No", None, ["Race"], received_on="2010-11-01")
		frappe.db.commit()

	def test_the_committee_table_counts_complainants_by_racial_group_and_hides_small_numbers(self):
		# req: DER-25, X-2
		frappe.set_user(self.users.monitoring_officer)
		columns, rows = report_rows(COMMITTEE, financial_year=QUIET_YEAR)
		labels = [column["label"] for column in columns]
		self.assertEqual(labels[:3], ["Racial group of complainant", "Complainants", "Harassment or bullying: Racial"])
		self.assertEqual(list(rows), [AFRICAN, "Chinese", WHITE, "Total"])
		true_counts = {
			WHITE: {"complainants": 11, "type_sexual": 6, "type_age": 5, "gender_f": 6, "gender_m": 5, "outcome_upheld": 6},
			AFRICAN: {"complainants": 7, "type_racial": 7, "gender_f": 7, "outcome_partly_upheld": 7},
			"Chinese": {"complainants": 1, "type_racial": 1, "gender_m": 1, "disability_y": 1, "outcome_withdrawn": 1},
			"Total": {"complainants": 19, "type_racial": 8, "gender_m": 6, "disability_y": 1, "outcome_withdrawn": 1},
		}
		for line, counts in true_counts.items():
			for field, count in counts.items():
				with self.subTest(line=line, field=field):
					# A figure is true, or hidden: as "<5" when it is small.
					self.assertIn(rows[line][field], ("<5",) if count < 5 else (count, SECONDARY_MARK))
		self.assertEqual((rows[WHITE]["complainants"], rows[WHITE]["type_sexual"]), (11, 6))

	def test_outstanding_complaints_from_earlier_years_are_a_table_of_their_own(self):
		# req: DER-25
		frappe.set_user(self.users.monitoring_officer)
		_, rows = report_rows(COMMITTEE, financial_year=QUIET_YEAR, cases="Outstanding from earlier years")
		self.assertEqual(set(rows), {"Chinese", "Total"})
		self.assertEqual(rows["Chinese"]["outcome_not_yet_decided"], "<5")

	def test_timeliness_counts_each_deadline_met_and_missed(self):
		# req: SOM-14, DER-9, X-2
		frappe.set_user(self.users.monitoring_officer)
		_, rows = report_rows(TIMELINESS, financial_year=QUIET_YEAR)
		self.assertEqual(rows["Acknowledge"]["directorate"], "RES")
		self.assertEqual(rows["Acknowledge"]["missed"], "<5")
		self.assertIsNone(rows["Acknowledge"]["met_share"])  # it would give the hidden count away

	def test_a_financial_year_written_wrongly_gets_a_plain_message(self):
		frappe.set_user(self.users.monitoring_officer)
		with self.assertRaisesRegex(frappe.ValidationError, "like 2026-27"):
			run_report(COMMITTEE, filters={"financial_year": "2011/12"})

	def test_only_the_monitoring_role_runs_the_reports(self):
		# req: X-2
		for persona in ("case_officer", "line_manager", "investigator", "administrator", "complainant"):
			for report in (COMMITTEE, TIMELINESS):
				with self.subTest(persona=persona, report=report):
					frappe.set_user(self.users[persona])
					self.assertRaises(frappe.PermissionError, run_report, report, filters={"financial_year": QUIET_YEAR})

	def test_no_figure_leads_to_a_case(self):
		# req: X-2
		frappe.set_user(self.users.monitoring_officer)
		for report in (COMMITTEE, TIMELINESS):
			result = run_report(report, filters={"financial_year": QUIET_YEAR})
			self.assertFalse([column for column in result["columns"] if column["fieldtype"] in ("Link", "Dynamic Link")])
			self.assertNotIn("name", {key for row in result["result"] for key in row})

	def test_counts_below_two_cannot_be_the_threshold(self):
		# req: X-2
		settings = frappe.get_doc("Fairness Settings")
		settings.suppression_threshold = 1
		self.assertRaisesRegex(frappe.ValidationError, "point to a person", settings.save)
