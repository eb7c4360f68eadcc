"""Who may come to a meeting, how much notice it needs, and how far and how often it may be put off (DER-4, DER-5,
FHB-7, FHB-12)."""

from datetime import date, datetime

import pytest

from fairness_app.plugins import hookimpl
from fairness_app.procedure.calendar import WorkingCalendar
from fairness_app.procedure.meetings import Companion, MeetingRules, MeetingType, PostponementReason
from fairness_app.testing import make_case, plugin_manager

SET_FOR = datetime(2026, 3, 2, 10, 0)
DERBY = MeetingRules(max_postponements=1, max_postponement_days=14, requirement="DER-5")


def refusal(rules, moved_to, reason=PostponementReason.HOLIDAY, earlier_postponements=0, evidence_seen=False):
	return rules.postponement_refusal(
		set_for=SET_FOR,
		moved_to=moved_to,
		reason=reason,
		earlier_postponements=earlier_postponements,
		evidence_seen=evidence_seen,
	)


@pytest.mark.req("DER-5")
def test_a_meeting_may_move_by_fourteen_days_but_not_fifteen():
	assert refusal(DERBY, datetime(2026, 3, 16, 10, 0)) is None
	message = refusal(DERBY, datetime(2026, 3, 17, 10, 0))
	assert "at most 14 days, unless the reason is medical grounds" in message
	assert "by 15 days" in message


@pytest.mark.req("DER-5")
def test_medical_grounds_may_put_a_meeting_off_for_longer():
	assert refusal(DERBY, datetime(2026, 4, 20, 10, 0), PostponementReason.MEDICAL) is None


@pytest.mark.req("DER-5")
def test_a_meeting_is_rearranged_only_once():
	message = refusal(DERBY, datetime(2026, 3, 5, 10, 0), earlier_postponements=1)
	assert "already been put off once" in message


@pytest.mark.req("DER-5")
def test_a_meeting_is_put_off_only_for_a_reason_the_procedure_lists():
	listed = MeetingRules(
		accepted_reasons={PostponementReason.BEREAVEMENT, PostponementReason.HOLIDAY},
		who_decides="the HR adviser",
	)
	assert refusal(listed, datetime(2026, 3, 5, 10, 0), PostponementReason.BEREAVEMENT) is None
	assert refusal(listed, datetime(2026, 3, 5, 10, 0), "Another reason") == (
		"Under this procedure a meeting can be put off only for one of these reasons: a holiday booked "
		"beforehand; bereavement. If none of them applies, the meeting stays as it is unless the HR adviser "
		"decides otherwise."
	)


@pytest.mark.req("DER-5")
def test_a_reason_that_needs_evidence_waits_until_it_has_been_seen():
	rules = MeetingRules(evidence_needed={PostponementReason.MEDICAL: "a medical certificate"})
	later = datetime(2026, 3, 20, 10, 0)
	assert refusal(rules, later, PostponementReason.MEDICAL) == (
		"The reason given, medical grounds, needs a medical certificate. Once you have seen it, tick Evidence seen "
		"and save again."
	)
	assert refusal(rules, later, PostponementReason.MEDICAL, evidence_seen=True) is None
	assert refusal(rules, later, PostponementReason.HOLIDAY) is None  # other reasons need nothing


@pytest.mark.req("DER-5")
def test_a_postponement_moves_the_meeting_later():
	assert "must be later" in refusal(DERBY, datetime(2026, 3, 2, 9, 0))


def test_the_built_in_rules_allow_any_companion_and_any_postponement():
	rules = plugin_manager().meeting_rules(make_case()).value
	assert rules == MeetingRules()
	assert all(rules.companion_refusal(companion) is None for companion in Companion)
	assert refusal(rules, datetime(2026, 9, 1), earlier_postponements=5) is None


@pytest.mark.req("FHB-7")
def test_no_legal_representation_where_the_procedure_says_so():
	rules = MeetingRules(companions={Companion.TRADE_UNION, Companion.COLLEAGUE}, requirement="FHB-7")
	assert rules.companion_refusal(Companion.COLLEAGUE) is None
	message = rules.companion_refusal("Solicitor or other legal representative")
	assert message == (
		"A solicitor or other legal representative cannot come to meetings under this procedure. "
		"They may bring: trade union representative, workplace colleague."
	)


def test_rules_that_make_no_sense_are_refused():
	with pytest.raises(ValueError, match="at least one kind of companion"):
		MeetingRules(companions=())
	with pytest.raises(ValueError, match="cannot be negative"):
		MeetingRules(max_postponement_days=-1)
	with pytest.raises(ValueError, match="at least one reason"):
		MeetingRules(accepted_reasons=())
	with pytest.raises(ValueError, match="what evidence"):
		MeetingRules(evidence_needed={PostponementReason.MEDICAL: " "})
	with pytest.raises(ValueError):
		MeetingRules(companions={"A barrister"})


@pytest.mark.req("DER-5")
def test_a_council_plugin_decides_the_meeting_rules():
	class Derby:
		@hookimpl
		def fairness_meeting_rules(self, case):
			return DERBY

	decision = plugin_manager(Derby()).meeting_rules(make_case())
	assert decision.value is DERBY


@pytest.mark.req("FHB-12")
def test_notice_is_counted_in_working_days_for_the_kinds_of_meeting_named():
	# Form values work as well as MeetingType members, as plugins may name the kind either way.
	rules = MeetingRules(notice_working_days={"Hearing": 3})
	assert rules.notice_working_days == {MeetingType.HEARING: 3}
	calendar = WorkingCalendar("ENG")
	# Invited on Friday 6 March 2026: the third working day after is Wednesday 11 March.
	invited_on = date(2026, 3, 6)
	assert rules.notice_refusal("Hearing", invited_on, datetime(2026, 3, 11, 9), calendar) is None
	assert "Wednesday 11 March 2026" in rules.notice_refusal("Hearing", invited_on, datetime(2026, 3, 10), calendar)
	assert rules.notice_refusal("Appeal hearing", invited_on, datetime(2026, 3, 6, 15), calendar) is None
	assert rules.notice_refusal(None, invited_on, datetime(2026, 3, 6, 15), calendar) is None


def test_the_built_in_rules_ask_for_no_particular_notice():
	assert MeetingRules().notice_working_days == {}


def test_notice_cannot_be_negative():
	with pytest.raises(ValueError, match="negative"):
		MeetingRules(notice_working_days={MeetingType.HEARING: -1})


@pytest.mark.req("FHB-8", "FHB-12", "SOM-7")
def test_each_kind_of_meeting_arranged_or_held_raises_an_event_named_from_the_form():
	assert MeetingType.APPEAL_HEARING.held_event == "appeal_hearing_held"
	assert MeetingType.FORMAL_COMPLAINT.held_event == "formal_complaint_meeting_held"
	assert MeetingType.MANAGER.held_event == "meeting_with_the_manager_held"
	assert len({kind.held_event for kind in MeetingType}) == len(MeetingType)
	assert MeetingType.MANAGER.arranged_event == "meeting_with_the_manager_arranged"
	events = {kind.arranged_event for kind in MeetingType} | {kind.held_event for kind in MeetingType}
	assert len(events) == 2 * len(MeetingType)
