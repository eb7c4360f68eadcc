"""Retention on a real site (issue 6): a closed case keeps the date its council's rule gives it, and the daily purge
then deletes its records for good, everywhere Frappe keeps them, unless they are held; the monitoring figures and a
deletion log that names no one are all that remain (SOM-13, DER-23, X-3)."""

import json
import os

import frappe
from frappe.tests.utils import FrappeTestCase

from fairness_app import roles
from fairness_app.fairness_app.doctype.fairness_complaint.test_fairness_complaint import ComplaintTestCase
from fairness_app.reports.periods import financial_year_of
from fairness_app.services import equality
from fairness_app.services.monitoring import FACT, case_key
from fairness_app.services.monitoring_reports import committee_report, timeliness_report
from fairness_app.services.retention import DELETION_LOG, purge_expired, was_deleted
from fairness_app.tests.fixtures import (
	assign,
	attach_evidence,
	make_party,
	make_user,
	move,
	new_complaint,
	new_incident,
	run_in_workers,
)
from fairness_app.tests.test_plugin_registry import save_settings

YESTERDAY = frappe.utils.add_days(frappe.utils.today(), -1)
TEXT_COLUMNS = ("char", "varchar", "text", "tinytext", "mediumtext", "longtext", "json")


class TestRetentionDate(ComplaintTestCase):
	def test_closing_a_case_gives_it_the_date_and_rule_of_its_councils_policy(self):
		# req: DER-23
		save_settings(plugins=["derby"])
		case = self.record([(self.complainant, "Complainant"), (self.subject_colleague, "Subject")])
		self.assertIsNone(case.retain_until)
		case = move(case, "Withdraw", self.officer, reason="The complainant asked to withdraw it.")
		self.assertEqual(case.retain_until, frappe.utils.getdate(frappe.utils.add_years(frappe.utils.today(), 6)))
		self.assertIn("DER-23", case.retention_rule)
		decision = case.plugin_decisions[-1]
		self.assertEqual((decision.decision, decision.decided_by), ("retention", "derby"))

	def test_a_legal_hold_needs_a_reason(self):
		# req: X-3
		case = self.record([(self.complainant, "Complainant"), (self.subject_colleague, "Subject")]).reload()
		case.legal_hold = 1
		with self.assertRaisesRegex(frappe.ValidationError, "Say why the records are held"):
			case.save()
		case.reload()
		case.update({"legal_hold": 1, "legal_hold_reason": "An employment tribunal claim has been lodged."})
		case.save()
		self.assertTrue(case.reload().legal_hold)


class PurgeTestCase(FrappeTestCase):
	"""The purge commits batch by batch, as the scheduler runs it, so each test commits what it sets up."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		save_settings()
		cls.officer = make_user("retention_officer", roles.CASE_OFFICER)
		cls.investigator = make_user("retention_investigator", roles.INVESTIGATOR)

	def tearDown(self):
		frappe.set_user("Administrator")

	def expired_complaint(self, *parties, **fields):
		"""A committed complaint by a new person, whose records were kept until yesterday, with everything Frappe
		keeps beside a case: history, a file, a comment, an email, an assignment and its notification, and the
		complainant's equality details. Returns the case and the words only its records hold."""
		token = f"Zephyrine {frappe.generate_hash(length=10)}"
		complainant = make_party(f"{token} Complainant")
		frappe.set_user(self.officer)
		case = new_complaint(
			[(complainant, "Complainant"), *((party, "Witness") for party in parties)], service_area=token, **fields
		).insert()
		case.append("team", {"user": self.investigator, "team_role": "Investigator"})
		case.save(ignore_version=False)
		attach_evidence(case, "meeting-notes.pdf")
		attach_evidence(complainant, "contact-details.pdf")
		case.add_comment("Comment", f"Phoned {token} about support.")
		complainant.add_comment("Comment", f"{token} prefers letters.")
		frappe.set_user("Administrator")
		self.email(case, token)
		assign(case, self.investigator)
		equality.record_equality_details(case.doctype, case.name, {"sex": "Female", "ethnic_group": "White: British"})
		frappe.db.set_value(case.doctype, case.name, "retain_until", YESTERDAY, update_modified=False)
		frappe.db.commit()
		return case.reload(), token

	def email(self, case, token):
		frappe.get_doc(
			{
				"doctype": "Communication",
				"communication_type": "Communication",
				"communication_medium": "Email",
				"sent_or_received": "Sent",
				"subject": f"Your complaint, {token}",
				"content": f"Dear {token}, we have received your complaint.",
				"recipients": "complainant@example.org",
				"reference_doctype": case.doctype,
				"reference_name": case.name,
			}
		).insert(ignore_permissions=True)

	def logs(self) -> set[str]:
		return set(frappe.get_all(DELETION_LOG, pluck="name"))


class TestPurge(PurgeTestCase):
	def test_an_expired_case_is_deleted_everywhere_and_the_figures_stay(self):
		# req: X-3, SOM-13, DER-23
		case, token = self.expired_complaint()
		files = frappe.get_all(
			"File", filters={"attached_to_name": ("in", [case.name, case.parties[0].party])}, fields=["name", "file_url"]
		)
		on_disk = [frappe.get_doc("File", file.name).get_full_path() for file in files]
		self.assertEqual(len(on_disk), 2)
		words = (token, case.name, case.parties[0].party)
		self.assertTrue(
			{"tabFairness Complaint", "tabFairness Party", "tabComment", "tabCommunication", "tabVersion", "tabFile"}
			<= set(self.tables_holding(*words))
		)
		fact = frappe.get_doc(FACT, case_key(case.doctype, case.name)).as_dict()
		figures = self.figures()
		logs = self.logs()

		result = purge_expired()

		self.assertGreaterEqual(result.cases, 1)
		self.assertEqual(self.tables_holding(*words), [])
		self.assertFalse([path for path in on_disk if os.path.exists(path)])
		self.assertEqual(frappe.get_doc(FACT, case_key(case.doctype, case.name)).as_dict(), fact)
		self.assertEqual(self.figures(), figures)
		(log,) = self.logs() - logs
		self.assertEqual(was_deleted(case.doctype, case.name), log)
		written = frappe.get_doc(DELETION_LOG, log)
		self.assertIn("Fairness Complaint: 1", written.what_was_deleted)
		self.assertIn("Fairness Party: 1", written.what_was_deleted)
		self.assertNotIn(token, json.dumps(written.as_dict(), default=str))

	def test_a_second_purge_finds_nothing_to_do(self):
		# req: X-3
		self.expired_complaint()
		purge_expired()
		logs = self.logs()
		self.assertEqual(purge_expired().cases, 0)
		self.assertEqual(self.logs(), logs)

	def test_a_case_on_legal_hold_is_kept(self):
		# req: X-3
		case, token = self.expired_complaint(
			legal_hold=1, legal_hold_reason="An employment tribunal claim has been lodged."
		)
		purge_expired()
		self.assertTrue(frappe.db.exists(case.doctype, case.name))
		self.assertTrue(frappe.db.exists("Comment", {"reference_name": case.name}))
		self.assertIsNone(was_deleted(case.doctype, case.name))

	def test_a_person_in_another_live_case_is_kept_with_their_records(self):
		# req: X-3
		witness = make_party(f"Witness {frappe.generate_hash(length=8)}")
		attach_evidence(witness, "statement.pdf")
		frappe.set_user(self.officer)
		live = new_complaint([(witness, "Complainant")]).insert()
		frappe.set_user("Administrator")
		expired, _token = self.expired_complaint(witness)

		purge_expired()

		self.assertFalse(frappe.db.exists(expired.doctype, expired.name))
		self.assertTrue(frappe.db.exists("Fairness Party", witness.name))
		self.assertTrue(frappe.db.exists("File", {"attached_to_name": witness.name}))
		self.assertEqual(frappe.get_doc(live.doctype, live.name).parties[0].party, witness.name)

	def test_two_purges_at_once_delete_a_case_once(self):
		# req: X-3
		case, _token = self.expired_complaint()
		errors = run_in_workers(purge_expired, 2)
		self.assertEqual(errors, [])
		frappe.db.rollback()  # read what the workers committed
		self.assertFalse(frappe.db.exists(case.doctype, case.name))
		self.assertEqual(
			frappe.db.count("Fairness Deleted Case", {"case_key": case_key(case.doctype, case.name)}), 1
		)

	def figures(self):
		year = {"financial_year": financial_year_of(frappe.utils.getdate())}
		return [report(year) for report in (committee_report, timeliness_report)]

	def tables_holding(self, *words) -> list[str]:
		"""Every table in the site's database with a text column holding any of these words."""
		columns = frappe.db.sql(
			"select table_name, column_name from information_schema.columns "
			"where table_schema = database() and data_type in %s",
			(TEXT_COLUMNS,),
		)
		by_table = {}
		for table, column in columns:
			by_table.setdefault(table, []).append(column)
		holding = []
		for table, names in by_table.items():
			condition = " or ".join(f"`{name}` like %(word{index})s" for name in names for index in range(len(words)))
			values = {f"word{index}": f"%{word}%" for index, word in enumerate(words)}
			if frappe.db.sql(f"select 1 from `{table}` where {condition} limit 1", values):
				holding.append(table)
		return holding


class TestDeletionLogAccess(PurgeTestCase):
	def test_only_the_councils_administrators_read_the_deletion_log(self):
		# req: X-3
		reader = make_user("retention_admin", roles.ADMINISTRATOR)
		self.assertTrue(frappe.has_permission(DELETION_LOG, "read", user=reader))
		for role in (roles.CASE_OFFICER, roles.MONITORING_OFFICER, roles.LINE_MANAGER, roles.INVESTIGATOR):
			user = make_user(f"retention_{frappe.scrub(role)}", role)
			self.assertFalse(frappe.has_permission(DELETION_LOG, "read", user=user), role)
			frappe.set_user(user)
			with self.assertRaises(frappe.PermissionError):
				frappe.get_list(DELETION_LOG)
			frappe.set_user("Administrator")
		for ptype in ("create", "write", "delete"):
			self.assertFalse(frappe.has_permission(DELETION_LOG, ptype, user=reader), ptype)


class TestWarningMarkersHoldIncidents(PurgeTestCase):
	def test_an_incident_stays_while_a_warning_marker_from_it_is_in_force(self):
		# req: CUM-6, X-3
		visitor = make_party(f"Visitor {frappe.generate_hash(length=8)}", party_type="Member of the public")
		frappe.set_user(self.officer)
		incident = new_incident([(visitor, "Subject")]).insert()
		frappe.set_user("Administrator")
		marker = frappe.get_doc(
			{
				"doctype": "Fairness Warning Marker",
				"party": visitor.name,
				"incident": incident.name,
				"risk": "Threatened reception staff.",
				"restriction": "Appointments only",
				"approver": make_user("retention_director", roles.LINE_MANAGER),
				"review_on": frappe.utils.add_months(frappe.utils.today(), 3),
				"expires_on": frappe.utils.add_months(frappe.utils.today(), 6),
			}
		).insert(ignore_permissions=True)
		frappe.db.set_value(incident.doctype, incident.name, "retain_until", YESTERDAY, update_modified=False)
		frappe.db.commit()

		purge_expired()
		self.assertTrue(frappe.db.exists(incident.doctype, incident.name))

		frappe.db.set_value(marker.doctype, marker.name, "expires_on", YESTERDAY, update_modified=False)
		frappe.db.commit()
		purge_expired()
		self.assertFalse(frappe.db.exists(incident.doctype, incident.name))
		self.assertFalse(frappe.db.exists(marker.doctype, marker.name))
		self.assertFalse(frappe.db.exists("Fairness Party", visitor.name))
