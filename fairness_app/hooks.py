"""Frappe wiring only: what runs when. The rules themselves live in procedure/ and the plugins."""

from fairness_app.permissions import CONFIDENTIAL_DOCTYPES, PROTECTED_TABLE_DOCTYPES, TRAILING_RECORDS

app_name = "fairness_app"
app_title = "Fairness App"
app_publisher = "fairness_app contributors"
app_description = (
	"Record, handle and learn from bullying, harassment and discrimination complaints "
	"and third-party abuse incidents in UK councils"
)
app_email = "fairness-app@example.org"
app_license = "MIT"

# The Frappe range the app supports is declared in pyproject.toml ([tool.bench.frappe-dependencies]);
# frappe itself is not listed in required_apps, which is for other apps and makes install look them up remotely.

# Roles must exist before the doctypes that grant them permissions are synced.
before_install = "fairness_app.setup.install.before_install"
after_install = "fairness_app.setup.install.after_install"
after_migrate = "fairness_app.setup.install.after_migrate"

# Moving a case to another stage asks for a reason where the workflow requires one (services/transitions.py); the
# case's deadlines say what happens next and can be extended (services/deadlines.py).
doctype_js = dict.fromkeys(
	("Fairness Complaint", "Fairness Incident"), ["public/js/case_stage.js", "public/js/case_deadlines.js"]
)

# Need to know: see permissions.py. A confidential record's table rows, and Frappe's records about it (history,
# comments, files, logs), follow the record.
permission_query_conditions = {
	**dict.fromkeys(CONFIDENTIAL_DOCTYPES, "fairness_app.permissions.confidential_query_conditions"),
	**dict.fromkeys(PROTECTED_TABLE_DOCTYPES, "fairness_app.permissions.table_row_query_conditions"),
	**dict.fromkeys(TRAILING_RECORDS, "fairness_app.permissions.trailing_query_conditions"),
}
has_permission = {
	**dict.fromkeys(CONFIDENTIAL_DOCTYPES, "fairness_app.permissions.confidential_has_permission"),
	**dict.fromkeys(TRAILING_RECORDS, "fairness_app.permissions.trailing_has_permission"),
}
# Frappe applies every hook for a doctype, most recent first, until one decides.
has_permission["File"] = ["fairness_app.permissions.trailing_has_permission", "fairness_app.safeguards.file_has_permission"]

# New files are checked, and private downloads (which skip has_permission hooks) ask ours: see safeguards.py.
override_doctype_class = {"File": "fairness_app.safeguards.CaseAwareFile"}

# Frappe endpoints that would answer about a case without asking permissions.py: see safeguards.py.
override_whitelisted_methods = {
	"frappe.client.get_count": "fairness_app.safeguards.get_count",
	"frappe.client.validate_link": "fairness_app.safeguards.validate_link",
	"frappe.desk.listview.get_group_by_count": "fairness_app.safeguards.get_group_by_count",
	"frappe.desk.notifications.get_open_count": "fairness_app.safeguards.get_open_count",
	"frappe.desk.search.search_link": "fairness_app.safeguards.search_link",
	"frappe.desk.search.search_widget": "fairness_app.safeguards.search_widget",
}

doc_events = {
	"DocShare": {"validate": "fairness_app.permissions.refuse_sharing"},
	"Error Log": {"before_insert": "fairness_app.safeguards.drop_local_variables"},
	**{
		doctype: {"before_validate": "fairness_app.safeguards.refuse_blind_rest_update"}
		for doctype in CONFIDENTIAL_DOCTYPES
	},
}

# Deadlines: the sweep looks every quarter of an hour, so that hour clocks (KEN-4) are chased on time, and does only
# what has fallen due since: see services/sweep.py.
scheduler_events = {
	"cron": {
		"*/15 * * * *": ["fairness_app.services.sweep.schedule_sweep"],
		"*/5 * * * *": ["fairness_app.services.outbox.schedule_delivery"],
	},
	# Retention: each day, the records of cases past their date and not on legal hold are deleted for good, and the
	# monitoring figures kept: see services/retention.py.
	"daily": ["fairness_app.services.retention.schedule_purge"],
}

# The letters' print formats ask for their facts (names, dates, deadlines) with fairness_letter(doc, "outcome"):
# see services/letters.py.
jinja = {
	"methods": [
		"fairness_app.services.letters.fairness_letter",
		"fairness_app.services.letters.fairness_warning_letter",
		"fairness_app.services.case_summary.fairness_case_summary",
	]
}
