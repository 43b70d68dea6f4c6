"""The general path of loading: compose YAML nodes, then convert them, reporting every problem found."""

from __future__ import annotations

from typing import Any

import yaml  # type: ignore[import-untyped]  # no stubs: types-PyYAML is not a dependency

from generator.diagnostics import Diagnostic, SpecError
from generator.ir import Location
from generator.spec import parsing
from generator.spec.nodes import Position, YList, YMap
from generator.spec.parsing import MAX_ALIAS_VALUES, MAX_DEPTH, MERGE_TAG, STR_TAG, too_deep


def compose(text: str, name: str) -> yaml.Node | None:
    """The document's node (None when there is none), or SpecError with the one problem that stopped the parser."""
    try:
        # The parser is looked up on its module at each load: see PlainBuilder.build.
        return yaml.compose(text, Loader=parsing.SpecLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        loc = Location(name, mark.line + 1, mark.column + 1) if mark else Location(name, 1, 1)
        problem = exc.problem or "invalid YAML"
        if "nesting depth" in problem:  # libyaml's own limit, far above MAX_DEPTH
            raise SpecError([too_deep(loc)]) from None
        message, hint = parsing.describe_syntax_error(text, exc, loc)
        raise SpecError([Diagnostic(loc, "E003", f"YAML syntax error: {message}", hint)]) from None
    except yaml.reader.ReaderError as exc:
        raise SpecError([parsing.bad_character(text, name, exc)]) from None
    except yaml.YAMLError as exc:
        raise SpecError([Diagnostic(Location(name, 1, 1), "E003", f"YAML error: {exc}",
                                    "fix the YAML syntax")]) from None
    except RecursionError:  # the pure-Python composer recurses once per nesting level
        raise SpecError([too_deep(Location(name, 1, 1))]) from None


def node_location(node: yaml.Node, name: str) -> Location:
    return Location(name, *_position(node))


def _position(node: yaml.Node) -> Position:
    mark = node.start_mark
    return mark.line + 1, mark.column + 1


def node_kind(node: yaml.Node) -> str:
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    return "a mapping" if isinstance(node, yaml.MappingNode) else "a single value"


class Converter:
    """YAML nodes -> YMap/YList/scalars, reporting problems instead of raising."""

    def __init__(self, name: str, text: str, problems: list[Diagnostic]) -> None:
        self.name = name
        self.text = text
        self.problems = problems
        self.seen: set[int] = set()  # ids of nodes converted once; meeting one again means an alias
        self.alias_values = 0
        self.stopped = False  # set once a limit is hit, so that it is reported once
        # A constructor caches every node it built: one per load, so nothing outlives the load.
        self.constructor = yaml.constructor.SafeConstructor()

    def convert(self, node: yaml.Node, depth: int, via_alias: bool) -> Any:
        if self.stopped:
            return None
        node_id = id(node)
        if node_id in self.seen:
            via_alias = True
        else:
            self.seen.add(node_id)
        if via_alias:
            self.alias_values += 1
            if self.alias_values > MAX_ALIAS_VALUES:
                return self.stop(Diagnostic(
                    node_location(node, self.name), "E008",
                    f"YAML aliases expand to more than {MAX_ALIAS_VALUES} values (this anchor is one of those copied)",
                    "an alias (`*name`) copies its anchor and aliases of aliases multiply; write the values out"))
        if isinstance(node, yaml.ScalarNode):  # most nodes; the depth limit is about collections
            return self.scalar(node)
        if depth > MAX_DEPTH:
            return self.stop(too_deep(node_location(node, self.name)))
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, depth, via_alias)
        seq = YList(node_location(node, self.name))
        for item in node.value:
            seq.item_positions.append(_position(item))
            seq.append(self.convert(item, depth + 1, via_alias))
        return seq

    def stop(self, problem: Diagnostic) -> None:
        self.problems.append(problem)
        self.stopped = True

    def mapping(self, node: yaml.MappingNode, depth: int, via_alias: bool) -> YMap:
        out = YMap(node_location(node, self.name))
        merged: list[yaml.MappingNode] = []
        for key_node, value_node in node.value:
            if key_node.tag == MERGE_TAG:
                merged.extend(self.merge_sources(value_node))
                continue
            key = self.key(key_node)
            if key is None:
                continue
            if key in out:
                self.problems.append(Diagnostic(node_location(key_node, self.name), "E004", f"duplicate key `{key}`",
                                                f"`{key}` is already defined at line {out.key_at(key).line}"))
                continue
            self.put(out, key, key_node, value_node, depth, via_alias)
        # `<<: *base` merges the keys of `base` that the mapping does not set itself.
        for source in merged:
            for key_node, value_node in source.value:
                key = self.key(key_node)
                if key is not None and key not in out:
                    self.put(out, key, key_node, value_node, depth, True)
        return out

    def put(self, out: YMap, key: str, key_node: yaml.Node, value_node: yaml.Node, depth: int,
            via_alias: bool) -> None:
        key_position = _position(key_node)
        out.positions[key] = (key_position, _position(value_node))
        value = self.convert(value_node, depth + 1, via_alias)
        if isinstance(value, YMap):
            value.owner_location = Location(self.name, *key_position)
        out[key] = value

    def key(self, node: yaml.Node) -> str | None:
        # A key is a name: keep the text as written, so that `on:` or `null:` stay "on" and "null"
        # rather than becoming the boolean or null YAML would read.
        if isinstance(node, yaml.ScalarNode):
            return str(node.value)
        self.problems.append(Diagnostic(node_location(node, self.name), "E003",
                                        f"a key must be a name, not {node_kind(node)}",
                                        "write keys as plain names, e.g. `created_at:`"))
        return None

    def merge_sources(self, node: yaml.Node) -> list[yaml.MappingNode]:
        items = node.value if isinstance(node, yaml.SequenceNode) else [node]
        sources = [item for item in items if isinstance(item, yaml.MappingNode)]
        if len(sources) != len(items):
            self.problems.append(Diagnostic(node_location(node, self.name), "E003", "`<<` merges only mappings",
                                            "write `<<: *anchor` where the anchor names a mapping"))
        return sources

    def scalar(self, node: yaml.Node) -> Any:
        if node.tag == STR_TAG:  # most values of a spec: skip the constructor, several times faster
            return node.value
        try:
            return self.constructor.construct_object(node, deep=True)
        except yaml.YAMLError as exc:
            problem = getattr(exc, "problem", None) or str(exc)
            message, hint = f"invalid YAML value: {problem}", "quote the value to make it a string"
        except Exception as exc:  # the constructors raise ValueError, AttributeError, ... on odd input
            message, hint = self.unreadable(node, exc)
        self.problems.append(Diagnostic(node_location(node, self.name), "E003", message, hint))
        return None

    def unreadable(self, node: yaml.Node, exc: Exception) -> tuple[str, str]:
        kind = node.tag.rsplit(":", 1)[-1]
        if self.text[node.start_mark.index: node.start_mark.index + 1] == "!":  # the spec wrote the tag
            return (f"`{node.value}` is not a valid {kind}, but the tag `!!{kind}` asks for one",
                    f"remove the tag `!!{kind}`, or fix the value")
        if kind == "timestamp":  # `2024-02-30`: YAML reads anything shaped like a date as a date
            return (f"`{node.value}` looks like a date to YAML, but is not a valid date ({exc})",
                    f"quote it to keep it as text: \"{node.value}\"")
        return f"`{node.value}` cannot be read as {kind} ({exc})", "quote the value to make it a string"
