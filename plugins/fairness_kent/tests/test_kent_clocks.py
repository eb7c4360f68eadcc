"""KEN-4: the manager meets the member of staff within 24 hours after physical contact or a serious threat,
and otherwise within 3 working days; a due meeting is a reminder, a late one goes to the next manager up
(KEN-10)."""

from datetime import date, datetime

import pytest
from fairness_app import roles
from fairness_app.procedure.clocks import ClockAlert, ClockStatus, ClockUnit
from fairness_app.procedure.decisions import EscalationAction, Recipient, RecipientKind
from fairness_app.testing import make_case, make_party, plugin_manager

from fairness_kent import Kent

CHAIN = ("mandy", "director", "chief")


def incident(flags=(), behaviours=("verbal_abuse",), chain=CHAIN, **fields):
	parties = [
		make_party("victim", "employee", user="sam", manager_chain=chain),
		make_party("subject", "service_user"),
	]
	return make_case(
		case_type="incident",
		procedure="third_party_incident",
		received_on=date(2026, 4, 30),
		parties=parties,
		flags=flags,
		behaviours=behaviours,
		**fields,
	)


def meeting_rule(case):
	decision = plugin_manager(Kent()).clock_rules(case)
	assert decision.decided_by == "kent"
	(rule,) = decision.value
	assert (rule.key, rule.starts_on, rule.stops_on, rule.requirement) == (
		"manager_meeting",
		"received",
		("manager_met",),
		"KEN-4",
	)
	return rule


@pytest.mark.req("KEN-4", "X-1")
@pytest.mark.parametrize("flag", ["physical_contact", "serious_threat"])
def test_physical_contact_or_a_serious_threat_means_a_meeting_within_24_hours_weekend_and_bank_holiday_too(
	flag,
):
	rule = meeting_rule(incident(flags={flag}))
	assert (rule.length, rule.unit) == (24, ClockUnit.HOURS)
	assert "within 24 hours" in rule.complainant_text
	# Reported at 17:30 on Friday 1 May 2026, before the early May bank holiday: due 17:30 on Saturday.
	calendar = plugin_manager(Kent()).calendar
	clock = rule.start(datetime(2026, 5, 1, 17, 30))
	assert clock.due(calendar) == datetime(2026, 5, 2, 17, 30)
	assert clock.status(calendar, datetime(2026, 5, 2, 17, 31)) is ClockStatus.MISSED


@pytest.mark.req("KEN-4", "X-1")
def test_otherwise_the_meeting_is_within_3_working_days_not_counting_the_bank_holiday():
	rule = meeting_rule(incident())
	assert (rule.length, rule.unit) == (3, ClockUnit.WORKING_DAYS)
	assert "within 3 working days" in rule.complainant_text
	calendar = plugin_manager(Kent()).calendar
	# Thursday 30 April 2026: Friday 1 May, (weekend, bank holiday Monday 4 May), Tuesday 5, Wednesday 6 May.
	assert calendar.non_working_reason(date(2026, 5, 4)) == "May Day"
	assert rule.start(datetime(2026, 4, 30)).due(calendar) == date(2026, 5, 6)


@pytest.mark.req("KEN-4")
def test_complaints_keep_the_apps_own_deadlines():
	assert plugin_manager(Kent()).clock_rules(make_case()).decided_by == "builtin"


def alert(case, status, at=datetime(2026, 5, 6, 9)):
	rule = meeting_rule(case)
	clock = rule.start(datetime(2026, 4, 30))
	return ClockAlert(clock, status, date(2026, 5, 6), at)


@pytest.mark.req("KEN-4")
def test_a_meeting_due_today_is_a_reminder_to_the_manager_handling_it():
	case = incident(reference="FI/2026-27/0001")
	escalation = plugin_manager(Kent()).clock_escalation(case, alert(case, ClockStatus.DUE))
	assert escalation.decided_by == "kent"
	assert escalation.value.action is EscalationAction.REMIND
	assert [r.value for r in escalation.value.recipients] == ["mandy"]
	assert "by the end of 6 May 2026" in escalation.value.message


@pytest.mark.req("KEN-4", "KEN-10")
def test_a_late_meeting_goes_to_the_next_manager_up_who_has_no_conflict_and_to_health_and_safety():
	case = incident(conflicted_users={"director"})
	escalation = plugin_manager(Kent()).clock_escalation(case, alert(case, ClockStatus.MISSED)).value
	assert escalation.action is EscalationAction.ESCALATE
	assert [(r.kind, r.value) for r in escalation.recipients] == [
		(RecipientKind.USER, "chief"),
		(RecipientKind.TEAM, "health_and_safety"),
	]


@pytest.mark.req("KEN-4")
def test_a_late_meeting_with_nobody_above_goes_to_health_and_safety():
	case = incident(chain=("mandy",))
	escalation = plugin_manager(Kent()).clock_escalation(case, alert(case, ClockStatus.MISSED)).value
	assert escalation.action is EscalationAction.NOTIFY_TEAM
	assert (
		Recipient.role(roles.HEALTH_AND_SAFETY_OFFICER, escalation.recipients[1].why) in escalation.recipients
	)


@pytest.mark.req("KEN-4")
def test_an_hour_clock_reminder_names_the_time():
	case = incident(flags={"physical_contact"})
	clock = meeting_rule(case).start(datetime(2026, 5, 1, 17, 30))
	due = ClockAlert(clock, ClockStatus.DUE, datetime(2026, 5, 2, 17, 30), datetime(2026, 5, 2, 9))
	assert "by 17:30 on 2 May 2026" in plugin_manager(Kent()).clock_escalation(case, due).value.message


@pytest.mark.req("X-5")
def test_other_clocks_are_left_to_the_next_plugin():
	case = make_case()
	clock = plugin_manager(Kent()).clock_rules(case).value[0].start(datetime(2026, 4, 1, 9))
	escalation = plugin_manager(Kent()).clock_escalation(
		case, ClockAlert(clock, ClockStatus.MISSED, date(2026, 4, 8), clock.started_at)
	)
	assert escalation.decided_by == "builtin"
