"""The six-monthly review group's counts (SOM-17): see reports/review_group.py."""

from fairness_app.services.monitoring_reports import review_group_report


def execute(filters=None):
	return review_group_report(filters or {})
