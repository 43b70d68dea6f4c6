"""Spec file -> a plain tree of dicts, lists and scalars that remembers source positions.

Uses libyaml's C parser when PyYAML was built with it (several times faster on big specs),
and the pure-Python one otherwise; both give the same events and nodes. A plain spec (no anchors,
merge keys, tags or errors: what specs are) is built straight from the parser's events
(_PlainBuilder); anything else goes through composed nodes (_Converter), which report every problem.

Spec text is untrusted, so reading it is bounded: the file size (E006), the nesting depth (E007)
and the number of values that YAML aliases may expand to (E008, against "billion laughs" files)
each have a limit, and every failure of the YAML library becomes a located diagnostic.

Codes reported here:
  E001 the file cannot be read, or is not UTF-8     E002 the spec is empty
  E003 YAML syntax error or invalid YAML value      E004 duplicate key in a mapping
  E005 the top level is not a mapping               E006 the file is larger than MAX_SPEC_BYTES
  E007 nested deeper than MAX_DEPTH                 E008 aliases expand to more than MAX_ALIAS_VALUES
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from generator.diagnostics import Diagnostic, SpecError
from generator.gc_pause import gc_paused
from generator.ir import Location

_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):  # type: ignore[misc,valid-type]
    """The safe loader, remembering the tag each plain or quoted scalar resolves to.

    The composer asks the (pure-Python) resolver for every scalar, and a spec repeats the same few
    words (`type`, `string`, `true`, ...) over and over. Without path resolvers, which the safe loader
    does not have, a scalar's tag depends only on its text and on how it was quoted.
    """

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.scalar_tags: dict[tuple[str, Any], str] = {}  # one per load: nothing outlives it

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        if kind is not yaml.ScalarNode:
            return super().resolve(kind, value, implicit)  # type: ignore[no-any-return]
        key = (value, implicit)
        tag = self.scalar_tags.get(key)
        if tag is None:
            tag = self.scalar_tags[key] = super().resolve(kind, value, implicit)
        return tag

#: Far above any real spec (the bundled one is under 10 KiB), low enough to keep a build fast.
# Real API specs reach a few MB (OpenAI's full OpenAPI document is about 3 MB); the limit only
# stops a runaway file from being read whole.
MAX_SPEC_BYTES = 16 * 1024 * 1024
#: Real specs nest about 12 levels deep; the limit keeps every later stage far from Python's recursion limit.
MAX_DEPTH = 64
#: Values produced by expanding aliases (`*name`); plain content is already bounded by the file size.
MAX_ALIAS_VALUES = 100_000

_MERGE_TAG = "tag:yaml.org,2002:merge"
_STR_TAG = "tag:yaml.org,2002:str"

# The YAML errors people make most, in our own words: libyaml and PyYAML's pure-Python parser word
# them differently, and a spec's diagnostics must not depend on how PyYAML was built. Each entry:
# fragments of the parser's context and problem (shared by both parsers), our message ({start}: where
# the unfinished construct began), and a hint.
_SYNTAX = (
    (("mapping values are not allowed",), "`: ` inside an unquoted value",
     "a value containing `: ` must be quoted, e.g. description: \"Note: ...\""),
    (("flow mapping",), "the mapping `{{` opened at {start} is not closed where it should be",
     "close the mapping with `}`, or quote a value that contains `,`, `:` or `}`"),
    (("flow sequence",), "the list `[` opened at {start} is not closed where it should be",
     "close the list with `]`, or quote an item that contains `,`, `:` or `]`"),
    (("block mapping",), "this line is not indented like the other keys of the mapping at {start}",
     "keys of one mapping start in the same column; a value goes on the key's line or is indented under it"),
    (("block collection",), "this line is not indented like the other items of the list at {start}",
     "items of one list each start with `- ` in the same column"),
    (("simple key",), "the line above is neither `key: value` nor part of a value",
     "each line of a mapping is `key: value`; check the indentation of the line above"),
    (("single document",), "the file holds more than one YAML document",
     "a spec is one YAML document; remove the second `---` and what follows, or split the file"),
    (("quoted scalar", "end of stream"), "the quoted value opened at {start} is never closed",
     "add the closing quote"),
    (("undefined alias",), "an alias (`*name`) refers to an anchor that is not defined",
     "define the anchor (`&name`) before the alias that uses it"),
    (("duplicate anchor",), "an anchor is defined a second time (first at {start})",
     "give each anchor (`&name`) its own name"),
)
_TAB_HINT = "YAML does not allow tabs for indentation; use spaces"


# Positions of keys, values and items are kept as (line, column) pairs and made Locations only when
# asked for: a big spec has hundreds of thousands of them, and the validator asks for few.
Position = tuple[int, int]


class YMap(dict):  # type: ignore[type-arg]
    """A YAML mapping with the location of itself, of each key and of each value."""

    def __init__(self, location: Location) -> None:
        super().__init__()
        self.location = location
        self.owner_location = location  # the key this mapping is the value of, when it has one
        self.positions: dict[str, tuple[Position, Position]] = {}  # key -> (key position, value position)

    def key_at(self, key: str) -> Location:
        return self._at(key, 0)

    def value_at(self, key: str) -> Location:
        return self._at(key, 1)

    def _at(self, key: str, which: int) -> Location:
        found = self.positions.get(key)
        if found is None:
            return self.location
        line, col = found[which]
        return Location(self.location.file, line, col)


class YList(list):  # type: ignore[type-arg]
    def __init__(self, location: Location) -> None:
        super().__init__()
        self.location = location
        self.item_positions: list[Position] = []

    def item_at(self, index: int) -> Location:
        if index >= len(self.item_positions):
            return self.location
        line, col = self.item_positions[index]
        return Location(self.location.file, line, col)


def load_spec(path: str | Path, display_name: str | None = None) -> YMap:
    """Read and parse a spec file; raise SpecError with every problem found while parsing."""
    name = display_name or str(path)
    try:
        with open(path, "rb") as handle:
            # One byte past the limit is enough to know the file is too large, whatever its size.
            data = handle.read(MAX_SPEC_BYTES + 1)
    except OSError as exc:
        raise SpecError(
            [Diagnostic(Location(name, 1, 1), "E001", f"cannot read spec: {exc.strerror or exc}",
                        "check the path given with --spec")]
        ) from None
    return load_spec_text(data, name)


def load_spec_text(data: bytes, name: str) -> YMap:
    with gc_paused():  # every node built here lives on: collections would only walk them again and again
        return _load(data, name)


def _load(data: bytes, name: str) -> YMap:
    if len(data) > MAX_SPEC_BYTES:
        raise SpecError([_too_large(name)])
    text = _decode(data, name)
    plain = _PlainBuilder(text, name).build()
    if plain is not None:
        return plain
    node = _compose(text, name)
    if node is None:
        raise SpecError([Diagnostic(Location(name, 1, 1), "E002", "the spec is empty",
                                    "start from spec/openai.yaml or docs/spec-format.md")])
    problems: list[Diagnostic] = []
    tree = _Converter(name, text, problems).convert(node, 0, False)
    if not isinstance(tree, YMap):
        problems.append(Diagnostic(_loc(node, name), "E005",
                                   f"the top level of a spec must be a mapping, not {_node_kind(node)}",
                                   "a spec starts with `format: 1`, then `api:`, `models:` and `resources:`"))
    if problems:
        raise SpecError(problems)
    return tree  # type: ignore[return-value]


class _NotPlain(Exception):
    """The spec uses something only the general path (compose, then _Converter) handles."""


class _PlainBuilder:
    """The tree of a plain spec, built straight from the parser's events: no nodes, no recursion.

    "Plain" is what specs are: one document whose top level is a mapping, no anchors, aliases, merge
    keys or explicit tags, no duplicate keys, no key that is a collection, no nesting past MAX_DEPTH,
    and every value YAML can read. Anything else, any error of the parser included, gives None, and
    the general path reads the spec again and reports exactly what it always reported. For a plain
    spec both paths build the same tree (tests/test_loader_positions.py compares them); this one
    takes about two thirds of the time of composing nodes and converting them (s1000: 0.26 s, 0.39 s).
    """

    def __init__(self, text: str, name: str) -> None:
        self.text = text
        self.name = name
        self.constructor = yaml.constructor.SafeConstructor()

    def build(self) -> YMap | None:
        try:
            loader = _Loader(self.text)  # the pure-Python reader checks the characters here
        except Exception:
            return None
        try:
            return self.document(loader)
        except Exception:  # _NotPlain, or any error of the parser or of a value: the general path reports it
            return None
        finally:
            loader.dispose()

    def document(self, loader: Any) -> YMap:
        get = loader.get_event
        if not isinstance(get(), yaml.StreamStartEvent) or not isinstance(get(), yaml.DocumentStartEvent):
            raise _NotPlain
        event = get()
        if event.__class__ is not yaml.MappingStartEvent or event.anchor is not None or event.tag is not None:
            raise _NotPlain
        root = YMap(Location(self.name, event.start_mark.line + 1, event.start_mark.column + 1))
        self.collections(get, root, loader.resolve)
        if not isinstance(get(), yaml.DocumentEndEvent) or not isinstance(get(), yaml.StreamEndEvent):
            raise _NotPlain
        return root

    def collections(self, get: Any, root: YMap, resolve: Any) -> None:
        """Events up to the end of `root`, into it. One loop for every level: specs are wide, not deep."""
        name = self.name
        outer: list[tuple[YMap | YList, str | None, Position | None]] = []
        current: YMap | YList = root
        key: str | None = None  # the key whose value comes next, when `current` is a mapping
        key_position: Position | None = None
        while True:
            event = get()
            kind = event.__class__
            if kind is yaml.ScalarEvent:
                if event.anchor is not None or event.tag is not None:
                    raise _NotPlain
                mark = event.start_mark
                position = (mark.line + 1, mark.column + 1)
                if current.__class__ is YMap and key is None:
                    key = event.value  # a key is kept as written (see _Converter.key)
                    if key == "<<" or key in current:  # a merge, or a duplicate
                        raise _NotPlain
                    key_position = position
                    continue
                value = self.scalar(event, resolve)
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                depth = len(outer) + 1  # the top level is 0
                if event.anchor is not None or event.tag is not None or depth > MAX_DEPTH \
                        or (current.__class__ is YMap and key is None):  # a collection as a key
                    raise _NotPlain
                mark = event.start_mark
                position = (mark.line + 1, mark.column + 1)
                location = Location(name, *position)
                value = YMap(location) if kind is yaml.MappingStartEvent else YList(location)
                if value.__class__ is YMap and current.__class__ is YMap:
                    value.owner_location = Location(name, *key_position)  # type: ignore[misc]
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                if not outer:
                    return
                current, key, key_position = outer.pop()
                continue
            else:  # an alias, or a document or stream event out of place
                raise _NotPlain
            if current.__class__ is YMap:
                current.positions[key] = (key_position, position)  # type: ignore[index,union-attr,assignment]
                current[key] = value  # type: ignore[index]
                key = None
            else:
                current.item_positions.append(position)  # type: ignore[union-attr]
                current.append(value)  # type: ignore[union-attr]
            if value.__class__ is YMap or value.__class__ is YList:
                outer.append((current, None, None))
                current, key, key_position = value, None, None

    def scalar(self, event: Any, resolve: Any) -> Any:
        tag = resolve(yaml.ScalarNode, event.value, event.implicit)
        if tag == _STR_TAG:
            return event.value
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        return self.constructor.construct_object(node, deep=True)


def _too_large(name: str) -> Diagnostic:
    return Diagnostic(Location(name, 1, 1), "E006",
                      f"the spec is larger than {MAX_SPEC_BYTES // (1024 * 1024)} MiB",
                      "a spec this large is almost certainly not one API; split it, or check that the right "
                      "file is given with --spec")


def _decode(data: bytes, name: str) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Windows editors' "Unicode" is UTF-16 with a byte order mark
        raise SpecError([Diagnostic(Location(name, 1, 1), "E001", "the spec is saved as UTF-16, not UTF-8",
                                    "save it as UTF-8 (in most editors: Save As, then Encoding: UTF-8)")])
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
    return text[1:] if text.startswith("\ufeff") else text


def _compose(text: str, name: str) -> yaml.Node | None:
    try:
        return yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        loc = Location(name, mark.line + 1, mark.column + 1) if mark else Location(name, 1, 1)
        problem = exc.problem or "invalid YAML"
        if "nesting depth" in problem:  # libyaml's own limit, far above MAX_DEPTH
            raise SpecError([_too_deep(loc)]) from None
        message, hint = _describe_syntax_error(text, exc, loc)
        raise SpecError([Diagnostic(loc, "E003", f"YAML syntax error: {message}", hint)]) from None
    except yaml.reader.ReaderError as exc:
        raise SpecError([_bad_character(text, name, exc)]) from None
    except yaml.YAMLError as exc:
        raise SpecError([Diagnostic(Location(name, 1, 1), "E003", f"YAML error: {exc}",
                                    "fix the YAML syntax")]) from None
    except RecursionError:  # the pure-Python composer recurses once per nesting level
        raise SpecError([_too_deep(Location(name, 1, 1))]) from None


def _describe_syntax_error(text: str, exc: yaml.MarkedYAMLError, loc: Location) -> tuple[str, str]:
    lines = text.split("\n")
    line = lines[loc.line - 1] if loc.line <= len(lines) else ""
    char = line[loc.col - 1] if loc.col <= len(line) else ""
    context, problem = exc.context or "", exc.problem or ""
    if "cannot start any token" in problem:
        if char == "\t":
            return "a tab is used for indentation", _TAB_HINT
        shown = "a backtick" if char == "`" else f"`{char}`"
        return f"an unquoted value cannot start with {shown}", "put the whole value in quotes"
    where = exc.context_mark or exc.problem_mark
    start = f"line {where.line + 1}, column {where.column + 1}" if where else "the start"
    hint_if_tabs = _TAB_HINT if "\t" in text and _tab_near(text, loc) else None
    for fragments, message, hint in _SYNTAX:
        if all(fragment in f"{context} {problem}" for fragment in fragments):
            return message.format(start=start), hint_if_tabs or hint
    # Rare errors keep the parser's own words.
    return " ".join(part for part in (context + ":" if context else "", problem) if part), \
        hint_if_tabs or "fix the YAML syntax at this position"


def _bad_character(text: str, name: str, exc: yaml.reader.ReaderError) -> Diagnostic:
    # The reader reports a character offset into the text, not a line and column.
    position = min(max(exc.position, 0), len(text))
    line = text.count("\n", 0, position) + 1
    col = position - (text.rfind("\n", 0, position) + 1) + 1
    char = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "\0")
    return Diagnostic(Location(name, line, col), "E003",
                      f"the spec contains the control character U+{char:04X}, which YAML does not allow",
                      f"remove it, or write it as the escape \\u{char:04X} inside a double-quoted string")


def _too_deep(loc: Location) -> Diagnostic:
    return Diagnostic(loc, "E007", f"the spec nests deeper than {MAX_DEPTH} levels",
                      "a spec nests a few levels deep; look for a runaway `[` or `{`, or a recursive alias")


def _tab_near(text: str, loc: Location) -> bool:
    lines = text.splitlines()
    around = lines[max(0, loc.line - 2): loc.line + 1]
    return any(line[: len(line) - len(line.lstrip())].count("\t") for line in around)


def _loc(node: yaml.Node, name: str) -> Location:
    return Location(name, *_position(node))


def _position(node: yaml.Node) -> Position:
    mark = node.start_mark
    return mark.line + 1, mark.column + 1


def _node_kind(node: yaml.Node) -> str:
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    return "a mapping" if isinstance(node, yaml.MappingNode) else "a single value"


class _Converter:
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
                    _loc(node, self.name), "E008",
                    f"YAML aliases expand to more than {MAX_ALIAS_VALUES} values (this anchor is one of those copied)",
                    "an alias (`*name`) copies its anchor and aliases of aliases multiply; write the values out"))
        if isinstance(node, yaml.ScalarNode):  # most nodes; the depth limit is about collections
            return self.scalar(node)
        if depth > MAX_DEPTH:
            return self.stop(_too_deep(_loc(node, self.name)))
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, depth, via_alias)
        seq = YList(_loc(node, self.name))
        for item in node.value:
            seq.item_positions.append(_position(item))
            seq.append(self.convert(item, depth + 1, via_alias))
        return seq

    def stop(self, problem: Diagnostic) -> None:
        self.problems.append(problem)
        self.stopped = True

    def mapping(self, node: yaml.MappingNode, depth: int, via_alias: bool) -> YMap:
        out = YMap(_loc(node, self.name))
        merged: list[yaml.MappingNode] = []
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE_TAG:
                merged.extend(self.merge_sources(value_node))
                continue
            key = self.key(key_node)
            if key is None:
                continue
            if key in out:
                self.problems.append(Diagnostic(_loc(key_node, self.name), "E004", f"duplicate key `{key}`",
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
        self.problems.append(Diagnostic(_loc(node, self.name), "E003", f"a key must be a name, not {_node_kind(node)}",
                                        "write keys as plain names, e.g. `created_at:`"))
        return None

    def merge_sources(self, node: yaml.Node) -> list[yaml.MappingNode]:
        items = node.value if isinstance(node, yaml.SequenceNode) else [node]
        sources = [item for item in items if isinstance(item, yaml.MappingNode)]
        if len(sources) != len(items):
            self.problems.append(Diagnostic(_loc(node, self.name), "E003", "`<<` merges only mappings",
                                            "write `<<: *anchor` where the anchor names a mapping"))
        return sources

    def scalar(self, node: yaml.Node) -> Any:
        if node.tag == _STR_TAG:  # most values of a spec: skip the constructor, several times faster
            return node.value
        try:
            return self.constructor.construct_object(node, deep=True)
        except yaml.YAMLError as exc:
            problem = getattr(exc, "problem", None) or str(exc)
            message, hint = f"invalid YAML value: {problem}", "quote the value to make it a string"
        except Exception as exc:  # the constructors raise ValueError, AttributeError, ... on odd input
            message, hint = self.unreadable(node, exc)
        self.problems.append(Diagnostic(_loc(node, self.name), "E003", message, hint))
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
