"""Frappe wiring only: what runs when. The rules themselves live in procedure/ and the plugins."""

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

# Need to know: see permissions.py.
permission_query_conditions = {
	"Fairness Complaint": "fairness_app.permissions.complaint_query_conditions",
	"Fairness Party": "fairness_app.permissions.party_query_conditions",
}
has_permission = {
	"Fairness Complaint": "fairness_app.permissions.complaint_has_permission",
	"Fairness Party": "fairness_app.permissions.party_has_permission",
}

doc_events = {
	"DocShare": {"validate": "fairness_app.permissions.refuse_sharing"},
}
