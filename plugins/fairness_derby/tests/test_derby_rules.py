"""Derby's time limit (DER-2, DER-22), companions and postponements (DER-4, DER-5) and retention (DER-23)."""

from datetime import date, datetime

import pytest
from fairness_derby import Derby

from fairness_app import roles
from fairness_app.procedure.meetings import Companion, PostponementReason
from fairness_app.testing import make_case, make_party, plugin_manager

PLUGINS = plugin_manager(Derby())
STAFF = [make_party("complainant", "employee"), make_party("subject", "employee")]
SET_FOR = datetime(2026, 4, 1, 10)


def staff_case(**fields):
	return make_case(procedure="staff_complaint", parties=STAFF, **fields)


def decided(decision):
	assert decision.decided_by == "derby"
	return decision.value


@pytest.mark.req("DER-2")
def test_a_complaint_is_made_within_3_months_of_the_latest_incident():
	limit = decided(PLUGINS.time_limit(staff_case(latest_incident_on=date(2026, 1, 15))))
	assert (limit.months, limit.requirement) == (3, "DER-2")
	assert limit.last_day(date(2026, 1, 15)) == date(2026, 4, 15)
	assert not limit.is_late(date(2026, 1, 15), date(2026, 4, 15))
	assert limit.is_late(date(2026, 1, 15), date(2026, 4, 16))


@pytest.mark.req("DER-2")
def test_only_the_assistant_director_personnel_may_accept_a_late_complaint():
	limit = decided(PLUGINS.time_limit(staff_case()))
	assert limit.who_may_extend == "the Assistant Director (Personnel)"
	assert limit.approver_role == roles.ASSISTANT_DIRECTOR  # the app refuses anyone recorded without it
	built_in = plugin_manager().time_limit(staff_case()).value
	assert (built_in.who_may_extend, built_in.approver_role) == ("a senior manager", None)


@pytest.mark.req("DER-22")
def test_a_discrimination_questionnaire_is_not_refused_as_late():
	limit = decided(PLUGINS.time_limit(staff_case(flags={"questionnaire"})))
	assert limit.months is None and not limit.is_late(date(2025, 1, 1), date(2026, 4, 1))


@pytest.mark.req("DER-1")
def test_a_complaint_referred_elsewhere_is_recorded_whatever_its_date():
	case = make_case(
		parties=[make_party("complainant", "member_of_public"), make_party("subject", "employee")]
	)
	assert decided(PLUGINS.time_limit(case)).months is None


@pytest.mark.req("DER-4")
@pytest.mark.parametrize(
	"companion, allowed",
	[
		(Companion.TRADE_UNION, True),
		(Companion.LEGAL, True),
		(Companion.COLLEAGUE, True),
		(Companion.FRIEND_OR_RELATIVE, True),
		(Companion.OTHER, False),
	],
)
def test_a_companion_is_a_union_representative_a_solicitor_a_colleague_or_a_friend(companion, allowed):
	rules = decided(PLUGINS.meeting_rules(staff_case()))
	refusal = rules.companion_refusal(companion)
	assert (refusal is None) is allowed
	if not allowed:
		assert "cannot come to meetings" in refusal and "trade union representative" in refusal


def postpone(days, reason=PostponementReason.HOLIDAY, earlier=0, certificate_seen=False):
	rules = decided(PLUGINS.meeting_rules(staff_case()))
	moved_to = datetime.fromordinal(SET_FOR.toordinal() + days).replace(hour=10)
	return rules.postponement_refusal(
		set_for=SET_FOR,
		moved_to=moved_to,
		reason=reason,
		earlier_postponements=earlier,
		evidence_seen=certificate_seen,
	)


@pytest.mark.req("DER-5")
def test_a_postponement_is_at_most_14_calendar_days():
	assert postpone(14) is None
	assert postpone(15) == (
		"A meeting can be put off by at most 14 days, unless the reason is medical grounds. "
		"This moves it by 15 days."
	)


@pytest.mark.req("DER-5")
def test_medical_grounds_may_put_a_meeting_off_for_longer():
	assert postpone(30, PostponementReason.MEDICAL, certificate_seen=True) is None


@pytest.mark.req("DER-5")
@pytest.mark.parametrize("reason", sorted(set(PostponementReason) - {PostponementReason.OTHER}))
def test_a_meeting_is_put_off_for_one_of_the_legitimate_reasons(reason):
	assert postpone(7, reason, certificate_seen=True) is None


@pytest.mark.req("DER-5")
def test_a_reason_the_policy_does_not_list_is_refused():
	refusal = postpone(7, PostponementReason.OTHER)
	assert refusal.startswith("Under this procedure a meeting can be put off only for one of these reasons: ")
	assert "bereavement; medical grounds" in refusal and "another reason" not in refusal


@pytest.mark.req("DER-5")
def test_medical_grounds_need_a_certificate_showing_whether_they_are_fit_to_attend():
	assert postpone(7, PostponementReason.MEDICAL) == (
		"The reason given, medical grounds, needs a medical certificate showing whether they are fit enough to "
		"attend. Once you have seen it, tick Evidence seen and save again."
	)


@pytest.mark.req("DER-5")
def test_a_meeting_is_rearranged_only_once_then_the_council_decides():
	refusal = postpone(7, earlier=1)
	assert refusal.startswith("This meeting has already been put off once")
	assert "the chair, with the Corporate Personnel Adviser, will decide how to go on" in refusal


@pytest.mark.req("DER-23")
@pytest.mark.parametrize("outcome", ["upheld", "not_upheld", "withdrawn", "not_completed"])
def test_records_are_kept_6_years_from_completion_whatever_the_outcome(outcome):
	rule = decided(PLUGINS.retention(staff_case(closed_on=date(2026, 9, 30), outcome=outcome)))
	assert rule.keep_until == date(2032, 9, 30)
	assert "DER-23" in rule.rule and "whatever the outcome" in rule.rule
	assert not rule.is_due(date(2032, 9, 30)) and rule.is_due(date(2032, 10, 1))


@pytest.mark.req("DER-23")
def test_an_open_case_has_no_destruction_date_yet():
	rule = decided(PLUGINS.retention(staff_case()))
	assert rule.keep_until is None and "not yet complete" in rule.rule


@pytest.mark.req("DER-23")
def test_a_case_completed_on_29_february_is_kept_until_28_february():
	assert decided(PLUGINS.retention(staff_case(closed_on=date(2028, 2, 29)))).keep_until == date(2034, 2, 28)


def test_incidents_are_left_to_the_next_plugin():
	incident = make_case(case_type="incident")
	assert PLUGINS.time_limit(incident).decided_by == "builtin"
	assert PLUGINS.meeting_rules(incident).decided_by == "builtin"
	assert PLUGINS.retention(incident).decided_by == "builtin"
