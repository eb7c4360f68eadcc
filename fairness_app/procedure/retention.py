"""How long a case's records are kept (SOM-13, DER-23, X-3)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class RetentionRule:
	keep_until: date | None  # None: not yet known, e.g. the case is still open
	rule: str  # why, in words a records officer recognises: "2 years after resolution (SOM-13)"

	def __post_init__(self):
		if not self.rule.strip():
			raise ValueError("A retention decision must say which rule it follows.")

	def is_due(self, today: date, legal_hold: bool = False) -> bool:
		"""Whether the records may be destroyed today. A legal hold always stops the purge."""
		return not legal_hold and self.keep_until is not None and today > self.keep_until
