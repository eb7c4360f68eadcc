"""When to try again to deliver a notice that failed (a council's webhook was down, say): soon at first, then less
often, then never, and the case is told it could not be delivered."""

from __future__ import annotations

from datetime import datetime, timedelta

RETRY_AFTER = (timedelta(minutes=5), timedelta(minutes=15), timedelta(hours=1), timedelta(hours=4))


def next_try(failed_tries: int, failed_at: datetime) -> datetime | None:
	"""When to try again after `failed_tries` failed tries in all, the latest at `failed_at`; None to give up."""
	if failed_tries < 1:
		raise ValueError("Only a notice that failed is tried again.")
	if failed_tries > len(RETRY_AFTER):
		return None
	return failed_at + RETRY_AFTER[failed_tries - 1]
