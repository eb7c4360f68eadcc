"""Best Value 174 and 175 (SOM-17): see reports/best_value.py."""

from fairness_app.services.monitoring_reports import best_value_report


def execute(filters=None):
	return best_value_report(filters or {})
