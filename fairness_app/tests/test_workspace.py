"""The managers' workspace: number cards and a chart that count only the cases the reader may open, and nothing
for someone who may open none (X-2)."""

import json

import frappe
from frappe.desk.desktop import get_desktop_page
from frappe.desk.doctype.number_card.number_card import get_result
from frappe.utils import add_days, getdate

from fairness_app.permissions import CASE_DOCTYPES
from fairness_app.services import dashboard
from fairness_app.tests.fixtures import EveryPersonaTestCase, make_party, new_complaint

CLOCK = "Fairness Case Clock"
MONITORING_REPORTS = {"Fairness Committee Table", "Fairness Best Value", "Fairness Incidents Summary"}


def workspace_as(user):
	frappe.set_user(user)
	page = get_desktop_page(json.dumps({"name": "Fairness", "title": "Fairness"}))
	links = {link.link_to for card in page["cards"]["items"] for link in card["links"]}
	cards = {card.number_card_name for card in page["number_cards"]["items"]}
	return cards, {chart.chart_name for chart in page["charts"]["items"]}, links


def readable_clocks(user, **filters):
	"""The clocks of the cases `user` may open, worked out one case at a time as the form would."""
	clocks = frappe.get_all(CLOCK, filters=filters, fields=["parenttype", "parent"])  # as Administrator
	return [clock for clock in clocks if frappe.has_permission(clock.parenttype, doc=clock.parent, user=user)]


class TestWorkspace(EveryPersonaTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		# A case the line manager has nothing to do with, with one deadline due tomorrow and one missed.
		frappe.set_user(cls.users.case_officer)
		other = new_complaint([(make_party("Dashboard Complainant"), "Complainant")]).insert()
		frappe.set_user("Administrator")
		soon, missed = (frappe.new_doc(CLOCK, parent_doc=other, parentfield="clocks") for _ in range(2))
		soon.update({"rule_key": "dashboard-soon", "label": "Due soon", "status": "Running"})
		soon.due_on = add_days(getdate(), 1)
		missed.update({"rule_key": "dashboard-missed", "label": "Missed", "status": "Missed"})
		missed.due_on = add_days(getdate(), -3)
		for clock in (soon, missed):
			clock.db_insert()
		frappe.db.commit()
		cls.other = other

	@classmethod
	def tearDownClass(cls):
		# Its made-up deadlines are not clocks the sweep could rebuild, so they must not outlive these tests.
		frappe.set_user("Administrator")
		frappe.delete_doc(cls.other.doctype, cls.other.name, force=True, delete_permanently=True)
		frappe.db.commit()
		super().tearDownClass()

	def test_deadline_cards_count_only_the_cases_the_reader_may_open(self):
		# req: X-2
		window = ("between", [getdate(), add_days(getdate(), dashboard.DAYS_AHEAD)])
		counts = {}
		for persona in ("line_manager", "case_officer"):
			with self.subTest(persona=persona):
				user = self.users[persona]
				due = readable_clocks(user, status=("in", dashboard.STILL_RUNNING), due_on=window)
				frappe.set_user(user)
				counts[persona] = dashboard.deadlines_due_soon()["value"]
				self.assertEqual(counts[persona], len(due))
				missed = [
					clock
					for clock in readable_clocks(user, status="Missed")
					if frappe.db.get_value(clock.parenttype, clock.parent, "stage_category") != "closed"
				]
				self.assertEqual(dashboard.missed_deadlines()["value"], len(missed))
		self.assertLess(counts["line_manager"], counts["case_officer"])  # the other case's deadline is not theirs

	def test_the_stage_chart_counts_each_reader_their_own_cases_never_the_last_readers(self):
		# req: X-2
		totals = {}
		for persona in ("case_officer", "line_manager", "case_officer"):
			frappe.set_user(self.users[persona])
			chart = dashboard.open_cases_by_stage(chart_name="Fairness Open Cases by Stage")
			totals[persona] = sum(sum(dataset["values"]) for dataset in chart["datasets"])
			readable = sum(
				len(frappe.get_list(doctype, filters={"stage_category": ("!=", "closed")}, pluck="name"))
				for doctype in CASE_DOCTYPES
			)
			self.assertEqual(totals[persona], readable)
		self.assertLess(totals["line_manager"], totals["case_officer"])

	def test_the_open_complaints_card_counts_what_the_reader_may_open(self):
		# req: X-2
		card = frappe.get_doc("Number Card", "Fairness Open Complaints")
		for persona in ("line_manager", "case_officer"):
			with self.subTest(persona=persona):
				frappe.set_user(self.users[persona])
				readable = frappe.get_list("Fairness Complaint", filters={"stage_category": ("!=", "closed")}, pluck="name")
				self.assertEqual(get_result(card.as_json(), card.filters_json), len(readable))

	def test_a_manager_sees_the_cards_and_chart_but_not_the_monitoring_reports(self):
		# req: X-2
		cards, charts, links = workspace_as(self.users.line_manager)
		self.assertEqual(len(cards), 4)
		self.assertEqual(charts, {"Fairness Open Cases by Stage"})
		self.assertFalse(MONITORING_REPORTS & links)
		self.assertIn("Fairness Complaint", links)

	def test_the_monitoring_officer_sees_the_reports_and_no_count_of_cases(self):
		# req: X-2
		cards, charts, links = workspace_as(self.users.monitoring_officer)
		self.assertEqual((cards, charts), (set(), set()))
		self.assertLessEqual(MONITORING_REPORTS, links)
		self.assertNotIn("Fairness Complaint", links)
		for figure in (dashboard.deadlines_due_soon, dashboard.missed_deadlines, dashboard.open_cases_by_stage):
			with self.subTest(figure=figure.__name__):
				self.assertRaises(frappe.PermissionError, figure)
