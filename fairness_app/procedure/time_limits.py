"""How long after the latest incident a complaint may still be made, and whether one arrived in time (DER-2)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from fairness_app.procedure.calendar import add_months


@dataclass(frozen=True)
class TimeLimit:
	"""`months` after the latest incident, or no limit when None. `who_may_extend` names, in plain words, who may
	accept a late complaint; the case records who did and why. With an `approver_role`, the person recorded must
	hold that role."""

	months: int | None
	who_may_extend: str
	requirement: str | None = None
	approver_role: str | None = None

	def __post_init__(self):
		if self.months is not None and self.months < 1:
			raise ValueError("A time limit is at least one month, or None for no limit.")
		if not self.who_may_extend.strip():
			raise ValueError("Say who may accept a late complaint.")

	def last_day(self, latest_incident_on: date) -> date | None:
		return None if self.months is None else add_months(latest_incident_on, self.months)

	def is_late(self, latest_incident_on: date, received_on: date) -> bool:
		last_day = self.last_day(latest_incident_on)
		return last_day is not None and received_on > last_day
