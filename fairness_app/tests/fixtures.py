"""Records the Frappe tests share: site users with Fairness roles, and people (Fairness Party)."""

import threading

import frappe
from frappe.model.workflow import apply_workflow
from frappe.tests.utils import FrappeTestCase

DOMAIN = "fairness-test.example.org"


def make_user(name: str, *roles: str) -> str:
	"""A site user `name@fairness-test.example.org` holding exactly these roles."""
	email = f"{name}@{DOMAIN}"
	if not frappe.db.exists("User", email):
		frappe.get_doc(
			{"doctype": "User", "email": email, "first_name": name.replace("_", " ").title(), "send_welcome_email": 0}
		).insert(ignore_permissions=True)
	user = frappe.get_doc("User", email)
	user.set("roles", [{"role": role} for role in roles])
	user.save(ignore_permissions=True)
	return email


def make_party(full_name: str, party_type: str = "Employee", user: str | None = None, line_manager: str | None = None):
	return frappe.get_doc(
		{
			"doctype": "Fairness Party",
			"full_name": full_name,
			"party_type": party_type,
			"user": user,
			"line_manager": line_manager,
		}
	).insert(ignore_permissions=True)


def new_complaint(parties=(), **fields):
	"""An unsaved complaint; `parties` is a list of (Fairness Party, role) pairs."""
	doc = frappe.get_doc({"doctype": "Fairness Complaint", "received_on": frappe.utils.today(), **fields})
	for party, role in parties:
		doc.append("parties", {"party": party.name, "role": role})
	return doc


def new_incident(parties=(), abuse_types=("Verbal abuse",), **fields):
	"""An unsaved third-party incident that happened this morning; `parties` is a list of (Fairness Party, role)."""
	doc = frappe.get_doc(
		{
			"doctype": "Fairness Incident",
			"occurred_at": f"{frappe.utils.today()} 09:30:00",
			"reported_on": frappe.utils.today(),
			"channel": "Face to face",
			"abuse_types": [{"abuse_type": abuse_type} for abuse_type in abuse_types],
			**fields,
		}
	)
	for party, role in parties:
		doc.append("parties", {"party": party.name, "role": role})
	return doc


EVIDENCE = b"%PDF-1.4 notes of what was said in the meeting"


def evidence_for(case) -> bytes:
	return EVIDENCE + f" ({case.name})".encode()


def attach_evidence(record, file_name: str):
	"""A private file on `record`, with content of its own (see evidence_for), attached as the current user."""
	return frappe.get_doc(
		{
			"doctype": "File",
			"file_name": file_name,
			"content": evidence_for(record),
			"is_private": 1,
			"attached_to_doctype": record.doctype,
			"attached_to_name": record.name,
		}
	).insert()


def assign(record, user: str) -> None:
	"""Assign `record` to `user`, as the Administrator (assigning is not what these fixtures test)."""
	from frappe.desk.form import assign_to

	frappe.set_user("Administrator")
	assign_to.add({"doctype": record.doctype, "name": record.name, "assign_to": [user]})


def move(case, action: str, as_user: str, reason: str | None = None):
	"""Take the workflow `action` on `case` as `as_user` would on the form (first giving the reason, if any), and
	return the case as moved."""
	frappe.set_user(as_user)
	try:
		if reason:
			case.reload()
			case.stage_change_reason = reason
			case.save()
		return apply_workflow(case.as_dict(), action)
	finally:
		frappe.set_user("Administrator")


def run_in_workers(work, count: int) -> list[Exception]:
	"""Run `work` in `count` threads started together, each with its own connection to this site, as separate
	workers would run it; returns what they raised. They read only what is committed, so commit first."""
	site, sites_path = frappe.local.site, frappe.local.sites_path
	start, errors = threading.Barrier(count), []

	def worker():
		frappe.init(site=site, sites_path=sites_path)
		frappe.connect()
		try:
			frappe.set_user("Administrator")
			frappe.flags.in_test = True  # work handed to background jobs runs in the worker itself, as in tests
			start.wait()
			work()
		except Exception as exc:
			errors.append(exc)
		finally:
			frappe.destroy()

	workers = [threading.Thread(target=worker) for _worker in range(count)]
	for thread in workers:
		thread.start()
	for thread in workers:
		thread.join()
	return errors


def case_with_every_persona():
	"""A committed staff complaint against a colleague and the complainant's own manager, with one person in each
	position the need-to-know rule distinguishes (X-2, FHB-3, FHB-6, DER-7), and a committed third-party incident
	involving the same people in other parts.

	Each case carries everything Frappe keeps beside a record (see add_trailing_records). Returns the users by
	persona, the complaint, the incident and the complainant."""
	from fairness_app import roles

	users = frappe._dict(
		complainant=make_user("complainant"),
		subject=make_user("subject"),
		witness=make_user("witness"),
		unrelated_staff=make_user("unrelated_staff", roles.INTAKE_OFFICER),
		line_manager=make_user("director_handling", roles.LINE_MANAGER),
		manager_subject=make_user("manager_subject", roles.LINE_MANAGER, roles.CASE_OFFICER),
		case_officer=make_user("case_officer", roles.CASE_OFFICER),
		investigator=make_user("investigator", roles.INVESTIGATOR),
		monitoring_officer=make_user("monitoring_officer", roles.MONITORING_OFFICER),
		administrator=make_user("fairness_admin", roles.ADMINISTRATOR, "System Manager"),
	)
	make_party("Director Handling", user=users.line_manager)
	manager = make_party("Manager Subject", user=users.manager_subject, line_manager=users.line_manager)
	complainant = make_party("Complainant", user=users.complainant, line_manager=users.manager_subject)
	subject = make_party("Subject", user=users.subject, line_manager=users.manager_subject)
	witness = make_party("Witness", user=users.witness, line_manager=users.manager_subject)

	frappe.set_user(users.case_officer)
	case = new_complaint(
		[(complainant, "Complainant"), (subject, "Subject"), (manager, "Subject"), (witness, "Witness")],
		service_area="Waste collection",
	).insert()
	add_trailing_records(case, users)

	# An incident at a reception desk: the complainant is the member of staff abused, by a member of the public.
	# It goes to the complainant's manager, who is handling this one rather than being complained about.
	frappe.set_user(users.case_officer)
	visitor = make_party("Visitor", party_type="Member of the public")
	incident = new_incident([(complainant, "Victim"), (visitor, "Subject"), (witness, "Witness")]).insert()
	add_trailing_records(incident, users)
	frappe.db.commit()  # requests in other threads read the cases through their own connections
	return frappe._dict(users=users, case=case.reload(), incident=incident.reload(), complainant=complainant)


def add_trailing_records(case, users):
	"""Everything Frappe keeps beside a record: an investigator on the team (with a change in the version
	history), a private evidence file, a comment and an assignment.

	Each case's evidence has its own content: Frappe stores identical files once, and a file shared with a case
	someone cannot read is refused to them (safeguards.file_has_permission), so shared content would tie the
	cases of one test run, and of earlier runs, together."""
	frappe.set_user(users.case_officer)
	case.append("team", {"user": users.investigator, "team_role": "Investigator"})
	case.service_area = "Street cleaning"
	case.save(ignore_version=False)  # Frappe keeps no history during tests unless asked
	attach_evidence(case, "meeting-notes.pdf")
	case.add_comment("Comment", "Spoke to the member of staff about support available.")
	assign(case, users.investigator)


def person_with_trailing_records(case, users):
	"""A committed person, recorded by the case officer as a witness in `case` and carrying everything Frappe keeps
	beside a record. Each run records a new person, so the person's name finds this record only."""
	frappe.set_user(users.case_officer)
	party = make_party(f"Witness {frappe.generate_hash(length=8)}", party_type="Member of the public")
	case.reload()
	case.append("parties", {"party": party.name, "role": "Witness"})
	case.save()
	party.employer = "Riverside Housing Association"
	party.save(ignore_version=False)
	attach_evidence(party, "contact-details.pdf")
	party.add_comment("Comment", "Prefers to be contacted by letter.")
	assign(party, users.investigator)
	frappe.db.commit()
	return party.reload()


def warning_marker_with_readers(users, party=None):
	"""A committed, approved warning marker (CUM-6) on a member of the public: raised by the manager handling the
	incident, approved by their director, told to the investigator, and carrying everything Frappe keeps beside a
	record. Each run marks a new person, so the marker's title finds this marker only."""
	frappe.set_user(users.manager_subject)
	party = party or make_party(f"Visitor {frappe.generate_hash(length=8)}", party_type="Member of the public")
	marker = frappe.get_doc(
		{
			"doctype": "Fairness Warning Marker",
			"party": party.name,
			"risk": "Shouted at and threatened reception staff twice this month.",
			"restriction": "Appointments only",
			"review_on": frappe.utils.add_months(frappe.utils.today(), 3),
			"expires_on": frappe.utils.add_months(frappe.utils.today(), 12),
			"approver": users.line_manager,
			"circulation": [{"user": users.investigator, "reason": "Visits the reception desk"}],
		}
	).insert()
	marker.precautions = "See them only by appointment, with a colleague present."
	marker.save(ignore_version=False)
	attach_evidence(marker, "incident-log.pdf")
	marker.add_comment("Comment", "Checked with the director before circulating.")
	frappe.set_user(users.line_manager)
	marker.reload()
	marker.approved = 1
	marker.save()
	assign(marker, users.investigator)
	frappe.db.commit()
	return marker.reload()


class EveryPersonaTestCase(FrappeTestCase):
	"""Tests against the committed case_with_every_persona scenario, on the built-in rules only."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		from fairness_app.tests.test_plugin_registry import save_settings

		save_settings()
		cls.scenario = case_with_every_persona()
		cls.case = cls.scenario.case
		cls.users = cls.scenario.users

	def tearDown(self):
		frappe.set_user("Administrator")
