"""Routing a new case: which procedure applies and who receives it (SOM-10, DER-1, FHB-3), with the building blocks
that several councils' plugins share."""

from __future__ import annotations

from dataclasses import dataclass

from fairness_app.procedure.decisions import Recipient
from fairness_app.procedure.snapshots import CaseSnapshot, PartyRole


@dataclass(frozen=True)
class Redirect:
	"""The case belongs to another procedure (SOM-1, DER-1): it is recorded and referred, not handled here."""

	procedure_name: str  # in plain English, e.g. "the corporate complaints procedure"
	reason: str
	requirement: str = ""


@dataclass(frozen=True)
class Route:
	procedure: str  # the workflow template key, e.g. "staff_complaint"
	recipients: tuple[Recipient, ...]  # who receives the case and handles it
	copies: tuple[Recipient, ...] = ()  # who is told of it (SOM-10's central team)
	redirect: Redirect | None = None
	requirement: str = ""  # the policy clause behind this route

	def __post_init__(self):
		object.__setattr__(self, "recipients", tuple(self.recipients))
		object.__setattr__(self, "copies", tuple(self.copies))
		if not self.procedure:
			raise ValueError("A route must name the procedure that applies.")
		if not self.recipients and self.redirect is None:
			raise ValueError("A route must say who receives the case, or redirect it.")


def first_manager_not_involved(case: CaseSnapshot, role: PartyRole | str = PartyRole.COMPLAINANT) -> str | None:
	"""The complainant's line manager, or the next manager up when that manager is a subject of the complaint, a
	party to it or has declared a conflict (FHB-3, DER-7). None when nobody in the chain is free to act."""
	party = case.first_party(role)
	if party is None:
		return None
	involved = case.involved_users()
	return next((manager for manager in party.manager_chain if manager not in involved), None)
