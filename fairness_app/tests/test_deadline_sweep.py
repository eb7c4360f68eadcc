"""The deadline sweep on a real site: a deadline is chased on its day and escalated once when missed, on the
council's calendar, however often and however many workers sweep, and a sweep that fails on a case leaves it for the
next one. Plugins decide who is told: the case's own team, a central team that never joins the case, or a new
handler."""

import dataclasses
from datetime import date, datetime
from unittest.mock import patch

import frappe
from frappe.utils import getdate

from fairness_app import roles
from fairness_app.fairness_app.doctype.fairness_complaint.test_fairness_complaint import ComplaintTestCase
from fairness_app.reports.facts import MISSED
from fairness_app.services.clocks import read_clocks, write_clocks
from fairness_app.services.monitoring import FACT, case_key
from fairness_app.services.plugin_registry import get_plugins
from fairness_app.services.sweep import ALERT, sweep_clocks, tell
from fairness_app.testing import installed_plugin
from fairness_app.tests.fixtures import make_user, run_in_workers
from fairness_app.tests.test_plugin_registry import save_settings

PLUGINS = "fairness_app.tests.council_plugin_for_tests"

# Received on Tuesday 23 December 2025: five working days in England skip Christmas Day, Boxing Day and New
# Year's Day, so the built-in acknowledgement is due on Friday 2 January 2026.
RECEIVED = "2025-12-23"
DUE = date(2026, 1, 2)


def at(day: date, hour: int = 9) -> datetime:
	return datetime.combine(day, datetime.min.time()).replace(hour=hour)


class SweepTestCase(ComplaintTestCase):
	def setUp(self):
		self.case = self.record([(self.complainant, "Complainant"), (self.subject_colleague, "Subject")], received_on=RECEIVED)
		frappe.db.commit()  # the sweep commits case by case, and other workers read what is committed

	def alerts(self):
		return frappe.get_all(
			ALERT,
			filters={"reference_name": self.case.name},
			fields=["rule_key", "status", "due_on", "action", "decided_by", "told", "delivered_at"],
			order_by="creation",
		)

	def notifications(self):
		return frappe.get_all(
			"Notification Log", filters={"document_name": self.case.name}, fields=["for_user", "subject"]
		)

	def acknowledgement(self):
		self.case.reload()
		return next(row for row in self.case.clocks if row.rule_key == "acknowledgement")

	def enable(self, plugin: str):
		self.enterContext(installed_plugin(plugin.lower(), f"{PLUGINS}:{plugin}"))
		save_settings([plugin.lower()])


class TestChasingDeadlines(SweepTestCase):
	def test_the_sweep_looks_at_a_deadline_on_its_day_on_the_councils_calendar(self):
		# req: X-1
		row = self.acknowledgement()
		self.assertEqual((getdate(row.due_on), getdate(row.next_alert_on)), (DUE, DUE))

	def test_a_deadline_is_chased_on_its_day_then_escalated_once_when_missed(self):
		# req: X-1, DER-9
		sweep_clocks(at(date(2026, 1, 1)))  # New Year's Day: nothing is due yet
		self.assertEqual(self.alerts(), [])

		for hour in (9, 16):
			sweep_clocks(at(DUE, hour))
		(due,) = self.alerts()
		self.assertEqual((due.status, getdate(due.due_on), due.action, due.decided_by), ("Due", DUE, "remind", "builtin"))
		# The built-in reminder goes to the case officers on the case's own team.
		self.assertEqual(set(due.told.split()), {self.officer, self.manager})

		for _sweep in range(3):
			sweep_clocks(at(date(2026, 1, 5)))
		self.assertEqual([alert.status for alert in self.alerts()], ["Due", "Missed"])
		notified = sorted((note.for_user, "has passed" in note.subject) for note in self.notifications())
		self.assertEqual(notified, sorted([(self.officer, False), (self.manager, False), (self.officer, True), (self.manager, True)]))
		row = self.acknowledgement()
		self.assertEqual((row.status, row.alerted, row.next_alert_on), ("Missed", "Missed", None))
		timeline = frappe.get_all(
			"Comment", filters={"reference_name": self.case.name, "comment_type": "Info"}, pluck="content"
		)
		self.assertTrue(any("has passed" in note and "Told:" in note for note in timeline), timeline)

	def test_a_missed_deadline_shows_in_the_monitoring_figures(self):
		# req: X-2, DER-9
		sweep_clocks(at(date(2026, 1, 5)))
		fact = frappe.get_doc(FACT, case_key(self.case.doctype, self.case.name))
		results = {row.rule_key: row.result for row in fact.clocks}
		self.assertEqual(results["acknowledgement"], MISSED)

	def test_two_workers_sweeping_at_once_escalate_each_deadline_once(self):
		errors = run_in_workers(lambda: sweep_clocks(at(date(2026, 1, 5))), 2)
		self.assertEqual(errors, [])
		frappe.db.rollback()  # read what the workers committed
		self.assertEqual([alert.status for alert in self.alerts()], ["Missed"])
		self.assertEqual(len(self.notifications()), 2)  # the officer and the manager, once each

	def test_a_sweep_that_fails_on_a_case_leaves_it_whole_for_the_next_sweep(self):
		with patch("fairness_app.services.sweep.alert_fields", side_effect=ValueError("a bug")):
			failed = sweep_clocks(at(date(2026, 1, 5)))
		self.assertGreaterEqual(failed.failed_cases, 1)
		self.assertEqual((self.alerts(), self.notifications(), self.acknowledgement().alerted), ([], [], None))
		self.assertTrue(frappe.db.exists("Error Log", {"reference_name": self.case.name}))

		sweep_clocks(at(date(2026, 1, 5)))
		self.assertEqual([alert.status for alert in self.alerts()], ["Missed"])
		self.assertEqual(len(self.notifications()), 2)

	def test_people_are_told_once_even_when_telling_them_fails_at_first(self):
		with patch("fairness_app.services.notices._notify", side_effect=ConnectionError("Redis is down")):
			raised = sweep_clocks(at(date(2026, 1, 5))).alerts
		(missed,) = self.alerts()  # the alert stands, with nobody told yet
		self.assertEqual((missed.status, missed.delivered_at, self.notifications()), ("Missed", None, []))

		ours = [name for name in raised if name.startswith(self.case.name)]
		for _try in range(2):
			tell(ours)
		(missed,) = self.alerts()
		self.assertTrue(missed.delivered_at)
		self.assertEqual(len(self.notifications()), 2)

	def test_an_extended_deadline_is_chased_again_at_its_new_date(self):
		# req: DER-3
		sweep_clocks(at(date(2026, 1, 5)))
		plugins, extended_at = get_plugins(), at(date(2026, 1, 5), 11)
		clocks = [
			clock.extend(date(2026, 1, 9), "The manager is off sick", self.manager, extended_at, plugins.calendar)
			for clock in read_clocks(self.case)
		]
		write_clocks(self.case, clocks, plugins.calendar, extended_at)
		self.case.save()
		self.assertEqual(getdate(self.acknowledgement().next_alert_on), date(2026, 1, 9))

		sweep_clocks(at(date(2026, 1, 9)))
		self.assertEqual([(alert.status, getdate(alert.due_on)) for alert in self.alerts()], [("Missed", DUE), ("Due", date(2026, 1, 9))])

	def test_a_partys_time_to_act_closes_without_anyone_being_escalated_or_counted_late(self):
		# req: FHB-12, DER-16, X-1
		plugins = get_plugins()
		(clock,) = read_clocks(self.case)
		window = dataclasses.replace(clock.rule, label="Time to appeal", party_window=True)
		write_clocks(self.case, [dataclasses.replace(clock, rule=window)], plugins.calendar, clock.started_at)
		self.case.save()
		frappe.db.commit()

		for day in (DUE, date(2026, 1, 5), date(2026, 1, 6)):
			sweep_clocks(at(day))
		alerts = [(alert.status, alert.action) for alert in self.alerts()]
		self.assertEqual(alerts, [("Due", "remind"), ("Closed", "remind")])
		row = self.acknowledgement()
		self.assertEqual((row.status, row.alerted, row.next_alert_on), ("Closed", "Closed", None))
		ended = [note.for_user for note in self.notifications() if "'Time to appeal' has ended" in note.subject]
		self.assertEqual(sorted(ended), sorted([self.officer, self.manager]))  # the case officers on its team
		fact = frappe.get_doc(FACT, case_key(self.case.doctype, self.case.name))
		self.assertEqual([row.rule_key for row in fact.clocks], [])  # not one of the council's deadlines

	def test_the_sweep_record_is_read_by_the_case_team_only(self):
		# req: X-2
		sweep_clocks(at(date(2026, 1, 5)))
		for user, expected in ((self.officer, 1), (self.manager, 1), (self.other_manager, 0), (self.director, 0)):
			with self.subTest(user=user):
				frappe.set_user(user)
				self.assertEqual(len(frappe.get_list(ALERT, filters={"reference_name": self.case.name})), expected)
				frappe.set_user("Administrator")


class TestPluginEscalations(SweepTestCase):
	def test_a_central_team_is_told_without_joining_the_case(self):
		# req: SOM-10, X-2
		lead = make_user("equalities_lead")
		if not frappe.db.exists("Fairness Team", "central_equalities"):
			frappe.get_doc(
				{
					"doctype": "Fairness Team",
					"team_key": "central_equalities",
					"team_name": "Central equalities team",
					"email": "equalities@fairness-test.example.org",
					"members": [{"user": lead}],
				}
			).insert()
		self.enable("Chaseshire")
		sweep_clocks(at(date(2026, 1, 5)))

		(missed,) = self.alerts()
		self.assertEqual((missed.action, missed.decided_by), ("notify_team", "chaseshire"))
		self.assertEqual(missed.told.split(), [lead])  # and the team mailbox, once the site can send email
		timeline = frappe.get_all("Comment", filters={"reference_name": self.case.name}, pluck="content")
		self.assertTrue(any("Not emailed" in note and "equalities@" in note for note in timeline), timeline)
		self.case.reload()
		self.assertNotIn(lead, [row.user for row in self.case.team])
		self.assertFalse(frappe.has_permission(self.case.doctype, doc=self.case.name, user=lead))

	def test_a_plugin_hands_a_case_to_another_manager_when_a_deadline_falls_due(self):
		self.enable("Handovershire")
		sweep_clocks(at(DUE))
		self.case.reload()
		handlers = [row.user for row in self.case.team if row.team_role == "Handles the case"]
		self.assertEqual(handlers, [self.other_manager])
		(due,) = self.alerts()
		self.assertEqual(due.told, self.other_manager)

	def test_a_handover_the_case_refuses_leaves_the_case_as_it_was_and_says_why(self):
		# req: X-2: the complainant can never handle their own complaint.
		self.enable("Partyshire")
		sweep_clocks(at(DUE))
		self.case.reload()
		handlers = [row.user for row in self.case.team if row.team_role == "Handles the case"]
		self.assertEqual(handlers, [self.manager])
		# The case officers on the team are told instead.
		(due,) = self.alerts()
		self.assertEqual(set(due.told.split()), {self.officer, self.manager})
		timeline = frappe.get_all("Comment", filters={"reference_name": self.case.name}, pluck="content")
		self.assertTrue(any("could not be handed to" in note for note in timeline), timeline)


class TestFairnessTeam(SweepTestCase):
	def test_a_team_needs_a_key_plugins_can_write_and_someone_to_tell(self):
		for fields, message in (
			({"team_key": "Central Equalities", "email": "e@example.org"}, "lower-case letters"),
			({"team_key": "nobody_here"}, "Add at least one member"),
		):
			with self.subTest(fields=fields), self.assertRaisesRegex(frappe.ValidationError, message):
				frappe.get_doc({"doctype": "Fairness Team", "team_name": "A team", **fields}).insert()

	def test_only_administrators_manage_central_teams(self):
		frappe.set_user(self.officer)
		self.assertFalse(frappe.has_permission("Fairness Team", "create"))
		frappe.set_user("Administrator")
		self.assertTrue(frappe.has_permission("Fairness Team", "create", user=make_user("team_admin", roles.ADMINISTRATOR)))
