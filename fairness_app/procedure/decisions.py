"""What plugins answer with: who to tell, vetoes, escalations and notifications, as frozen data the app checks,
applies and records."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class RecipientKind(str, Enum):
	USER = "user"  # a site user id
	ROLE = "role"  # everyone on the case team holding a role, e.g. "Fairness Case Officer"
	PARTY = "party"  # the parties in a case role, e.g. "complainant"
	TEAM = "team"  # a named central team configured on the site, e.g. "central_equalities"


@dataclass(frozen=True)
class Recipient:
	kind: RecipientKind
	value: str
	why: str = ""  # e.g. "copy to the central equalities team (SOM-10)"

	def __post_init__(self):
		object.__setattr__(self, "kind", RecipientKind(self.kind))
		if not self.value:
			raise ValueError(f"A {self.kind.value} recipient needs a value.")

	@classmethod
	def user(cls, user: str, why: str = "") -> Recipient:
		return cls(RecipientKind.USER, user, why)

	@classmethod
	def role(cls, role: str, why: str = "") -> Recipient:
		return cls(RecipientKind.ROLE, role, why)

	@classmethod
	def party(cls, party_role: str, why: str = "") -> Recipient:
		return cls(RecipientKind.PARTY, str(getattr(party_role, "value", party_role)), why)

	@classmethod
	def team(cls, team: str, why: str = "") -> Recipient:
		return cls(RecipientKind.TEAM, team, why)


@dataclass(frozen=True)
class Veto:
	"""A validator's refusal of a workflow transition, in words the person making the move understands."""

	message: str
	plugin: str = ""  # filled in by the plugin manager


class EscalationAction(str, Enum):
	REMIND = "remind"  # remind the people already handling the case
	ESCALATE = "escalate"  # tell the next manager up
	REASSIGN = "reassign"  # give the case to someone else
	NOTIFY_TEAM = "notify_team"  # tell a central team


@dataclass(frozen=True)
class Escalation:
	action: EscalationAction
	recipients: tuple[Recipient, ...]
	message: str
	reassign_to: str | None = None  # a site user, for REASSIGN

	def __post_init__(self):
		object.__setattr__(self, "action", EscalationAction(self.action))
		object.__setattr__(self, "recipients", tuple(self.recipients))
		if self.action is EscalationAction.REASSIGN and not self.reassign_to:
			raise ValueError("A reassignment must name who the case goes to.")
		if not self.recipients and self.action is not EscalationAction.REASSIGN:
			raise ValueError("An escalation must say who to tell.")


def escalation_to_dict(escalation: Escalation) -> dict:
	"""A JSON-ready record of an escalation, so the app can decide it now and carry it out in the background."""
	return {
		"action": escalation.action.value,
		"recipients": recipients_to_list(escalation.recipients),
		"message": escalation.message,
		"reassign_to": escalation.reassign_to,
	}


def escalation_from_dict(data: dict) -> Escalation:
	return Escalation(
		action=data["action"],
		recipients=recipients_from_list(data["recipients"]),
		message=data["message"],
		reassign_to=data.get("reassign_to"),
	)


def recipients_to_list(recipients: tuple[Recipient, ...]) -> list[dict]:
	return [{"kind": recipient.kind.value, "value": recipient.value, "why": recipient.why} for recipient in recipients]


def recipients_from_list(data: list[dict]) -> tuple[Recipient, ...]:
	return tuple(Recipient(**recipient) for recipient in data)


class Channel(str, Enum):
	EMAIL = "email"
	WEBHOOK = "webhook"


@dataclass(frozen=True)
class Notification:
	recipients: tuple[Recipient, ...]
	subject: str
	message: str  # plain English; no personal details beyond what the recipient may already see
	channel: Channel = Channel.EMAIL

	def __post_init__(self):
		object.__setattr__(self, "recipients", tuple(self.recipients))
		object.__setattr__(self, "channel", Channel(self.channel))
		if not self.recipients:
			raise ValueError("A notification must say who to tell.")


def deliveries(notification: Notification) -> tuple[Notification, ...]:
	"""A notification as the app delivers it: one webhook post per central team (each team's own webhook, tried
	again on its own if it fails), and the other recipients told the usual way, once."""
	if notification.channel is not Channel.WEBHOOK:
		return (notification,)
	teams = [recipient for recipient in notification.recipients if recipient.kind is RecipientKind.TEAM]
	others = tuple(recipient for recipient in notification.recipients if recipient.kind is not RecipientKind.TEAM)
	posts = tuple(
		Notification((team,), notification.subject, notification.message, Channel.WEBHOOK) for team in teams
	)
	return posts + ((Notification(others, notification.subject, notification.message),) if others else ())
