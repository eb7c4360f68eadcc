"""Meetings and hearings: who may come with the person invited, how much notice they are given, and how often and
how far a meeting may be put off (DER-4, DER-5, FHB-7, FHB-12). Each council's plugin sets its own MeetingRules;
the built-in rules allow any companion, any notice and any postponement."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum

from fairness_app.procedure.calendar import WorkingCalendar, as_date


class MeetingType(str, Enum):
	"""The kinds of meeting a case records. Values are what the case form shows."""

	MANAGER = "Meeting with the manager"
	FORMAL_COMPLAINT = "Formal complaint meeting"
	INVESTIGATION_INTERVIEW = "Investigation interview"
	HEARING = "Hearing"
	APPEAL_HEARING = "Appeal hearing"
	REVIEW = "Review meeting"
	OTHER = "Other"

	@property
	def arranged_event(self) -> str:
		"""The case event raised when a meeting of this kind is first recorded with its time, from the words on the
		form: "appeal_hearing_arranged", "meeting_with_the_manager_arranged"."""
		return self._key + "_arranged"

	@property
	def held_event(self) -> str:
		"""The case event raised when a meeting of this kind is recorded as held, from the words on the form:
		"appeal_hearing_held", "formal_complaint_meeting_held", "meeting_with_the_manager_held"."""
		return self._key + "_held"

	@property
	def _key(self) -> str:
		return re.sub(r"[^a-z0-9]+", "_", self.value.lower()).strip("_")


class Companion(str, Enum):
	"""Who comes with the person invited. Values are what the case form shows."""

	TRADE_UNION = "Trade union representative"
	COLLEAGUE = "Workplace colleague"
	LEGAL = "Solicitor or other legal representative"
	FRIEND_OR_RELATIVE = "Friend or relative"
	OTHER = "Someone else"


class PostponementReason(str, Enum):
	"""Why a meeting was put off (DER-5 lists the reasons Derby accepts). Values are what the case form shows."""

	COMPANION = "To arrange a companion or representative"
	INFORMATION = "More time to gather information"
	WITNESSES = "So that key witnesses can attend"
	HOLIDAY = "A holiday booked beforehand"
	OBLIGATORY_ABSENCE = "An absence that cannot be avoided, such as jury service"
	BEREAVEMENT = "Bereavement"
	MEDICAL = "Medical grounds"
	OTHER = "Another reason"


@dataclass(frozen=True)
class MeetingRules:
	"""`companions` who may attend; at least `notice_working_days[kind]` working days between the invitation being
	sent and a meeting of that kind; at most `max_postponements` postponements of one meeting, each by at most
	`max_postponement_days` calendar days unless for one of the `unlimited_reasons` (None: no limit). A meeting is
	put off only for one of the `accepted_reasons` (None: any reason), and a reason in `evidence_needed` only once
	the evidence it names, in plain words, has been seen (DER-5: a medical certificate)."""

	companions: frozenset[Companion] = frozenset(Companion)
	notice_working_days: Mapping[MeetingType, int] = field(default_factory=dict)
	max_postponements: int | None = None
	max_postponement_days: int | None = None
	unlimited_reasons: frozenset[PostponementReason] = frozenset({PostponementReason.MEDICAL})
	accepted_reasons: frozenset[PostponementReason] | None = None
	evidence_needed: Mapping[PostponementReason, str] = field(default_factory=dict)
	requirement: str = ""
	who_decides: str = "the person arranging the meeting"  # in plain words, for the messages below

	def __post_init__(self):
		object.__setattr__(self, "companions", frozenset(Companion(value) for value in self.companions))
		object.__setattr__(self, "unlimited_reasons", _reasons(self.unlimited_reasons))
		if self.accepted_reasons is not None:
			object.__setattr__(self, "accepted_reasons", _reasons(self.accepted_reasons))
		evidence = {PostponementReason(reason): what for reason, what in dict(self.evidence_needed).items()}
		object.__setattr__(self, "evidence_needed", evidence)
		notice = {MeetingType(kind): days for kind, days in dict(self.notice_working_days).items()}
		object.__setattr__(self, "notice_working_days", notice)
		if not self.companions:
			raise ValueError("Allow at least one kind of companion.")
		if self.accepted_reasons is not None and not self.accepted_reasons:
			raise ValueError("Accept at least one reason for putting a meeting off, or None for any reason.")
		if any(not str(what).strip() for what in evidence.values()):
			raise ValueError("Say, in plain words, what evidence a reason for putting a meeting off needs.")
		if any(days < 0 for days in notice.values()):
			raise ValueError("Notice of a meeting cannot be a negative number of working days.")
		for name in ("max_postponements", "max_postponement_days"):
			value = getattr(self, name)
			if value is not None and value < 0:
				raise ValueError(f"{name} cannot be negative.")

	def companion_refusal(self, companion: Companion | str | None) -> str | None:
		"""Why this companion may not attend, or None when they may."""
		if not companion or Companion(companion) in self.companions:
			return None
		allowed = ", ".join(sorted(kind.value.lower() for kind in self.companions))
		refused = Companion(companion).value.lower()
		return f"A {refused} cannot come to meetings under this procedure. They may bring: {allowed}."

	def notice_refusal(
		self,
		meeting_type: MeetingType | str | None,
		invited_on: date,
		meeting_at: date | datetime,
		calendar: WorkingCalendar,
	) -> str | None:
		"""Why a meeting set for `meeting_at` gives too little notice when the invitation went on `invited_on`, or
		None when it gives enough. "5 working days' notice" means the meeting is on the 5th working day after the
		invitation or later."""
		days = self.notice_working_days.get(MeetingType(meeting_type)) if meeting_type else None
		if not days:
			return None
		earliest = calendar.add_working_days(invited_on, days)
		if as_date(meeting_at) >= earliest:
			return None
		kind = MeetingType(meeting_type).value.lower()
		return (
			f"The person invited must have at least {days} working days' notice of this {kind}. The invitation went on "
			f"{invited_on:%-d %B %Y}, so the {kind} can be no earlier than {earliest:%A %-d %B %Y}. Set it for "
			"that day or later."
		)

	def postponement_refusal(
		self,
		*,
		set_for: datetime,
		moved_to: datetime,
		reason: PostponementReason | str,
		earlier_postponements: int,
		evidence_seen: bool = False,
	) -> str | None:
		"""Why the meeting set for `set_for` may not move to `moved_to`, or None when it may."""
		reason = PostponementReason(reason)
		if moved_to <= set_for:
			return "A postponed meeting must be later than the time it was set for."
		if self.max_postponements is not None and earlier_postponements >= self.max_postponements:
			times = "once" if self.max_postponements == 1 else f"{self.max_postponements} times"
			return (
				f"This meeting has already been put off {times}, which is as often as this procedure allows. "
				f"Record it as held or not attended, and {self.who_decides} will decide how to go on."
			)
		if self.accepted_reasons is not None and reason not in self.accepted_reasons:
			listed = "; ".join(
				accepted.value.lower() for accepted in PostponementReason if accepted in self.accepted_reasons
			)
			return (
				f"Under this procedure a meeting can be put off only for one of these reasons: {listed}. If none of "
				f"them applies, the meeting stays as it is unless {self.who_decides} decides otherwise."
			)
		if reason in self.evidence_needed and not evidence_seen:
			return (
				f"The reason given, {reason.value.lower()}, needs {self.evidence_needed[reason]}. Once you have seen "
				"it, tick Evidence seen and save again."
			)
		days = (moved_to.date() - set_for.date()).days
		limit = self.max_postponement_days
		if limit is not None and days > limit and reason not in self.unlimited_reasons:
			exempt = " or ".join(sorted(exempt.value.lower() for exempt in self.unlimited_reasons))
			unless = f", unless the reason is {exempt}" if exempt else ""
			return f"A meeting can be put off by at most {limit} days{unless}. This moves it by {days} days."
		return None


def _reasons(values) -> frozenset[PostponementReason]:
	return frozenset(PostponementReason(value) for value in values)
