"""The quarterly departmental return (SOM-20): see reports/review_group.py."""

from fairness_app.services.monitoring_reports import departmental_return_report


def execute(filters=None):
	return departmental_return_report(filters or {})
