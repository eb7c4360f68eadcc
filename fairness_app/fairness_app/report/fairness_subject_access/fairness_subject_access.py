"""Everything held about one person, across cases, for a subject access request: see services/subject_access.py."""

from fairness_app.services.subject_access import subject_access_report


def execute(filters=None):
	return subject_access_report(filters or {})
