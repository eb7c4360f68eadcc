"""Third-party incidents for senior managers (CUM-6, KEN-11): see reports/incidents_summary.py."""

from fairness_app.services.monitoring_reports import incidents_report


def execute(filters=None):
	return incidents_report(filters or {})
