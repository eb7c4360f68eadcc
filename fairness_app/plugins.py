"""The plugin manager: finds council plugins by entry point, registers the ones a site enables after the built-in
rules, asks them for decisions and contributions, and keeps a broken plugin from breaking a case.

Failure isolation: when a plugin raises or answers with the wrong type, the failure is reported (naming the
plugin, the hook and the case) and the decision passes on as if that plugin were not installed, ending at the
built-in rules. A validator that fails blocks the transition instead, because allowing a move that a council's
policy may forbid is worse than asking someone to try again.

Pure Python: the Frappe layer (fairness_app.services.plugin_registry) supplies the site's settings and the place
where failures are logged.
"""

from __future__ import annotations

import importlib.metadata
import inspect
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Any, Generic, TypeVar

import pluggy

from fairness_app import hookspecs
from fairness_app.hookspecs import PROJECT
from fairness_app.procedure.calendar import WorkingCalendar
from fairness_app.procedure.clocks import ClockAlert, ClockRule
from fairness_app.procedure.decisions import Escalation, Notification, Veto
from fairness_app.procedure.defaults import NAME as BUILTIN
from fairness_app.procedure.defaults import BuiltinRules
from fairness_app.procedure.meetings import MeetingRules
from fairness_app.procedure.references import ReferenceCounter
from fairness_app.procedure.retention import RetentionRule
from fairness_app.procedure.routes import Route
from fairness_app.procedure.snapshots import CaseEvent, CaseSnapshot, Transition
from fairness_app.procedure.time_limits import TimeLimit

ENTRY_POINT_GROUP = "fairness_app"

hookimpl = pluggy.HookimplMarker(PROJECT)

T = TypeVar("T")


@dataclass(frozen=True)
class PluginFailure:
	plugin: str
	hook: str
	case: str  # the case reference or record id; "" when the failure is not about a case
	error: str  # the exception type and message: never a traceback's local variables, which hold case text

	def describe(self) -> str:
		about = f" for case {self.case}" if self.case else ""
		return f"The plugin '{self.plugin}' failed in {self.hook}{about}: {self.error}"


@dataclass(frozen=True)
class Decision(Generic[T]):
	"""A hook's answer and the plugin that gave it, with any plugins that failed before it."""

	value: T
	decided_by: str
	failures: tuple[PluginFailure, ...] = ()

	@property
	def fell_back(self) -> bool:
		return bool(self.failures)


@dataclass(frozen=True)
class Contributions(Generic[T]):
	"""What every plugin contributed to a list hook, each item with the plugin that gave it."""

	items: tuple[tuple[str, T], ...]
	failures: tuple[PluginFailure, ...] = ()

	@property
	def values(self) -> tuple[T, ...]:
		return tuple(value for _, value in self.items)


@dataclass(frozen=True)
class SiteConfig:
	"""The part of a site's Fairness Settings that shapes its plugins: when any of it changes, the site's
	plugin manager is rebuilt."""

	plugins: tuple[str, ...] = ()  # entry-point names, in the order they are asked (first wins)
	nation: str = "ENG"
	closures: tuple[date, ...] = ()


class NoDecision(RuntimeError):
	"""Even the built-in rule failed: a bug in the app, never in a council plugin."""


FailureReporter = Callable[[PluginFailure], None]


def installed_plugins() -> dict[str, importlib.metadata.EntryPoint]:
	"""The council plugins installed on this server, by entry-point name."""
	return {ep.name: ep for ep in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP)}


def load_plugin(name: str) -> object:
	"""Import an installed plugin: its entry point names a module, a class (made with no arguments) or an object."""
	entry_point = installed_plugins().get(name)
	if entry_point is None:
		raise LookupError(f"No plugin called '{name}' is installed on this server.")
	plugin = entry_point.load()
	return plugin() if inspect.isclass(plugin) else plugin


class FairnessPlugins:
	"""The plugins of one site, in the order they are asked, with the built-in rules last."""

	def __init__(
		self,
		plugins: Sequence[tuple[str, object]] = (),
		config: SiteConfig = SiteConfig(),
		on_failure: FailureReporter | None = None,
	):
		self.config = config
		self._on_failure = on_failure
		self.load_failures: list[PluginFailure] = []
		self._pm = pluggy.PluginManager(PROJECT)
		self._pm.add_hookspecs(hookspecs)
		self._pm.register(BuiltinRules(), name=BUILTIN)
		# pluggy asks the most recently registered plugin first, so register the first-named plugin last.
		for name, plugin in reversed(plugins):
			self._register(name, plugin)

	@classmethod
	def for_site(cls, config: SiteConfig, on_failure: FailureReporter | None = None) -> FairnessPlugins:
		"""Load the plugins a site enables from their entry points. One that cannot be loaded is reported and
		left out, so the site carries on with the others and the built-in rules."""
		loaded, failures = [], []
		for name in config.plugins:
			try:
				loaded.append((name, load_plugin(name)))
			except Exception as exc:
				failures.append(PluginFailure(name, "loading", "", _describe(exc)))
		manager = cls(loaded, config, on_failure)
		for failure in failures:
			manager._report(failure)
		return manager

	def _register(self, name: str, plugin: object) -> None:
		try:
			self._pm.register(plugin, name=name)
			self._pm.check_pending()
		except Exception as exc:
			if self._pm.is_registered(plugin):
				self._pm.unregister(plugin)
			self._report(PluginFailure(name, "registration", "", _describe(exc)))

	def _report(self, failure: PluginFailure) -> PluginFailure:
		if failure.hook in ("loading", "registration"):
			self.load_failures.append(failure)
		if self._on_failure is not None:
			self._on_failure(failure)
		return failure

	@property
	def names(self) -> list[str]:
		"""Registered plugins in the order they are asked, the built-in rules last."""
		return [name for name, _ in reversed(self._pm.list_name_plugin())]

	def _implementations(self, hook: str) -> list[pluggy.HookImpl]:
		impls = getattr(self._pm.hook, hook).get_hookimpls()
		return [impl for impl in reversed(impls) if not (impl.hookwrapper or impl.wrapper)]

	def _answers(self, hook: str, case_label: str, kwargs: dict[str, Any]):
		"""Each plugin's answer in turn, as (plugin, result, failure)."""
		for impl in self._implementations(hook):
			try:
				result = impl.function(**{arg: kwargs[arg] for arg in impl.argnames})
			except Exception as exc:
				yield impl.plugin_name, None, self._report(
					PluginFailure(impl.plugin_name, hook, case_label, _describe(exc))
				)
				continue
			yield impl.plugin_name, result, None

	def _decide(self, hook: str, case_label: str, check: Callable[[Any], T], **kwargs) -> Decision[T]:
		failures = []
		for plugin, result, failure in self._answers(hook, case_label, kwargs):
			if failure or result is None:
				failures += [failure] if failure else []
				continue
			try:
				return Decision(check(result), plugin, tuple(failures))
			except (TypeError, ValueError) as exc:
				failures.append(self._report(PluginFailure(plugin, hook, case_label, str(exc))))
		raise NoDecision(f"No plugin answered {hook} for case {case_label}.")

	# Decisions

	def route_case(self, case: CaseSnapshot) -> Decision[Route]:
		return self._decide("fairness_route_case", case.label, _expect(Route), case=case)

	def case_reference(self, case: CaseSnapshot, counter: ReferenceCounter) -> Decision[str]:
		return self._decide("fairness_case_reference", case.label, _reference, case=case, counter=counter)

	def clock_rules(self, case: CaseSnapshot) -> Decision[tuple[ClockRule, ...]]:
		return self._decide("fairness_clock_rules", case.label, _clock_rules, case=case)

	@cached_property
	def calendar(self) -> WorkingCalendar:
		"""The site's working calendar (decided once per manager: it only changes with the settings)."""
		decision = self._decide(
			"fairness_working_calendar",
			"",
			_expect(WorkingCalendar),
			nation=self.config.nation,
			closures=tuple(self.config.closures),
		)
		return decision.value

	def clock_escalation(self, case: CaseSnapshot, alert: ClockAlert) -> Decision[Escalation]:
		return self._decide("fairness_clock_escalation", case.label, _expect(Escalation), case=case, alert=alert)

	def time_limit(self, case: CaseSnapshot) -> Decision[TimeLimit]:
		return self._decide("fairness_time_limit", case.label, _expect(TimeLimit), case=case)

	def meeting_rules(self, case: CaseSnapshot) -> Decision[MeetingRules]:
		return self._decide("fairness_meeting_rules", case.label, _expect(MeetingRules), case=case)

	def retention(self, case: CaseSnapshot) -> Decision[RetentionRule]:
		return self._decide("fairness_retention", case.label, _expect(RetentionRule), case=case)

	# Contributions

	def validate_transition(self, case: CaseSnapshot, transition: Transition) -> list[Veto]:
		"""Every plugin's objection to a move. A validator that fails or answers nonsense blocks the move."""
		vetoes = []
		hook = "fairness_validate_transition"
		for plugin, result, failure in self._answers(hook, case.label, {"case": case, "transition": transition}):
			if failure:
				vetoes.append(Veto(_blocked_because(plugin, "could not run"), plugin))
			elif isinstance(result, str) and result.strip():
				vetoes.append(Veto(result.strip(), plugin))
			elif result is not None and not isinstance(result, str):
				self._report(PluginFailure(plugin, hook, case.label, f"answered {type(result).__name__}, not a message"))
				vetoes.append(Veto(_blocked_because(plugin, "gave an answer the app could not read"), plugin))
		return vetoes

	def notifications(self, case: CaseSnapshot, event: CaseEvent) -> Contributions[Notification]:
		items, failures = [], []
		hook = "fairness_notifications"
		for plugin, result, failure in self._answers(hook, case.label, {"case": case, "event": event}):
			if failure:
				failures.append(failure)
				continue
			for notification in result or ():
				if isinstance(notification, Notification):
					items.append((plugin, notification))
				else:
					wrong = f"answered {type(notification).__name__}, not a Notification"
					failures.append(self._report(PluginFailure(plugin, hook, case.label, wrong)))
		return Contributions(tuple(items), tuple(failures))


class PluginCache:
	"""One FairnessPlugins per site, rebuilt when the site's config changes. Thread-safe, and keyed by site so one
	bench can serve several councils from the same worker."""

	def __init__(self, build: Callable[[SiteConfig, FailureReporter | None], FairnessPlugins] = FairnessPlugins.for_site):
		self._build = build
		self._lock = threading.Lock()
		self._by_site: dict[str, FairnessPlugins] = {}

	def get(self, site: str, config: SiteConfig, on_failure: FailureReporter | None = None) -> FairnessPlugins:
		with self._lock:
			cached = self._by_site.get(site)
			if cached is None or cached.config != config:
				cached = self._by_site[site] = self._build(config, on_failure)
			return cached

	def forget(self, site: str | None = None) -> None:
		with self._lock:
			if site is None:
				self._by_site.clear()
			else:
				self._by_site.pop(site, None)


def _describe(exc: BaseException) -> str:
	return f"{type(exc).__name__}: {exc}"


def _blocked_because(plugin: str, what: str) -> str:
	return (
		f"This move is blocked because the '{plugin}' check {what}. Nothing has been changed. "
		"Please try again later, or ask your Fairness administrator to look at the error log."
	)


def _expect(kind: type[T]) -> Callable[[Any], T]:
	def check(result: Any) -> T:
		if not isinstance(result, kind):
			raise TypeError(f"answered {type(result).__name__}, not a {kind.__name__}")
		return result

	return check


def _reference(result: Any) -> str:
	if not isinstance(result, str) or not result.strip():
		raise TypeError(f"answered {result!r}, not a reference")
	if len(result) > 140:
		raise ValueError(f"gave a reference of {len(result)} characters; the limit is 140")
	return result.strip()


def _clock_rules(result: Any) -> tuple[ClockRule, ...]:
	if isinstance(result, (str, bytes)) or not isinstance(result, Sequence):
		raise TypeError(f"answered {type(result).__name__}, not a list of ClockRule")
	rules = tuple(result)
	wrong = [type(rule).__name__ for rule in rules if not isinstance(rule, ClockRule)]
	if wrong:
		raise TypeError(f"answered a list holding {', '.join(wrong)}, not only ClockRule")
	keys = [rule.key for rule in rules]
	if len(set(keys)) != len(keys):
		raise ValueError(f"gave two clock rules with the same key: {sorted(keys)}")
	return rules
