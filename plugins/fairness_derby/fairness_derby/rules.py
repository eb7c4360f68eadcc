"""Derby's time limit for making a complaint (DER-2, DER-22), its meeting rules (DER-4, DER-5) and how long
the records are kept (DER-23)."""

from __future__ import annotations

from fairness_app import roles
from fairness_app.procedure.calendar import add_years
from fairness_app.procedure.meetings import Companion, MeetingRules, PostponementReason
from fairness_app.procedure.retention import RetentionRule
from fairness_app.procedure.snapshots import CaseSnapshot
from fairness_app.procedure.time_limits import TimeLimit
from fairness_derby.policy import AD_PERSONNEL, QUESTIONNAIRE, is_complaint
from fairness_derby.routing import exemption

# The Assistant Director (Personnel) holds the app's Assistant Director role; the README asks councils to give it.
TIME_LIMIT = TimeLimit(3, AD_PERSONNEL, requirement="DER-2", approver_role=roles.ASSISTANT_DIRECTOR)
NO_LIMIT_FOR_QUESTIONNAIRES = TimeLimit(None, AD_PERSONNEL, requirement="DER-22")
NO_LIMIT_WHEN_REFERRED = TimeLimit(None, "the procedure it is referred to", requirement="DER-1")

# One companion: a trade union representative, a solicitor, a colleague or a friend (paragraph 4.1).
# Interpreters and signers come in addition, as adjustments, not as companions.
MEETING_RULES = MeetingRules(
	companions=frozenset(
		{Companion.TRADE_UNION, Companion.LEGAL, Companion.COLLEAGUE, Companion.FRIEND_OR_RELATIVE}
	),
	max_postponements=1,  # the council must rearrange only once (paragraph 5.3)
	max_postponement_days=14,
	unlimited_reasons=frozenset({PostponementReason.MEDICAL}),
	# The legitimate reasons of paragraph 5.2; medical grounds need a certificate.
	accepted_reasons=frozenset(PostponementReason) - {PostponementReason.OTHER},
	evidence_needed={PostponementReason.MEDICAL: "a medical certificate showing whether they are fit enough to attend"},
	requirement="DER-4, DER-5",
	who_decides="the chair, with the Corporate Personnel Adviser,",
)

RETENTION_YEARS = 6
RETENTION = f"{RETENTION_YEARS} years from completion of the case, whatever the outcome (DER-23)"


def time_limit(case: CaseSnapshot) -> TimeLimit | None:
	if not is_complaint(case):
		return None
	if QUESTIONNAIRE in case.flags:
		return NO_LIMIT_FOR_QUESTIONNAIRES  # not a complaint (paragraph 11.3), so not refused as late
	if exemption(case) is not None:
		return NO_LIMIT_WHEN_REFERRED  # recorded and referred: the other procedure sets its own limits
	return TIME_LIMIT


def meeting_rules(case: CaseSnapshot) -> MeetingRules | None:
	return MEETING_RULES if is_complaint(case) and exemption(case) is None else None


def retention(case: CaseSnapshot) -> RetentionRule | None:
	if not is_complaint(case):
		return None
	if case.closed_on is None:
		return RetentionRule(None, f"{RETENTION}: the case is not yet complete")
	return RetentionRule(add_years(case.closed_on, RETENTION_YEARS), RETENTION)
