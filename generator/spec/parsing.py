"""Reading untrusted spec text: the YAML parser, the limits, decoding, and parser errors in our words.

Spec text is untrusted, so reading it is bounded: the file size (E006), the nesting depth (E007)
and the number of values that YAML aliases may expand to (E008, against "billion laughs" files)
each have a limit, and every failure of the YAML library becomes a located diagnostic.
"""

from __future__ import annotations

from typing import Any

import yaml  # type: ignore[import-untyped]  # no stubs: types-PyYAML is not a dependency

from generator.diagnostics import Diagnostic, SpecError
from generator.ir import Location

_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class SpecLoader(_BaseLoader):  # type: ignore[misc]
    """The safe loader, remembering the tag each plain or quoted scalar resolves to.

    Uses libyaml's C parser when PyYAML was built with it (several times faster on big specs),
    and the pure-Python one otherwise; both give the same events and nodes.

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

MERGE_TAG = "tag:yaml.org,2002:merge"
STR_TAG = "tag:yaml.org,2002:str"

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


def too_large(name: str) -> Diagnostic:
    return Diagnostic(Location(name, 1, 1), "E006",
                      f"the spec is larger than {MAX_SPEC_BYTES // (1024 * 1024)} MiB",
                      "a spec this large is almost certainly not one API; split it, or check that the right "
                      "file is given with --spec")


def decode(data: bytes, name: str) -> str:
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


def describe_syntax_error(text: str, exc: yaml.MarkedYAMLError, loc: Location) -> tuple[str, str]:
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


def bad_character(text: str, name: str, exc: yaml.reader.ReaderError) -> Diagnostic:
    # The reader reports a character offset into the text, not a line and column.
    position = min(max(exc.position, 0), len(text))
    line = text.count("\n", 0, position) + 1
    col = position - (text.rfind("\n", 0, position) + 1) + 1
    char = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "\0")
    return Diagnostic(Location(name, line, col), "E003",
                      f"the spec contains the control character U+{char:04X}, which YAML does not allow",
                      f"remove it, or write it as the escape \\u{char:04X} inside a double-quoted string")


def too_deep(loc: Location) -> Diagnostic:
    return Diagnostic(loc, "E007", f"the spec nests deeper than {MAX_DEPTH} levels",
                      "a spec nests a few levels deep; look for a runaway `[` or `{`, or a recursive alias")


def _tab_near(text: str, loc: Location) -> bool:
    lines = text.splitlines()
    around = lines[max(0, loc.line - 2): loc.line + 1]
    return any(line[: len(line) - len(line.lstrip())].count("\t") for line in around)
