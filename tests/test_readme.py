"""The README's ten-minute plugin guide must keep working as written."""

import re
import sys
import types
from pathlib import Path

import pytest

from fairness_app.procedure.references import MemoryCounter

README = Path(__file__).resolve().parent.parent / "README.md"


def python_blocks() -> list[str]:
	return re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.DOTALL)


@pytest.mark.req("X-5")
def test_the_guide_plugin_and_its_test_run(monkeypatch):
	plugin_source, test_source = python_blocks()[:2]
	module = types.ModuleType("my_council")
	exec(compile(plugin_source, "README.md: my_council", "exec"), module.__dict__)
	monkeypatch.setitem(sys.modules, "my_council", module)

	test_namespace: dict = {}
	exec(compile(test_source, "README.md: test", "exec"), test_namespace)
	test_namespace["test_references_restart_each_financial_year"](MemoryCounter())

	rules = module.MyCouncil().fairness_clock_rules(case=None)
	assert [rule.key for rule in rules] == ["acknowledgement"]
