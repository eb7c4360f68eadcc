"""Companions at meetings and hearings: a union representative or a workplace colleague, never a lawyer
(FHB-7); at least 5 working days' notice of the appeal hearing (FHB-12)."""

from datetime import date, datetime

import pytest
from fairness_er_consultant import ErConsultant

from fairness_app.procedure.calendar import WorkingCalendar
from fairness_app.procedure.meetings import Companion, MeetingType
from fairness_app.testing import make_case, plugin_manager

PLUGINS = plugin_manager(ErConsultant())


def rules(procedure="er_consultant_formal"):
	return PLUGINS.meeting_rules(make_case(procedure=procedure))


@pytest.mark.req("FHB-7")
def test_only_a_union_representative_or_a_workplace_colleague_may_come():
	decision = rules()
	assert decision.decided_by == "er_consultant"
	assert decision.value.companions == {Companion.TRADE_UNION, Companion.COLLEAGUE}
	assert decision.value.companion_refusal(Companion.TRADE_UNION) is None
	assert decision.value.companion_refusal(Companion.COLLEAGUE) is None


@pytest.mark.req("FHB-7")
@pytest.mark.parametrize("companion", [Companion.LEGAL, Companion.FRIEND_OR_RELATIVE, Companion.OTHER])
def test_a_legal_representative_or_anyone_else_is_refused_with_a_plain_reason(companion):
	message = rules().value.companion_refusal(companion)
	assert message is not None
	assert "trade union representative" in message and "workplace colleague" in message


@pytest.mark.req("FHB-7")
def test_other_procedures_keep_their_own_meeting_rules():
	assert rules("public_complaint").decided_by == "builtin"


@pytest.mark.req("FHB-12", "X-1")
def test_an_appeal_hearing_with_less_than_5_working_days_notice_is_refused():
	# Invited on Thursday 21 May 2026: the spring bank holiday (Monday 25 May) is not a day of notice, so the
	# hearing can be no earlier than Friday 29 May.
	notice = rules().value.notice_refusal
	calendar = WorkingCalendar("ENG")
	assert notice(MeetingType.APPEAL_HEARING, date(2026, 5, 21), datetime(2026, 5, 29, 10), calendar) is None
	message = notice(MeetingType.APPEAL_HEARING, date(2026, 5, 21), datetime(2026, 5, 28, 10), calendar)
	assert "at least 5 working days' notice of this appeal hearing" in message
	assert "Friday 29 May 2026" in message


@pytest.mark.req("FHB-12")
def test_the_handbook_sets_no_notice_for_other_meetings():
	notice = rules().value.notice_refusal
	next_day = datetime(2026, 5, 22, 10)
	assert notice(MeetingType.FORMAL_COMPLAINT, date(2026, 5, 21), next_day, WorkingCalendar("ENG")) is None
