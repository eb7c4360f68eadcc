"""How long a case's records are kept (SOM-13, DER-23, X-3)."""

from __future__ import annotations

from collections.abc import Mapping
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


def deletion_summary(counts: Mapping[str, int]) -> str:
	"""What a purge deleted, one kind of record a line, most first: "Version: 12", "Fairness Complaint: 2"."""
	lines = sorted(((kind, count) for kind, count in counts.items() if count), key=lambda line: (-line[1], line[0]))
	return "\n".join(f"{kind}: {count}" for kind, count in lines) or "Nothing"
