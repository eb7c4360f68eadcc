"""Informal or formal (flow charts 1 and 2, SOM-4): the move must match what the case records.

Informal where the alleged perpetrator acknowledges the behaviour, did not understand it was discriminatory or
had not realised the outcome; formal where they deny it, give other reasons, or accept it but dispute that it
was discriminatory.
"""

from __future__ import annotations

from fairness_app.procedure.defaults import PUBLIC_COMPLAINT
from fairness_app.procedure.snapshots import CaseSnapshot, Transition

INFORMAL_STAGE = "Informal resolution"
FORMAL_STAGE = "Formal investigation"

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


def formality_refusal(case: CaseSnapshot, transition: Transition) -> str | None:
	if case.procedure != PUBLIC_COMPLAINT or transition.to_state not in (INFORMAL_STAGE, FORMAL_STAGE):
		return None
	if case.formality not in ("informal", "formal"):
		return NOT_RECORDED
	if transition.to_state == INFORMAL_STAGE and case.formality == "formal":
		return RECORDED_FORMAL
	if transition.to_state == FORMAL_STAGE and case.formality == "informal":
		return RECORDED_INFORMAL
	return None
