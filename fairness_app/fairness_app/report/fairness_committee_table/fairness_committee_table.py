"""The committee's analysis of complaints (DER-25): see reports/committee.py."""

from fairness_app.services.monitoring_reports import committee_report


def execute(filters=None):
	return committee_report(filters or {})
