"""A testing kit for plugin authors: build a plugin manager holding just your plugin (plus the built-in rules),
make case snapshots in one line, and install a plugin under a real entry point for the length of a test.

	from fairness_app.testing import make_case, make_party, plugin_manager

	def test_councillor_complaints_go_to_the_solicitor():
		plugins = plugin_manager(MyCouncil())
		case = make_case(parties=[make_party("subject", "councillor")])
		assert plugins.route_case(case).decided_by == "my_council"

Add `pytest_plugins = ["fairness_app.testing"]` to your conftest.py for the `counter` and `strict_plugins` fixtures.
No Frappe site is needed: everything here is plain Python.
"""

from __future__ import annotations

import contextlib
import sys
import tempfile
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

from fairness_app.plugins import FairnessPlugins, PluginFailure, SiteConfig
from fairness_app.procedure.calendar import WorkingCalendar
from fairness_app.procedure.clocks import ClockRule, Occurrence
from fairness_app.procedure.references import MemoryCounter
from fairness_app.procedure.snapshots import CaseSnapshot, Deadline, PartyKind, PartyRole, PartySnapshot

__all__ = [
	"PluginFailed",
	"installed_plugin",
	"make_case",
	"make_deadline",
	"make_party",
	"plugin_manager",
	"MemoryCounter",
]


class PluginFailed(AssertionError):
	"""Raised by a strict manager the moment a plugin fails, so the test shows the plugin's own error."""

	def __init__(self, failure: PluginFailure):
		super().__init__(failure.describe())
		self.failure = failure


def _raise(failure: PluginFailure) -> None:
	raise PluginFailed(failure)


def plugin_manager(
	*plugins: object, config: SiteConfig = SiteConfig(), strict: bool = True, on_failure=None
) -> FairnessPlugins:
	"""A manager with the given plugins (asked in the order given) and the built-in rules last.

	Pass a plugin object, or a (name, plugin) pair to choose the name decisions are recorded under; otherwise the
	name is the plugin's module or class name in snake case. With strict=True (the default) a failing plugin
	raises `PluginFailed` instead of falling back, so a bug in your plugin fails your test loudly; use
	strict=False to test what the app does when your plugin fails.
	"""
	named = [plugin if isinstance(plugin, tuple) else (_name_of(plugin), plugin) for plugin in plugins]
	reporter = on_failure if on_failure is not None else (_raise if strict else None)
	return FairnessPlugins(named, config=config, on_failure=reporter)


def _name_of(plugin: object) -> str:
	if isinstance(plugin, type(sys)):
		return plugin.__name__.rsplit(".", 1)[-1]
	name = type(plugin).__name__
	return "".join(f"_{c.lower()}" if c.isupper() else c for c in name).lstrip("_")


def make_party(
	role: PartyRole | str = PartyRole.COMPLAINANT,
	kind: PartyKind | str = PartyKind.EMPLOYEE,
	party_id: str | None = None,
	**fields,
) -> PartySnapshot:
	"""A party in one case. Extra fields: user, manager_chain, tags."""
	role, kind = PartyRole(role), PartyKind(kind)
	return PartySnapshot(party_id=party_id or f"{role.value}-{kind.value}", role=role, kind=kind, **fields)


def make_case(**fields) -> CaseSnapshot:
	"""A complaint received on 1 April 2026 by default; pass any CaseSnapshot field to change it."""
	fields.setdefault("case_id", "TEST-0001")
	fields.setdefault("case_type", "complaint")
	fields.setdefault("received_on", date(2026, 4, 1))
	return CaseSnapshot(**fields)


def make_deadline(
	rule: ClockRule,
	started_at: datetime,
	met_at: datetime | None = None,
	nation: str = "ENG",
	occurrence: Occurrence | None = None,
) -> Deadline:
	"""The deadline a case shows for `rule` when its clock started at `started_at`, counted on the bank holidays
	of `nation` as the app counts it; pass `met_at` for a clock already stopped, and the `occurrence` (with its
	time) for a rule that runs per record or counts back from a hearing."""
	clock = rule.start(started_at, occurrence)
	return Deadline(key=clock.key, started_at=started_at, due=clock.due(WorkingCalendar(nation)), met_at=met_at)


@contextlib.contextmanager
def installed_plugin(name: str, target: str, distribution: str | None = None) -> Iterator[None]:
	"""Install a plugin under the `fairness_app` entry-point group for the duration of the block, exactly as
	`pip install` of a package declaring `entry_points={"fairness_app": ["<name> = <target>"]}` would.

	`target` is "module" or "module:attribute" and must be importable. Used by the app's own tests of discovery,
	and useful to plugin authors who want to test their entry point without building a wheel.
	"""
	distribution = distribution or f"fairness-test-{name}".replace("_", "-")
	with tempfile.TemporaryDirectory() as folder:
		info = Path(folder) / f"{distribution.replace('-', '_')}-0.0.0.dist-info"
		info.mkdir()
		(info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {distribution}\nVersion: 0.0.0\n")
		(info / "entry_points.txt").write_text(f"[fairness_app]\n{name} = {target}\n")
		sys.path.insert(0, folder)
		try:
			yield
		finally:
			sys.path.remove(folder)


try:
	import pytest
except ImportError:  # the kit's helpers work without pytest; only the fixtures need it
	pytest = None

if pytest is not None:

	@pytest.fixture
	def counter() -> MemoryCounter:
		"""A fresh reference counter for each test."""
		return MemoryCounter()

	@pytest.fixture
	def strict_plugins():
		"""`strict_plugins(MyPlugin())` builds a strict manager: a failing plugin fails the test."""
		return plugin_manager
