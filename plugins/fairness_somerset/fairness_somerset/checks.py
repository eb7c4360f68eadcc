"""Moves the Code refuses on a complaint from the public or a service user:
- acknowledging it before the officer who received it has done their first duties (SOM-5, SOM-7);
- a move that does not match whether it is recorded as informal or formal (flow charts 1 and 2, SOM-4):
  informal where the alleged perpetrator acknowledges the behaviour, did not understand it was discriminatory or
  had not realised the outcome; formal where they deny it, give other reasons, or accept it but dispute that it
  was discriminatory;
- sending the outcome of a complaint that was not found unfounded without an action plan (SOM-15).
"""

from __future__ import annotations

from fairness_app.procedure.defaults import PUBLIC_COMPLAINT
from fairness_app.procedure.snapshots import CaseSnapshot, Transition

RECEIVED, ACKNOWLEDGED = "Received", "Acknowledged"
INFORMAL_STAGE = "Informal resolution"
FORMAL_STAGE = "Formal investigation"
OUTCOME_SENT = "Outcome sent"

# The receiving officer's first duties, each as the case records it (SOM-5, SOM-7).
CONFIDENTIALITY = ("confidentiality_notice_given", "told them we may not keep things confidential if it is serious")
NEXT_STEPS = ("told_what_happens_next", "told them what happens next")
QUIET_SPACE = ("quiet_space_offered", "offered them a quiet, private place to talk")
GUARDIANS = ("guardian_contacted", "contacted the parents or guardians of the person harmed, who is under 17")
EMERGENCY = ("emergency_services_called", "called 999, as someone was in immediate danger")
FIRST_DUTIES = (
	"Before this complaint is acknowledged, the officer who received it must have: {duties}. Tick each one on "
	"the case once it is done, then acknowledge the complaint."
)

NO_ACTION_PLAN = (
	"Write the action plan under Actions before sending the outcome: each action, who will do it and by when. "
	"Keep the person harmed away from the alleged perpetrator where that is appropriate. Other actions can be an "
	"apology, putting right a disadvantage, a written warning, training, mediation, or a referral to an outside "
	"organisation if the person agrees."
)
# Outcomes that need no action plan: the complaint was not upheld or not completed.
NO_ACTION_NEEDED = frozenset({"not_upheld", "withdrawn", "not_completed"})

NOT_RECORDED = (
	"First record whether this complaint is informal or formal, under 'Informal or formal'. It is informal "
	"when the person complained about accepts what they did, or did not understand it was discriminatory or "
	"what it would lead to. It is formal when they deny it, give other reasons, or accept it but say it was "
	"not discriminatory."
)

RECORDED_FORMAL = (
	"This complaint is recorded as formal, because the person complained about denies it or disputes that it "
	"was discriminatory, so it needs a formal investigation. If they now accept what they did, change "
	"'Informal or formal' to Informal first."
)

RECORDED_INFORMAL = (
	"This complaint is recorded as informal. If it could not be settled informally, because the person "
	"complained about now denies it or disputes that it was discriminatory, change 'Informal or formal' to "
	"Formal first, then start the formal investigation."
)


def refusal(case: CaseSnapshot, transition: Transition) -> str | None:
	if case.procedure != PUBLIC_COMPLAINT:
		return None
	if (transition.from_state, transition.to_state) == (RECEIVED, ACKNOWLEDGED):
		return first_duties_refusal(case)
	if transition.to_state == OUTCOME_SENT and not case.actions and case.outcome not in NO_ACTION_NEEDED:
		return NO_ACTION_PLAN
	return formality_refusal(case, transition)


def first_duties_refusal(case: CaseSnapshot) -> str | None:
	duties = [CONFIDENTIALITY, NEXT_STEPS]
	if case.intake_channel == "face_to_face":
		duties.append(QUIET_SPACE)
	if "under_17" in case.flags:
		duties.append(GUARDIANS)
	if "immediate_danger" in case.flags:
		duties.append(EMERGENCY)
	missing = [words for flag, words in duties if flag not in case.flags]
	return FIRST_DUTIES.format(duties="; ".join(missing)) if missing else None


def formality_refusal(case: CaseSnapshot, transition: Transition) -> str | None:
	if transition.to_state not in (INFORMAL_STAGE, FORMAL_STAGE):
		return None
	if case.formality not in ("informal", "formal"):
		return NOT_RECORDED
	if transition.to_state == INFORMAL_STAGE and case.formality == "formal":
		return RECORDED_FORMAL
	if transition.to_state == FORMAL_STAGE and case.formality == "informal":
		return RECORDED_INFORMAL
	return None
