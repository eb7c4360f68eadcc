"""Who is told what as a Cumbria incident moves on: the manager's next steps (CUM-4, CUM-5, CUM-6, CUM-8,
CUM-10), the senior manager's notice of risk (CUM-6) and the member of staff's updates (CUM-9). Plain words
only, and no names: each message gives the incident's reference and says what to do."""

from __future__ import annotations

from fairness_app.procedure.decisions import Notification, Recipient
from fairness_app.procedure.snapshots import CaseEvent, CaseSnapshot, PartyKind, PartyRole
from fairness_cumbria import policy, routing

TRUE_VISION = "https://www.report-it.org.uk/"
VICTIM_SUPPORT = "https://www.victimsupport.org.uk/"
EQUALITY_ADVISORY = "https://www.equalityadvisoryservice.com/"

KIND_WORDS = {
	PartyKind.SERVICE_USER: "a service user",
	PartyKind.MEMBER_OF_PUBLIC: "a member of the public",
	PartyKind.CONTRACTOR: "a contractor",
	PartyKind.EXTERNAL_EMPLOYEE: "someone who works for another organisation",
	PartyKind.COUNCILLOR: "a councillor",
	PartyKind.FORMER_EMPLOYEE: "a former employee",
	PartyKind.SCHOOL_GOVERNOR: "a school governor",
	PartyKind.JOB_APPLICANT: "a job applicant",
}


def _victim() -> Recipient:
	return Recipient.party(PartyRole.VICTIM, "the member of staff is kept informed (CUM-9)")


def _their_manager(case: CaseSnapshot) -> str:
	return "the chair of governors" if policy.headteacher_is_victim(case) else "your manager"


def _paragraphs(*parts: str) -> str:
	return "\n\n".join(part for part in parts if part)


def police_advice(case: CaseSnapshot) -> str:
	"""CUM-5: the police are contacted only with the member of staff's agreement; True Vision for hate."""
	reasons = policy.police_reasons(case)
	if not reasons or "police_contacted" in case.flags:
		return ""
	advice = (
		f"This incident involved {policy.in_words(reasons)}. If the police have not been contacted yet, ask "
		"the member of staff whether they agree to the police being told, and contact the police only if "
		"they do. Record their answer on the incident."
	)
	if policy.hate_related(case):
		advice += (
			" If they would rather not talk to the police themselves, tell them they can report a hate "
			f"incident or hate crime through True Vision, the police's own reporting site: {TRUE_VISION}"
		)
	return advice


def on_received(case: CaseSnapshot) -> list[Notification]:
	as_chair = (
		" as chair of governors, because it affected the headteacher"
		if policy.headteacher_is_victim(case)
		else ""
	)
	portal = "on the Schools Portal" if policy.in_school(case) else "through the E-Safety portal"
	to_handler = Notification(
		(routing.handler_recipient(case),),
		f"Incident {case.label}: please meet the member of staff",
		_paragraphs(
			f"Incident {case.label} has been passed to you{as_chair}.",
			"Meet the member of staff as soon as you can. Listen without judgement and be led by how they "
			f"see what happened. Then complete the incident form for health and safety {portal}, with any "
			"witness statements. If it is linked to a protected characteristic, record which one and how "
			"serious it is.",
			police_advice(case),
			"If anyone is in immediate danger, call 999.",
		),
	)
	to_victim = Notification(
		(_victim(),),
		"What happened to you has been recorded",
		_paragraphs(
			f"What happened to you has been recorded (reference {case.label}). Abuse and harassment are "
			"never part of your job.",
			f"{_their_manager(case).capitalize()} will meet you soon to talk about what happened, how you "
			"are and the support you need. You will be asked what you want to happen, and kept up to date.",
		),
	)
	return [to_handler, to_victim, *senior_notice(case)]


def senior_notice(case: CaseSnapshot) -> list[Notification]:
	"""CUM-6: senior managers are told about risks to staff from a particular person."""
	seniors = routing.senior_recipients(case)
	kinds = sorted({KIND_WORDS.get(person.kind, "someone") for person in policy.subjects(case)})
	if not seniors or not kinds:
		return []
	return [
		Notification(
			seniors,
			f"Incident {case.label}: a risk to staff from a named person",
			_paragraphs(
				f"A member of staff in your area has reported abuse by {policy.in_words(tuple(kinds))} "
				f"(incident {case.label}). You have been added to the incident so you know of the risk.",
				"Their manager will talk to you about keeping staff safe, and about any warning or "
				"restriction on the person's use of services.",
			),
		)
	]


def next_steps(case: CaseSnapshot) -> list[Notification]:
	"""After the debrief: risk assessments (CUM-10), senior managers, warning markers and other employers
	(CUM-6), and the member of staff's say in what is done (CUM-9)."""
	parts = [
		"Review every risk assessment linked to the incident and to the work, with the member of staff, and "
		"record what will be done to stop it happening again.",
		"Include the member of staff in deciding what is done to protect them, and keep them informed.",
	]
	if policy.named_third_party(case):
		parts.append(
			"Talk to your senior manager about the risk from the person responsible, and about any warning "
			"or restriction on their use of services."
		)
	if reasons := policy.marker_reasons(case):
		parts.append(
			"Consider a warning marker on the person responsible, because the incident involved "
			f"{policy.in_words(reasons)}. Raise it as a Fairness Warning Marker: another senior manager "
			"approves it before staff are told. Record the abuse against the person's name on your "
			"service's own systems too, where your service does this."
		)
	if policy.works_elsewhere(case):
		parts.append(
			"The person responsible works for another organisation. Tell a suitable senior manager there, "
			"and share what they need to act."
		)
	to_handler = Notification(
		(routing.handler_recipient(case),), f"Incident {case.label}: next steps", _paragraphs(*parts)
	)
	return [to_handler, *marker_notice(case)]


def marker_notice(case: CaseSnapshot) -> list[Notification]:
	"""CUM-6: warnings and markers are decided in consultation with senior managers."""
	reasons = policy.marker_reasons(case)
	seniors = routing.senior_recipients(case)
	if not reasons or not seniors:
		return []
	return [
		Notification(
			seniors,
			f"Incident {case.label}: a warning marker to consider",
			f"Incident {case.label} involved {policy.in_words(reasons)}. The manager handling it has been "
			"asked to consider a warning marker on the person responsible, and any warning or restriction "
			"on their use of services, with you.",
		)
	]


def support(case: CaseSnapshot) -> list[Notification]:
	"""CUM-8: regular check-ins, occupational health with consent, and the policy's support options."""
	provider = (
		"the school's occupational health provider" if policy.in_school(case) else "Occupational Health"
	)
	police = f", the police and Victim Support ({VICTIM_SUPPORT})" if policy.police_reasons(case) else ""
	to_handler = Notification(
		(routing.handler_recipient(case),),
		f"Incident {case.label}: support for the member of staff",
		_paragraphs(
			"Agree regular check-ins or one-to-ones with the member of staff, for as long as they need "
			"them: the effect of abuse can last a long time.",
			f"If they would like it, and only with their agreement, refer them to {provider}. Point them to "
			"the mental health support on the Council wellbeing site.",
			"Be led by what they say will help, for example: keeping them away from situations where it "
			"may happen again, not working alone, flexible hours or another place of work, a change of "
			f"caseload or duties, their trade union{police}, and the Equality Advisory and Support Service "
			f"({EQUALITY_ADVISORY}).",
		),
	)
	return [to_handler]


# What the member of staff is told as the incident reaches each stage; {manager} is who handles it.
VICTIM_UPDATES = {
	policy.MANAGER_MEETING_HELD: (
		"Your meeting has been recorded. Next, {manager} will look again at the risks in your work with you."
	),
	policy.RISK_ASSESSMENT_REVIEWED: (
		"The risk assessment has been reviewed. Next, {manager} will agree with you what will be done and "
		"the support you will get."
	),
	policy.ACTIONS_AGREED: (
		"What will be done, and your support, have been agreed. {Manager} will check in with you regularly. "
		"You can also get support from your trade union, the Council wellbeing site, and the Equality "
		f"Advisory and Support Service ({EQUALITY_ADVISORY})."
	),
}


def victim_update(case: CaseSnapshot, stage: str | None) -> list[Notification]:
	"""CUM-9: the member of staff is kept informed of progress."""
	text = VICTIM_UPDATES.get(stage or "")
	if text is None:
		return []
	manager = _their_manager(case)
	return [
		Notification(
			(_victim(),),
			"An update on the incident you reported",
			_paragraphs(
				f"About incident {case.label}. " + text.format(manager=manager, Manager=manager.capitalize()),
				f"If you have any worries, talk to {manager}, another manager or your trade union.",
			),
		)
	]


def on_closed(case: CaseSnapshot) -> list[Notification]:
	return [
		Notification(
			(_victim(),),
			"The incident you reported has been closed",
			f"Incident {case.label} has been closed. Your support does not stop here: tell "
			f"{_their_manager(case)} if you have any worries, or if anything else happens.",
		)
	]


def notifications(case: CaseSnapshot, event: CaseEvent) -> list[Notification] | None:
	if not policy.is_incident(case):
		return None
	if event.name == "received":
		return on_received(case)
	if event.name == "closed":
		return on_closed(case)
	if event.name != "stage_changed":
		return None
	found = victim_update(case, event.stage)
	if event.stage == policy.MANAGER_MEETING_HELD:
		found += next_steps(case)
	if event.stage == policy.ACTIONS_AGREED:
		found += support(case)
	return found or None
