"""Notices on a real site: what council plugins ask to be told when a case is received, moves stage, is closed or
misses a deadline is written with the change, delivered once in the background, and never lost. A member of the
public with no login is emailed; a council's webhook is posted to with short timeouts and retries, and its secret
address appears in no log."""

import json
import threading
from contextlib import contextmanager
from datetime import date, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import frappe

from fairness_app.fairness_app.doctype.fairness_complaint.test_fairness_complaint import ComplaintTestCase
from fairness_app.procedure.snapshots import CLOCK_MISSED
from fairness_app.services import outbox
from fairness_app.services.plugin_registry import get_plugins
from fairness_app.services.snapshots import case_snapshot
from fairness_app.services.sweep import sweep_clocks
from fairness_app.testing import installed_plugin
from fairness_app.tests.fixtures import make_party, make_user, move
from fairness_app.tests.test_deadline_sweep import PLUGINS, RECEIVED, at
from fairness_app.tests.test_plugin_registry import save_settings
from fairness_app.workflows.install import STATE_FIELD

SECRET = "s3cr3t-T0KEN"


class NoticeTestCase(ComplaintTestCase):
	def setUp(self):
		self.enterContext(installed_plugin("newsshire", f"{PLUGINS}:Newsshire"))
		save_settings(["newsshire"])

	def notices(self, case=None, **filters):
		filters = {"reference_name": (case or self.case).name, **filters}
		fields = ["name", "event", "plugin", "channel", "subject", "status", "attempts", "next_attempt_at", "told", "last_error"]
		return frappe.get_all(outbox.NOTICE, filters=filters, fields=fields, order_by="creation, subject")

	def deliver(self, case=None):
		outbox.deliver([notice.name for notice in self.notices(case)])

	def bell(self, user, case=None):
		filters = {"for_user": user, "document_name": (case or self.case).name}
		return frappe.get_all("Notification Log", filters=filters, pluck="subject", order_by="creation")

	def timeline(self, case=None):
		filters = {"reference_name": (case or self.case).name, "comment_type": "Info"}
		return frappe.get_all("Comment", filters=filters, pluck="content")

	def move(self, action, as_user, reason=None):
		self.case = move(self.case, action, as_user, reason)


class TestKeepingPeopleInformed(NoticeTestCase):
	def setUp(self):
		super().setUp()
		self.case = self.record([(self.complainant, "Complainant"), (self.subject_colleague, "Subject")])

	def test_a_new_case_is_announced_once_the_plugins_notices_are_delivered(self):
		# req: SOM-14, CUM-9, X-5
		queued = self.notices()
		self.assertEqual([(n.event, n.plugin, n.status) for n in queued], [("received: Received", "newsshire", "Queued")] * 2)
		self.assertEqual(self.bell(self.employee), [])  # told only once the change has committed, in the background

		self.deliver()
		self.deliver()  # a second delivery (a retried job, the scheduled one) finds them sent
		self.assertEqual(self.bell(self.employee), [f"Your complaint {self.case.reference}"])
		self.assertEqual(self.bell(self.officer), [f"New case {self.case.reference}"])
		self.assertEqual({(n.status, n.next_attempt_at) for n in self.notices()}, {("Sent", None)})
		self.assertTrue(any("We have your complaint." in note and "Told:" in note for note in self.timeline()))

	def test_the_complainant_hears_of_every_move_and_of_the_close(self):
		# req: SOM-14, CUM-9
		self.move("Acknowledge formal complaint", self.officer)
		self.move("Withdraw", self.officer, reason="The complainant asked to withdraw it.")
		events = [n.event for n in self.notices() if not n.event.startswith("received")]
		self.assertEqual(events, ["stage_changed: Acknowledged", "stage_changed: Withdrawn", "closed: Withdrawn"])
		self.deliver()
		self.assertEqual(
			frappe.get_all(
				"Notification Log",
				filters={"for_user": self.employee, "document_name": self.case.name},
				pluck="email_content",
				order_by="creation",
			),
			[
				"We have your complaint.",
				"Your complaint is now at: Acknowledged.",
				"Your complaint is now at: Withdrawn.",
				"Your complaint is closed.",
			],
		)

	def test_a_meeting_recorded_as_held_is_announced_once(self):
		# req: SOM-14, FHB-8
		an_hour_ago = frappe.utils.add_to_date(frappe.utils.now_datetime(), hours=-1)
		meeting = {"meeting_type": "Formal complaint meeting", "party": self.complainant.name, "scheduled_for": an_hour_ago}
		self.case.append("meetings", meeting)
		self.case.save()
		self.case.meetings[0].outcome = "Held"
		self.case.save()
		self.case.save()
		held = [n.event for n in self.notices() if not n.event.startswith("received")]
		self.assertEqual(held, ["formal_complaint_meeting_held: Received"])
		self.deliver()
		self.assertIn(f"Your complaint {self.case.reference}", self.bell(self.employee))

	def test_a_save_that_holds_a_meeting_and_moves_the_case_announces_both_in_order(self):
		# req: SOM-14, FHB-8
		an_hour_ago = frappe.utils.add_to_date(frappe.utils.now_datetime(), hours=-1)
		meeting = {"meeting_type": "Formal complaint meeting", "party": self.complainant.name, "outcome": "Held"}
		self.case.append("meetings", {**meeting, "scheduled_for": an_hour_ago})
		self.case.set(STATE_FIELD, "Acknowledged")
		frappe.set_user(self.officer)
		try:
			self.case.save()
		finally:
			frappe.set_user("Administrator")
		events = [n.event for n in self.notices() if not n.event.startswith("received")]
		# The meeting came first, in the stage the case was in then.
		self.assertEqual(events, ["formal_complaint_meeting_held: Received", "stage_changed: Acknowledged"])

	def test_a_move_that_is_refused_tells_nobody(self):
		with self.assertRaisesRegex(frappe.ValidationError, "Say why"):
			self.move("Withdraw", self.officer)
		self.assertEqual([n.event for n in self.notices()], ["received: Received"] * 2)

	def test_a_missed_deadline_is_announced_once_by_the_sweep(self):
		# req: DER-3, X-5
		case = self.record([(self.complainant, "Complainant"), (self.subject_colleague, "Subject")], received_on=RECEIVED)
		frappe.db.commit()  # the sweep commits case by case
		for _sweep in range(2):
			sweep_clocks(at(date(2026, 1, 5)))
		missed = [n for n in self.notices(case) if n.event.startswith("clock_missed")]
		event = "clock_missed: Received (clock acknowledgement)"
		self.assertEqual([(n.event, n.channel) for n in missed], [(event, "Webhook"), (event, "Email")])

	def test_cases_brought_in_by_a_data_import_tell_nobody(self):
		frappe.flags.in_import = True
		try:
			imported = self.record([(self.complainant, "Complainant")], complaint_type="Complaint")  # imports fill every column
		finally:
			frappe.flags.in_import = False
		self.assertEqual(self.notices(imported), [])

	def test_notices_are_read_by_the_case_team_only(self):
		# req: X-2
		names = [notice.name for notice in self.notices()]
		for user, readable in ((self.officer, True), (self.manager, True), (self.employee, False), (self.other_manager, False), (self.director, False)):
			with self.subTest(user=user):
				self.assertEqual({frappe.has_permission(outbox.NOTICE, doc=name, user=user) for name in names}, {readable})
		frappe.set_user(self.other_manager)  # a line manager may list notices, but sees none of another team's
		self.assertEqual(frappe.get_list(outbox.NOTICE, filters={"reference_name": self.case.name}), [])


class TestPeopleWithoutALogin(NoticeTestCase):
	def test_a_member_of_the_public_is_emailed_at_their_address_without_a_link_they_cannot_open(self):
		# req: SOM-14
		public = make_party("Pat Public", "Member of the public")
		public.db_set("email", "pat.public@fairness-test.example.org")
		self.case = self.record([(public, "Complainant"), (self.subject_colleague, "Subject")])
		with outgoing_email():
			self.deliver()
			(email,) = frappe.get_all(
				"Email Queue",
				filters={"reference_name": self.case.name, "message": ("like", "%We have your complaint.%")},
				fields=["name", "message"],
			)
		recipients = frappe.get_all("Email Queue Recipient", filters={"parent": email.name}, pluck="recipient")
		self.assertEqual(recipients, ["pat.public@fairness-test.example.org"])
		self.assertNotIn("Open the case", email.message)


class TestWebhooks(NoticeTestCase):
	def setUp(self):
		super().setUp()
		self.case = self.record([(self.complainant, "Complainant"), (self.subject_colleague, "Subject")])
		self.deliver()  # the new-case notices, out of the way

	def announce_missed_deadline(self):
		plugins = get_plugins()
		case = case_snapshot(self.case, plugins.config.nation)
		missed_at = at(date(2026, 1, 5))
		outbox.clock_event(self.case.doctype, self.case.name, case, CLOCK_MISSED, "acknowledgement", missed_at, plugins)
		return [n for n in self.notices() if n.event.startswith("clock_missed")]

	def test_a_missed_deadline_is_posted_to_the_councils_webhook_and_told_to_the_case_officers(self):
		# req: X-5
		with webhook(200) as (url, received):
			portal_team(url)
			post, notice = self.announce_missed_deadline()
			self.deliver()
			self.deliver()
		self.assertEqual(len(received), 1)  # once, however often delivery runs
		path, body = received[0]
		self.assertEqual(path, f"/hooks/{SECRET}")
		self.assertEqual(body["subject"], f"Case {self.case.reference}: a deadline was missed")
		self.assertIn("The deadline 'acknowledgement' was missed.", body["text"])
		self.assertEqual((post.channel, notice.channel), ("Webhook", "Email"))
		self.assertEqual({n.status for n in self.notices()}, {"Sent"})
		self.assertIn(f"Case {self.case.reference}: a deadline was missed", self.bell(self.officer))
		self.assertTrue(any("Incident portal (webhook)" in note for note in self.timeline()))

	def test_a_webhook_that_is_down_is_tried_again_later_then_given_up_without_leaking_its_address(self):
		# req: X-5
		with webhook(503) as (url, received):
			portal_team(url)
			post, _notice = self.announce_missed_deadline()
			self.deliver()
			(tried,) = self.notices(name=post.name)
			self.assertEqual((tried.status, tried.attempts, tried.last_error), ("Queued", 1, "127.0.0.1 answered 503 Service Unavailable"))
			self.assertAlmostEqual(tried.next_attempt_at, frappe.utils.now_datetime() + timedelta(minutes=5), delta=timedelta(seconds=30))
			self.assertEqual(self.bell(self.officer)[-1], f"Case {self.case.reference}: a deadline was missed")  # told anyway

			for _try in range(4):
				self.deliver()
		self.assertEqual(len(received), 5)
		(given_up,) = self.notices(name=post.name)
		self.assertEqual((given_up.status, given_up.attempts, given_up.next_attempt_at), ("Failed", 5, None))
		self.assertTrue(any("could not be delivered and will not be tried again" in note for note in self.timeline()))
		logged = frappe.get_all("Error Log", filters={"reference_name": post.name}, fields=["error"])
		self.assertTrue(logged)
		self.assertNoSecretAnywhere(post.name)

	def test_a_webhook_that_refuses_the_post_is_given_up_at_once(self):
		with webhook(404) as (url, _received):
			portal_team(url)
			post, _notice = self.announce_missed_deadline()
			self.deliver()
		(refused,) = self.notices(name=post.name)
		self.assertEqual((refused.status, refused.attempts, refused.last_error), ("Failed", 1, "127.0.0.1 answered 404 Not Found"))

	def test_a_webhook_that_cannot_be_reached_is_tried_again_and_its_address_is_not_logged(self):
		with webhook(200) as (url, _received):
			pass  # the server is gone: nothing listens at the address any more
		portal_team(url)
		post, _notice = self.announce_missed_deadline()
		self.deliver()
		(tried,) = self.notices(name=post.name)
		self.assertEqual((tried.status, tried.last_error), ("Queued", "127.0.0.1 could not be reached (ConnectionError)"))
		self.assertNoSecretAnywhere(post.name)

	def test_a_team_without_a_webhook_is_told_the_usual_way(self):
		lead = make_user("portal_lead")
		team = portal_team(None)
		team.append("members", {"user": lead})
		team.save()
		self.announce_missed_deadline()
		self.deliver()
		self.assertEqual(self.bell(lead), [f"Case {self.case.reference}: a deadline was missed"])

	def assertNoSecretAnywhere(self, notice):
		for doctype, fields in (("Error Log", ["error", "method"]), ("Comment", ["content"]), (outbox.NOTICE, ["last_error", "told"])):
			for row in frappe.get_all(doctype, fields=fields, order_by="creation desc", limit=50):
				self.assertNotIn(SECRET, json.dumps(row, default=str), doctype)


class TestWebhookAddress(ComplaintTestCase):
	def test_a_webhook_must_be_https_unless_it_is_on_this_machine(self):
		refused = ("http://teams.example.org/hook", "teams.example.org/hook", "ftp://127.0.0.1/hook")
		for url in refused:
			with self.subTest(url=url), self.assertRaisesRegex(frappe.ValidationError, "starting https://"):
				portal_team(url)
		for url in ("https://council.webhook.office.com/abc", "http://127.0.0.1:8080/relay"):
			with self.subTest(url=url):
				self.assertTrue(portal_team(url).name)

	def test_the_address_is_kept_encrypted_and_never_shown(self):
		team = portal_team(f"https://council.webhook.office.com/{SECRET}")
		self.assertNotIn(SECRET, json.dumps(frappe.get_doc("Fairness Team", team.name).as_dict(), default=str))
		self.assertFalse(frappe.db.exists("Fairness Team", {"webhook_url": ("like", f"%{SECRET}%")}))


def portal_team(url):
	if frappe.db.exists("Fairness Team", "incident_portal"):
		frappe.delete_doc("Fairness Team", "incident_portal")
	return frappe.get_doc(
		{"doctype": "Fairness Team", "team_key": "incident_portal", "team_name": "Incident portal", "webhook_url": url,
		 "email": None if url else "portal@fairness-test.example.org"}
	).insert()


@contextmanager
def webhook(status: int):
	"""A real HTTP server on this machine answering every post with `status`; yields its address (with a secret
	in the path, as Microsoft Teams addresses carry one) and the posts it received."""
	received = []

	class Hook(BaseHTTPRequestHandler):
		def do_POST(self):
			body = self.rfile.read(int(self.headers["Content-Length"]))
			received.append((self.path, json.loads(body)))
			self.send_response(status)
			self.end_headers()

		def log_message(self, *args):
			pass

	server = ThreadingHTTPServer(("127.0.0.1", 0), Hook)
	thread = threading.Thread(target=server.serve_forever, daemon=True)
	thread.start()
	try:
		yield f"http://127.0.0.1:{server.server_port}/hooks/{SECRET}", received
	finally:
		server.shutdown()
		server.server_close()


@contextmanager
def outgoing_email():
	"""An outgoing Email Account for the block (test sites have none): Frappe queues mail, and never sends it in
	tests."""
	account = frappe.get_doc(
		{
			"doctype": "Email Account",
			"email_account_name": "Fairness test outgoing",
			"email_id": "cases@fairness-test.example.org",
			"enable_outgoing": 1,
			"default_outgoing": 1,
			"smtp_server": "127.0.0.1",
			"no_smtp_authentication": 1,
		}
	).insert(ignore_permissions=True)
	try:
		yield
	finally:
		frappe.delete_doc("Email Account", account.name, ignore_permissions=True, force=True)
		frappe.db.commit()  # delivery commits, so the account was committed with it
		if hasattr(frappe.local, "outgoing_email_account"):  # Frappe keeps it for the process: forget it too
			del frappe.local.outgoing_email_account
