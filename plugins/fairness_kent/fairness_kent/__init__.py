"""Kent County Council's council plugin for fairness_app.

It encodes the Respect and Dignity at Work Policy Statement and Guidance (abuse, harassment and violence
against staff by service users, the public, contractors, partners and councillors) and the use of the Kent
Code's annual declaration of interests as a conflict-of-interest register (KEN-1 to KEN-10):

- routing.py: which incidents are handled here and who handles them (KEN-1, KEN-10)
- taxonomy.py: Kent's kinds of incident and the abuse types in each (KEN-2)
- clocks.py: the manager meeting within 24 hours or 3 working days, and its reminders (KEN-4)
- checks.py: conflicted or involved people cannot move a case (KEN-10); risk assessment before actions (KEN-5)
- notices.py: support checklist, serious-case actions, legal options, compensation pointer (KEN-3 to KEN-9)
"""

from __future__ import annotations

from fairness_kent.checks import KentChecks
from fairness_kent.clocks import KentClocks
from fairness_kent.notices import KentNotifications
from fairness_kent.routing import KentRouting

__all__ = ["Kent"]


class Kent(KentRouting, KentClocks, KentChecks, KentNotifications):
	"""The plugin the `kent` entry point names: each part answers its own hooks."""
