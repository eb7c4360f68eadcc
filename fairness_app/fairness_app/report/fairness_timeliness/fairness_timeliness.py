"""How each deadline went, by directorate: see reports/timeliness.py."""

from fairness_app.services.monitoring_reports import timeliness_report


def execute(filters=None):
	return timeliness_report(filters or {})
