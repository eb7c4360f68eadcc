"""Timescales (Section 5 core guidance 5 and 6, Section 6 "You can expect"; SOM-7, SOM-14) and what happens
when one is due or missed.

Acknowledge in writing within 3 working days, setting out the action to be taken and naming the manager and
investigating officer; for a complaint made in writing or by phone, arrange within 3 working days a time to
talk in person; start a formal investigation within 7 working days. Equality and Harassment Advisers see that
timescales are met, the departmental HR officer checks progress and instigates the investigation (flow 1), and
the Customer Care Manager makes sure the Code works: a missed deadline goes to them.
"""

from __future__ import annotations

from fairness_app import roles
from fairness_app.procedure.clocks import ClockAlert, ClockRule, ClockStatus, ClockUnit
from fairness_app.procedure.decisions import Escalation, EscalationAction, Recipient
from fairness_app.procedure.defaults import COUNCILLOR_REFERRAL, PUBLIC_COMPLAINT
from fairness_app.procedure.meetings import MeetingType
from fairness_app.procedure.snapshots import CaseSnapshot, CaseType, PartyKind
from fairness_somerset.routing import (
	CENTRAL_TEAM,
	COUNTY_SOLICITOR,
	PUBLIC,
	directorate_eha,
	directorate_hr_officer,
	once_each,
)
from fairness_somerset.scope import STAFF, follows_this_code, subject_kinds

ACKNOWLEDGE_WITHIN = 3
MEET_WITHIN = 3
INVESTIGATE_WITHIN = 7

# Complaints made in writing or by phone: someone arranges to talk them through in person (SOM-7).
WRITTEN_OR_PHONED = frozenset({"letter", "email", "website", "phone"})


def clock_rules(case: CaseSnapshot) -> list[ClockRule] | None:
	if case.case_type is CaseType.INCIDENT or case.procedure not in (PUBLIC_COMPLAINT, COUNCILLOR_REFERRAL):
		return None  # the incident procedure and the staff procedure keep their own deadlines
	if not follows_this_code(case):
		return []  # redirected: the other procedure sets its own timescales
	if case.procedure == COUNCILLOR_REFERRAL:
		return [_councillor_acknowledgement()]
	in_person = [MEETING_IN_PERSON] if case.intake_channel in WRITTEN_OR_PHONED else []
	return [ACKNOWLEDGEMENT, *in_person, _formal_investigation()]


ACKNOWLEDGEMENT = ClockRule(
	"acknowledgement",
	"Acknowledge in writing: say what will be done and name the manager and investigating officer",
	ACKNOWLEDGE_WITHIN,
	ClockUnit.WORKING_DAYS,
	"received",
	("acknowledged",),
	"SOM-14",
	f"Within {ACKNOWLEDGE_WITHIN} working days we will write to you to say what we will do about your complaint "
	"and who is dealing with it. What you would like to happen will help us decide.",
)

# SOM-7: met when any meeting is recorded on the case with its time, whoever it is with.
MEETING_IN_PERSON = ClockRule(
	"meeting_in_person",
	"Arrange a time to talk to the complainant in person",
	MEET_WITHIN,
	ClockUnit.WORKING_DAYS,
	"received",
	tuple(kind.arranged_event for kind in MeetingType),
	"SOM-7",
	f"Within {MEET_WITHIN} working days we will contact you to arrange a time to talk in person, if you would "
	"like to.",
)


def _formal_investigation() -> ClockRule:
	# Agreeing to resolve the complaint informally at the lowest level (SOM-4) also meets this clock: a formal
	# investigation is only needed when the complaint cannot be settled that way.
	return ClockRule(
		"formal_investigation",
		"Start a formal investigation, or agree to resolve the complaint informally",
		INVESTIGATE_WITHIN,
		ClockUnit.WORKING_DAYS,
		"received",
		("investigation_started", "informal_started"),
		"SOM-14",
		f"Within {INVESTIGATE_WITHIN} working days we will start a formal investigation into your complaint, "
		"unless it can be put right sooner in a way you are happy with.",
	)


def _councillor_acknowledgement() -> ClockRule:
	# The referral procedure has no acknowledgement stage: passing the case to the County Solicitor is its
	# only step.
	return ClockRule(
		"acknowledgement",
		"Acknowledge in writing and refer the complaint to the County Solicitor",
		ACKNOWLEDGE_WITHIN,
		ClockUnit.WORKING_DAYS,
		"received",
		("referred",),
		"SOM-14, SOM-10",
		f"Within {ACKNOWLEDGE_WITHIN} working days we will write to you to confirm we have your complaint "
		"and that we have passed it to the County Solicitor, who deals with complaints about councillors.",
	)


def clock_escalation(case: CaseSnapshot, alert: ClockAlert) -> Escalation | None:
	if not follows_this_code(case) or alert.status not in (ClockStatus.DUE, ClockStatus.MISSED):
		return None
	label = alert.clock.label
	due = _day(alert.due)
	if alert.status is ClockStatus.DUE:
		return Escalation(
			EscalationAction.REMIND,
			(
				Recipient.role(roles.LINE_MANAGER, "leads the case"),
				Recipient.role(roles.CASE_OFFICER, "sees that timescales are met"),
			),
			f"Case {case.label}: '{label}' is due today, {due}.",
		)
	return Escalation(
		EscalationAction.NOTIFY_TEAM,
		missed_deadline_recipients(case),
		f"Case {case.label}: the deadline for '{label}' was {due} and has passed. Please check progress, "
		"agree a new date with the person handling the case and make sure the complainant is told what is "
		"happening.",
	)


def missed_deadline_recipients(case: CaseSnapshot) -> tuple[Recipient, ...]:
	kinds = subject_kinds(case)
	found = []
	if kinds & STAFF:
		found.append(directorate_hr_officer(case, "checks progress and instigates the investigation (SOM-2)"))
	if kinds & PUBLIC or not kinds:
		found.append(directorate_eha(case, "makes sure timescales are met (SOM-14)"))
	if PartyKind.COUNCILLOR in kinds:
		found.append(Recipient.team(COUNTY_SOLICITOR, "deals with complaints about councillors (SOM-10)"))
	found.append(Recipient.team(CENTRAL_TEAM, "the Customer Care Manager makes sure the Code works (SOM-14)"))
	return once_each(found)


def _day(value) -> str:
	return value.strftime("%A %-d %B %Y")
