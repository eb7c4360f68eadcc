"""Moves of a Cumbria incident that the policy forbids: each check returns a message saying why the move
cannot happen and what to do instead, or None."""

from __future__ import annotations

from collections.abc import Callable

from fairness_app import roles
from fairness_app.procedure.snapshots import CaseSnapshot, PartyKind, PartyRole, Transition
from fairness_cumbria import policy

Check = Callable[[CaseSnapshot, Transition], str | None]


def risk_assessment_first(case: CaseSnapshot, transition: Transition) -> str | None:
	"""CUM-10: every risk assessment linked to the incident is reviewed before the actions are agreed."""
	if transition.from_state == policy.MANAGER_MEETING_HELD and transition.to_state == policy.ACTIONS_AGREED:
		return (
			"Review the risk assessments linked to this incident with the member of staff before agreeing "
			"actions. Choose 'Record risk assessment review' first."
		)
	return None


def withdrawal_by_assistant_director(case: CaseSnapshot, transition: Transition) -> str | None:
	"""CUM-7: only an Assistant Director decides to withdraw a service, after advice from legal services."""
	if transition.to_state != policy.ACTIONS_AGREED or "service_withdrawn" not in case.flags:
		return None
	if roles.ASSISTANT_DIRECTOR in transition.user_roles:
		return None
	return (
		"These actions withdraw a service, and only an Assistant Director can decide that, after other "
		"options have been tried and legal services have been asked for advice. Ask your Assistant Director "
		"to agree the actions, or untick 'Service withdrawn' if the service is not being withdrawn."
	)


def abuse_recorded(case: CaseSnapshot, transition: Transition) -> str | None:
	"""CUM-2, CUM-6: the type of abuse is recorded, so the incident counts in the reports to senior managers
	on the numbers, types and frequency of incidents."""
	if transition.to_state not in policy.AFTER_DEBRIEF or case.behaviours:
		return None
	return (
		"Choose at least one type of abuse under 'Types of abuse' before moving on, so the incident is "
		"counted in the reports to senior managers."
	)


def hate_incident_recorded(case: CaseSnapshot, transition: Transition) -> str | None:
	"""CUM-4, CUM-11: a hate incident is one that anyone sees as motivated by hostility, and the
	characteristic it is linked to is recorded on the incident form."""
	if transition.to_state not in policy.AFTER_DEBRIEF:
		return None
	if "hate_incident" not in case.flags and policy.HATE_TYPES & set(case.behaviours):
		return (
			"The types of abuse recorded show hostility to who the member of staff is. Under the policy "
			"that makes it a hate incident if they or anyone else sees it that way. Tick 'Hate incident' "
			"and choose what it was linked to, then try again."
		)
	if "hate_incident" in case.flags and not case.grounds:
		return (
			"This is recorded as a hate incident. Choose what it was linked to under 'Linked to' (for "
			"example race, disability or sex, including misogyny), then try again."
		)
	return None


def steps_before_closing(case: CaseSnapshot, transition: Transition) -> str | None:
	"""CUM-5, CUM-6, CUM-9: what the manager must have done, as the incident records it, before it is closed."""
	if transition.to_state != policy.CLOSED:
		return None
	responsible = case.parties_in(PartyRole.SUBJECT)
	steps = [
		(
			"hate_incident" in case.flags,
			"true_vision_offered",
			"offer the member of staff the True Vision route to report the hate incident ('True Vision reporting "
			"offered')",
		),
		(
			bool(responsible),
			"senior_managers_told",
			"tell senior managers about the risk from the person responsible ('Senior managers told')",
		),
		(
			any(person.kind is PartyKind.EXTERNAL_EMPLOYEE for person in responsible),
			"employer_told",
			"tell the employer of the person responsible, who works for another organisation ('Their employer "
			"told')",
		),
		(
			True,
			"kept_informed",
			"include the member of staff in decisions and keep them informed ('Member of staff included')",
		),
	]
	missing = [words for needed, flag, words in steps if needed and flag not in case.flags]
	if not missing:
		return None
	return f"Before closing this incident, {'; '.join(missing)}. Tick each one on the incident once done."


CHECKS: tuple[Check, ...] = (
	risk_assessment_first,
	withdrawal_by_assistant_director,
	abuse_recorded,
	hate_incident_recorded,
	steps_before_closing,
)


def refusal(case: CaseSnapshot, transition: Transition) -> str | None:
	"""Every reason this move cannot happen, in one message, or None when it may."""
	if not policy.is_incident(case):
		return None
	reasons = [message for check in CHECKS if (message := check(case, transition))]
	return " ".join(reasons) or None
