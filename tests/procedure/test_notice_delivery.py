"""How the app delivers what plugins ask for: a webhook notification becomes one post per central team and one
ordinary notice for everyone else, and a failed delivery is tried again less and less often, then given up."""

from datetime import datetime, timedelta

import pytest

from fairness_app.procedure.decisions import (
	Channel,
	Escalation,
	EscalationAction,
	Notification,
	Recipient,
	deliveries,
	escalation_from_dict,
	escalation_to_dict,
	recipients_from_list,
	recipients_to_list,
)
from fairness_app.procedure.retries import RETRY_AFTER, next_try

pytestmark = pytest.mark.req("X-5", "SOM-14", "CUM-9")

PORTAL = Recipient.team("incident_portal", "the incident portal")
EQUALITIES = Recipient.team("central_equalities")
OFFICERS = Recipient.role("Fairness Case Officer", "handling the case")
COMPLAINANT = Recipient.party("complainant")


def test_an_email_notification_is_delivered_as_it_is():
	notification = Notification((PORTAL, OFFICERS), "Subject", "Message")
	assert deliveries(notification) == (notification,)


def test_a_webhook_notification_posts_once_per_team_and_tells_everyone_else_the_usual_way():
	notification = Notification((OFFICERS, PORTAL, COMPLAINANT, EQUALITIES), "A deadline was missed", "Act now.", Channel.WEBHOOK)
	posts_and_notice = deliveries(notification)
	assert [(d.channel, d.recipients) for d in posts_and_notice] == [
		(Channel.WEBHOOK, (PORTAL,)),
		(Channel.WEBHOOK, (EQUALITIES,)),
		(Channel.EMAIL, (OFFICERS, COMPLAINANT)),
	]
	assert {(d.subject, d.message) for d in posts_and_notice} == {("A deadline was missed", "Act now.")}


def test_a_webhook_notification_for_teams_only_has_no_ordinary_notice():
	assert [d.recipients for d in deliveries(Notification((PORTAL,), "S", "M", Channel.WEBHOOK))] == [(PORTAL,)]


def test_recipients_survive_being_stored_as_json():
	recipients = (PORTAL, OFFICERS, COMPLAINANT, Recipient.user("someone@example.org", "asked"))
	assert recipients_from_list(recipients_to_list(recipients)) == recipients
	escalation = Escalation(EscalationAction.NOTIFY_TEAM, (PORTAL,), "Missed.")
	assert escalation_from_dict(escalation_to_dict(escalation)) == escalation


def test_a_failed_delivery_is_tried_again_less_and_less_often_then_given_up():
	failed_at = datetime(2026, 3, 2, 9, 0)
	waits = [next_try(tries, failed_at) - failed_at for tries in range(1, len(RETRY_AFTER) + 1)]
	assert waits == [timedelta(minutes=5), timedelta(minutes=15), timedelta(hours=1), timedelta(hours=4)]
	assert next_try(len(RETRY_AFTER) + 1, failed_at) is None


def test_only_a_failed_delivery_is_tried_again():
	with pytest.raises(ValueError, match="Only a notice that failed"):
		next_try(0, datetime(2026, 3, 2))
