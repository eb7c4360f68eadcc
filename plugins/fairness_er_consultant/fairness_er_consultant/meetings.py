"""Who may come to the procedure's meetings and hearings (FHB-7, FHB-10, FHB-12), and the notice of the appeal
hearing (FHB-12)."""

from __future__ import annotations

from fairness_app.procedure.meetings import Companion, MeetingRules, MeetingType
from fairness_app.procedure.snapshots import CaseSnapshot
from fairness_er_consultant.procedure import applies

# A trade union representative or a workplace colleague; legal representation at no stage. No less than 5
# working days' notice of the appeal hearing in writing. The handbook sets no limit on putting meetings off, so
# the built-in freedom stays.
RULES = MeetingRules(
	companions=frozenset({Companion.TRADE_UNION, Companion.COLLEAGUE}),
	notice_working_days={MeetingType.APPEAL_HEARING: 5},
	requirement="FHB-7",
	who_decides="the ER consultant",
)


def meeting_rules(case: CaseSnapshot) -> MeetingRules | None:
	return RULES if applies(case) else None
