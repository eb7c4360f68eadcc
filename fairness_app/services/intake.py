"""Recording a new case: ask the site's plugins for its route, reference and deadlines, apply each decision and
record which plugin made it (ARCHITECTURE: intake)."""

import dataclasses
from datetime import date, datetime, time

import frappe

from fairness_app.procedure.clocks import apply_event
from fairness_app.procedure.decisions import Recipient, RecipientKind
from fairness_app.procedure.routes import Route
from fairness_app.procedure.snapshots import RECEIVED, CaseSnapshot
from fairness_app.services.clocks import write_clocks
from fairness_app.services.decisions import record_decision
from fairness_app.services.plugin_registry import get_plugins
from fairness_app.services.reference_counter import DatabaseCounter
from fairness_app.services.snapshots import case_snapshot

QUESTIONNAIRE = "questionnaire"


def record_case(doc) -> None:
	"""Route, number and start the clocks of a complaint or incident about to be inserted."""
	plugins = get_plugins()
	now = frappe.utils.now_datetime()
	case = case_snapshot(doc, plugins.config.nation)

	route = plugins.route_case(case)
	apply_route(doc, case, route.value)
	record_decision(doc, "Route", route, f"procedure {route.value.procedure}")
	case = dataclasses.replace(case, procedure=route.value.procedure)

	reference = plugins.case_reference(case, DatabaseCounter())
	doc.reference = reference.value
	record_decision(doc, "Reference", reference, reference.value)
	case = dataclasses.replace(case, reference=reference.value)
	doc.flags.case_snapshot = case  # what the rest of this save (the time limit) asks the plugins about

	if QUESTIONNAIRE in case.flags:
		return  # a questionnaire is answered, not investigated: no deadlines run on it (DER-22)
	rules = plugins.clock_rules(case)
	clocks = apply_event((), rules.value, RECEIVED, received_at(case.received_on, now))
	write_clocks(doc, clocks, plugins.calendar, now)
	record_decision(doc, "Deadlines", rules, ", ".join(rule.key for rule in rules.value) or "none")


def received_at(received_on: date, now: datetime) -> datetime:
	"""When the case was received: now if it arrived today, else the start of the day it arrived (day-based
	deadlines only look at the day)."""
	return now if received_on == now.date() else datetime.combine(received_on, time.min)


def apply_route(doc, case: CaseSnapshot, route: Route) -> None:
	doc.procedure = route.procedure
	doc.redirected_to = (
		f"{route.redirect.procedure_name}: {route.redirect.reason}" if route.redirect is not None else None
	)
	# Need to know: nobody who is a party to the case, or has declared a conflict, joins its team.
	excluded = case.involved_users() | {"Administrator", "Guest"}
	team = {}
	if case.case_officer:
		team[case.case_officer.user] = ("Recorded the case", "recorded the case")
	for recipients, team_role in ((route.recipients, "Handles the case"), (route.copies, "Kept informed")):
		for recipient in recipients:
			for user in users_for(recipient, case):
				team.setdefault(user, (team_role, recipient.why))
	doc.set(
		"team",
		[
			{"user": user, "team_role": team_role, "why": why[:255]}
			for user, (team_role, why) in team.items()
			if user not in excluded
		],
	)


def users_for(recipient: Recipient, case: CaseSnapshot) -> list[str]:
	if recipient.kind is RecipientKind.USER:
		return [recipient.value]
	if recipient.kind is RecipientKind.ROLE:
		return users_with_role(recipient.value)
	if recipient.kind is RecipientKind.PARTY:
		return [party.user for party in case.parties_in(recipient.value) if party.user]
	# Central teams are told through notifications, not added to the case team.
	return []


def users_with_role(role: str) -> list[str]:
	# Who holds a role, to name a case's team: these read no case data.
	holders = frappe.get_all("Has Role", filters={"role": role, "parenttype": "User"}, pluck="parent")  # access: roles
	enabled = {"name": ("in", holders), "enabled": 1}
	return frappe.get_all("User", filters=enabled, pluck="name", order_by="name")  # access: account status only
