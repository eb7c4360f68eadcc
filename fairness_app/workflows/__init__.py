"""The procedures the app ships, as data: one JSON template per procedure in templates/.

Frappe runs one workflow per doctype, so the installer (workflows/install.py) merges the templates for each doctype
into one Workflow record. Each transition is limited to its own procedure by a condition on the case's procedure,
and states the procedures share (Received, Closed, Withdrawn) appear once. This module only reads and checks the
templates; it never imports Frappe, so the templates are tested with plain pytest.
"""

import json
from dataclasses import dataclass
from pathlib import Path

from fairness_app.procedure.snapshots import StageCategory

TEMPLATES = Path(__file__).parent / "templates"


@dataclass(frozen=True)
class StageTemplate:
	state: str
	category: StageCategory
	event: str  # the case event entering the state raises: clocks start and stop on it
	message: str = ""  # shown on the form in this state: what to do next


@dataclass(frozen=True)
class TransitionTemplate:
	from_state: str
	action: str
	to_state: str
	allowed: tuple[str, ...]  # roles that may make the move
	handler_only: bool = False  # only the member of the case team who handles the case, not anyone with the role
	reason_required: bool = False  # backward moves and overrides say why


@dataclass(frozen=True)
class ProcedureTemplate:
	procedure: str  # the key routes name, e.g. "staff_complaint"
	title: str
	document_type: str
	requirements: tuple[str, ...]
	states: tuple[StageTemplate, ...]
	transitions: tuple[TransitionTemplate, ...]

	@property
	def condition(self) -> str:
		"""The workflow transition condition that keeps a move to cases following this procedure."""
		return f"doc.procedure == {self.procedure!r}"


def load_templates(folder: Path = TEMPLATES) -> tuple[ProcedureTemplate, ...]:
	templates = tuple(_parse(json.loads(path.read_text())) for path in sorted(folder.glob("*.json")))
	for document_type in {template.document_type for template in templates}:
		merged_states([template for template in templates if template.document_type == document_type])
	return templates


def merged_states(templates) -> tuple[StageTemplate, ...]:
	"""The states of one doctype's workflow: each once, the shared first state first. A state shared by two
	procedures must mean the same for their clocks."""
	first = {template.states[0].state for template in templates}
	if len(first) > 1:
		raise ValueError(f"Every procedure for a doctype must start in the same state, not {sorted(first)}.")
	states: dict[str, StageTemplate] = {}
	for template in templates:
		for stage in template.states:
			known = states.setdefault(stage.state, stage)
			if (known.category, known.event) != (stage.category, stage.event):
				raise ValueError(
					f"State {stage.state!r} means different things in two procedures; give one of them another name."
				)
	return tuple(states.values())


def _parse(data: dict) -> ProcedureTemplate:
	states = tuple(
		StageTemplate(row["state"], StageCategory(row["category"]), row["event"], row.get("message", ""))
		for row in data["states"]
	)
	transitions = tuple(
		TransitionTemplate(
			row["from"],
			row["action"],
			row["to"],
			tuple(row["allowed"]),
			bool(row.get("handler_only")),
			bool(row.get("reason_required")),
		)
		for row in data["transitions"]
	)
	template = ProcedureTemplate(
		data["procedure"], data["title"], data["document_type"], tuple(data["requirements"]), states, transitions
	)
	_check(template)
	return template


def _check(template: ProcedureTemplate) -> None:
	names = [stage.state for stage in template.states]
	if len(names) != len(set(names)):
		raise ValueError(f"Procedure {template.procedure!r} lists a state twice.")
	for stage in template.states:
		if not stage.event.replace("_", "").isalnum() or stage.event != stage.event.lower():
			raise ValueError(f"State {stage.state!r}: its event must be lower case words joined by underscores.")
	reachable = {names[0]} | {transition.to_state for transition in template.transitions}
	for transition in template.transitions:
		for state in (transition.from_state, transition.to_state):
			if state not in names:
				raise ValueError(f"Procedure {template.procedure!r}: {transition.action!r} uses unknown state {state!r}.")
		if not transition.allowed:
			raise ValueError(f"Procedure {template.procedure!r}: say who may {transition.action!r}.")
	if unreachable := sorted(set(names) - reachable):
		raise ValueError(f"Procedure {template.procedure!r}: nothing leads to {unreachable}.")
