"""Spec file -> a plain tree of dicts, lists and scalars that remembers source positions.

Uses libyaml's C composer when PyYAML was built with it (several times faster on big specs),
and the pure-Python one otherwise; both give the same nodes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from generator.diagnostics import Diagnostic, SpecError
from generator.ir import Location

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_constructor = yaml.constructor.SafeConstructor()


class YMap(dict):  # type: ignore[type-arg]
    """A YAML mapping with the location of itself, of each key and of each value."""

    def __init__(self, location: Location) -> None:
        super().__init__()
        self.location = location
        self.key_locations: dict[str, Location] = {}
        self.value_locations: dict[str, Location] = {}

    def key_at(self, key: str) -> Location:
        return self.key_locations.get(key, self.location)

    def value_at(self, key: str) -> Location:
        return self.value_locations.get(key, self.location)


class YList(list):  # type: ignore[type-arg]
    def __init__(self, location: Location) -> None:
        super().__init__()
        self.location = location
        self.item_locations: list[Location] = []

    def item_at(self, index: int) -> Location:
        return self.item_locations[index] if index < len(self.item_locations) else self.location


def load_spec(path: str | Path, display_name: str | None = None) -> YMap:
    """Read and parse a spec file; raise SpecError with every problem found while parsing."""
    name = display_name or str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise SpecError(
            [Diagnostic(Location(name, 1, 1), "E001", f"cannot read spec: {exc.strerror}",
                        "check the path given with --spec")]
        ) from None
    return load_spec_text(data, name)


def load_spec_text(data: bytes, name: str) -> YMap:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise SpecError(
            [Diagnostic(Location(name, line, col), "E001",
                        f"the spec is not valid UTF-8 (byte 0x{data[exc.start]:02x})",
                        "save the file as UTF-8")]
        ) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        loc = Location(name, mark.line + 1, mark.column + 1) if mark else Location(name, 1, 1)
        problem = exc.problem or "invalid YAML"
        hint = "YAML does not allow tabs for indentation; use spaces" if "\t" in text and (
            "tab" in problem or _tab_near(text, loc)) else "fix the YAML syntax at this position"
        raise SpecError([Diagnostic(loc, "E003", f"YAML syntax error: {problem}", hint)]) from None
    except yaml.YAMLError as exc:
        raise SpecError([Diagnostic(Location(name, 1, 1), "E003", f"YAML error: {exc}",
                                    "fix the YAML syntax")]) from None
    if node is None:
        raise SpecError([Diagnostic(Location(name, 1, 1), "E002", "the spec is empty",
                                    "start from spec/openai.yaml or docs/spec-format.md")])
    problems: list[Diagnostic] = []
    tree = _convert(node, name, problems)
    if not isinstance(tree, YMap):
        problems.append(Diagnostic(_loc(node, name), "E005",
                                   "the top level of a spec must be a mapping",
                                   "a spec starts with `format: 1`, then `api:`, `models:` and `resources:`"))
    if problems:
        raise SpecError(problems)
    return tree  # type: ignore[return-value]


def _tab_near(text: str, loc: Location) -> bool:
    lines = text.splitlines()
    around = lines[max(0, loc.line - 2): loc.line + 1]
    return any(line[: len(line) - len(line.lstrip())].count("\t") for line in around)


def _loc(node: yaml.Node, name: str) -> Location:
    return Location(name, node.start_mark.line + 1, node.start_mark.column + 1)


def _convert(node: yaml.Node, name: str, problems: list[Diagnostic]) -> Any:
    if isinstance(node, yaml.MappingNode):
        out = YMap(_loc(node, name))
        for key_node, value_node in node.value:
            key = _convert(key_node, name, problems)
            if not isinstance(key, str):
                key = str(key)  # YAML allows `1:` or `true:` as keys; the validator names them
            if key in out:
                problems.append(Diagnostic(_loc(key_node, name), "E004", f"duplicate key `{key}`",
                                           f"`{key}` is already defined at line {out.key_at(key).line}"))
                continue
            out.key_locations[key] = _loc(key_node, name)
            out.value_locations[key] = _loc(value_node, name)
            out[key] = _convert(value_node, name, problems)
        return out
    if isinstance(node, yaml.SequenceNode):
        seq = YList(_loc(node, name))
        for item in node.value:
            seq.item_locations.append(_loc(item, name))
            seq.append(_convert(item, name, problems))
        return seq
    try:
        return _constructor.construct_object(node, deep=True)
    except yaml.YAMLError as exc:
        problems.append(Diagnostic(_loc(node, name), "E003", f"invalid YAML value: {exc}",
                                   "quote the value to make it a string"))
        return None
