"""docs/plugins.md documents every hook, with its real signature and an example that works."""

import ast
import inspect
import re
from pathlib import Path

import pytest

from fairness_app import hookspecs
from fairness_app.testing import plugin_manager

DOC = (Path(__file__).resolve().parent.parent / "docs" / "plugins.md").read_text(encoding="utf-8")
HOOKS = {
	name: function
	for name, function in inspect.getmembers(hookspecs, inspect.isfunction)
	if hasattr(function, f"{hookspecs.PROJECT}_spec")
}
SECTIONS = dict(re.findall(r"^### (\w+)\n(.*?)(?=^##|\Z)", DOC, flags=re.MULTILINE | re.DOTALL))


def python_blocks(text):
	return re.findall(r"```python\n(.*?)```", text, flags=re.DOTALL)


def test_there_are_hooks_to_document():
	assert len(HOOKS) >= 8


@pytest.mark.parametrize("hook", sorted(HOOKS))
def test_every_hook_has_a_section_with_its_real_signature(hook):
	assert hook in SECTIONS, f"docs/plugins.md has no '### {hook}' section"
	signature = python_blocks(SECTIONS[hook])[0].strip()
	assert signature.startswith(f"def {hook}("), f"the {hook} section does not start with its signature"
	documented = ast.parse(signature + ": ...").body[0]
	assert [arg.arg for arg in documented.args.args] == list(inspect.signature(HOOKS[hook]).parameters)


def test_no_section_documents_a_hook_that_does_not_exist():
	assert set(SECTIONS) <= set(HOOKS)


@pytest.mark.parametrize("hook", sorted(HOOKS))
def test_every_example_registers_as_a_plugin(hook):
	example = python_blocks(SECTIONS[hook])[1]
	namespace: dict = {}
	exec(compile(example, f"docs/plugins.md: {hook}", "exec"), namespace)
	plugins = [value() for value in namespace.values() if inspect.isclass(value) and hasattr(value, hook)]
	assert plugins, f"the {hook} example defines no plugin class implementing it"
	# A strict manager raises if the example's hook name or arguments do not match the specification.
	plugin_manager(*plugins)


def test_the_testing_example_passes():
	route_example = python_blocks(SECTIONS["fairness_route_case"])[1]
	testing_example = python_blocks(DOC.split("## Testing your plugin")[1])[0]
	namespace: dict = {}
	exec(compile(route_example, "docs/plugins.md: routing", "exec"), namespace)
	exec(compile(testing_example, "docs/plugins.md: testing", "exec"), namespace)
	namespace["test_councillor_complaints_go_to_the_county_solicitor"]()
