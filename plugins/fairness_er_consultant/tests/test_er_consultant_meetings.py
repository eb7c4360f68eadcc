"""Companions at meetings and hearings: a union representative or a workplace colleague, never a lawyer
(FHB-7)."""

import pytest
from fairness_er_consultant import ErConsultant

from fairness_app.procedure.meetings import Companion
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
