"""The Python templates render what black would write: black has nothing to change in any rendered
file (it costs about four times as much when it rewrites a file, and then checks its output with a
second pass). The layouts of spec-dependent lines are computed in generator/targets/python_layout.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.build import load_api
from generator.formatting import format_python
from generator.render import render_target
from generator.targets import all_targets
from generator.targets.python import layout
from snapshots import BUNDLED_SPEC, ROOT

FIXTURES = ROOT / "tests" / "specs" / "fixtures"
SPECS = [BUNDLED_SPEC, FIXTURES / "kitchen_sink.yaml", FIXTURES / "petstore.yaml", FIXTURES / "zoo_unions.yaml"]


def rendered_python(spec: Path) -> dict[str, str]:
    """The Python target's files as rendered, before formatting."""
    target = all_targets()["python"]
    api = load_api(spec.relative_to(ROOT).as_posix(), {"python": target})  # the python checks only
    return {path: text for path, text in render_target(target, api).items() if path.endswith(".py")}


@pytest.mark.parametrize("spec", SPECS, ids=lambda p: p.stem)
def test_black_leaves_every_rendered_python_file_unchanged(spec: Path) -> None:
    files = rendered_python(spec)
    assert len(files) > 10
    changed = [path for path, text in files.items() if format_python(text) != text]
    assert changed == []


def lines_of(*parts: str) -> str:
    return "\n".join(parts)


def test_bracketed_call_keeps_one_line_then_a_body_line_then_one_item_per_line() -> None:
    assert layout.bracketed("f(", ["a", "b"], ")", "    ") == "    f(a, b)"
    items = ["x" * 41, "y" * 41]
    body_line = layout.bracketed("call_me(", items, ")", "")
    assert body_line == lines_of("call_me(", f"    {items[0]}, {items[1]}", ")")
    items = ["x" * 50, "y" * 50]
    exploded = layout.bracketed("call_me(", items, ")", "")
    assert exploded == lines_of("call_me(", f"    {items[0]},", f"    {items[1]},", ")")
    for text in (body_line, exploded):
        assert format_python(text + "\n") == text + "\n"


def test_collections_and_imports_go_one_item_per_line_once_split() -> None:
    names = [f'"Name{i:02d}"' for i in range(12)]
    assert layout.bracketed("__all__ = [", names, "]", kind="collection").splitlines()[1:3] == [
        '    "Name00",',
        '    "Name01",',
    ]
    assert layout.import_from(".m", ["A"]) == "from .m import A"
    assert layout.import_from(".m", ["A" * 90]) == lines_of("from .m import (", f"    {'A' * 90},", ")")


def test_a_field_default_goes_in_parentheses_when_the_line_up_to_them_fits() -> None:
    annotation = 'Optional[Literal["abcdefghij", "abcdefghij", "abcdefghij", "abcdefgh"]]'
    wrapped = layout.annotated("status", annotation, "None", "    ")
    assert wrapped == lines_of(f"    status: {annotation} = (", "        None", "    )")
    longer = annotation.replace("abcdefgh", "abcdefghijkl")
    split = layout.annotated("status", longer, "None", "    ")
    assert split == lines_of("    status: Optional[", f"        {longer[9:-1]}", "    ] = None")
    aliased = layout.annotated("from_", "Optional[str]", 'Field(default=None, alias="from")', " " * 40)
    assert aliased.splitlines()[1:] == [" " * 44 + 'default=None, alias="from"', " " * 40 + ")"]
    for laid_out in (wrapped, split):
        assert format_python(f"class A:\n{laid_out}\n") == f"class A:\n{laid_out}\n"


def test_docstrings_are_written_as_black_rewrites_them() -> None:
    assert layout.docstring('  says "hi\\"', "    ") == '"""says "hi\\" """'
    assert layout.docstring("first\nsecond  ", "    ") == '"""first\n    second"""'
    long_last = "first\n" + "x" * 86
    assert layout.docstring(long_last, "") == f'"""first\n{"x" * 86}\n"""'
