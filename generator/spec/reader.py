"""Reading a spec tree: typed getters, key checks and name rules, each problem kept as a located diagnostic.

The checking functions of the other validator modules take the Reader as `r` and ask it for every
value: a value of the wrong kind is reported at its `file:line:col` and replaced by a default, so
that checking goes on and a user sees every problem in one run.
"""

from __future__ import annotations

import difflib
import re
from typing import Any

from generator.diagnostics import Diagnostic
from generator.ir import Location
from generator.spec.nodes import YList, YMap

MODEL_NAME = re.compile(r"^[A-Z][A-Za-z0-9]*$")
LOWER_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
FIELD_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
# JSON wire names (properties, query and body parameters) are kept exactly as written; each target
# derives its own identifier from their ASCII letters and digits, so at least one must be there.
WIRE_NAME = re.compile(r"^(?=.*[A-Za-z0-9])[^\x00-\x1f\x7f\u2028\u2029]+$", re.S)
ENV_NAME = re.compile(r"^[A-Z_][A-Z0-9_]*$")
HEADER_NAME = re.compile(r"^[A-Za-z0-9!#$%&'*+.^_`|~-]+$")
# What each name pattern allows, in words, for hints.
NAME_RULES = {
    MODEL_NAME.pattern: "letters and digits, starting with an upper-case letter (PascalCase)",
    LOWER_NAME.pattern: "lower-case letters, digits and `_`, starting with a letter (snake_case)",
    FIELD_NAME.pattern: "letters, digits and `_`, not starting with a digit",
    WIRE_NAME.pattern: "any printable characters with at least one ASCII letter or digit",
}
#: Names become identifiers and file names; file systems cap a name at 255 bytes.
MAX_NAME_LENGTH = 100

# How to add the required keys whose value is not obvious.
REQUIRED_KEY_HINTS = {
    "format": "start the spec with `format: 1`",
    "in": "add `in: path`, `in: query`, `in: body` or `in: header`",
    "http": "add the HTTP method and path, e.g. `http: GET /things/{thing_id}`",
    "packages": "add `packages:` with `python`, `ruby` and `typescript`, each `{name: ..., version: 1.0.0}`",
    "auth": "add `auth: {type: bearer, env: ACME_API_KEY}`",
    "base_url": "add the URL every request starts with, e.g. `base_url: https://api.example.com/v1`",
}


class Reader:
    """Typed reads of a spec tree; holds the problems found and every `ref:` met."""

    def __init__(self) -> None:
        self.problems: list[Diagnostic] = []
        # Every `ref:` met, with the position of its value and what holds it, checked once models are known.
        self.refs: list[tuple[str, Location, str]] = []
        self.format = 1  # the spec's `format`, once read: format 2 adds keys and types (FORMAT_2_KEYS)
        self.page_styles: dict[str, Any] = {}  # name -> ir.PageStyle, read before the methods that name them
        self.alias_names: set[str] = set()  # the names under `aliases:`, known before any `ref:` is read
        self.auth_schemes: dict[str, Any] = {}  # name -> ir.AuthScheme, read before the methods that name them
        # Every union met, with the position to report it at and what holds it: its discriminator is
        # checked once the models are known (unions.py).
        self.unions: list[tuple[Any, Location, str]] = []

    def format_2(self, node: YMap, key: str, what: str, construct: str = "") -> bool:
        """Whether `node[key]` may be used: it is a format 2 construct; in a format 1 spec it is reported."""
        if self.format >= 2:
            return True
        self.error(node.key_at(key), "E104", f"`{construct or key}` in {what} needs spec format 2",
                   "write `format: 2` at the top of the spec (format 2 reads every format 1 spec)")
        return False

    def error(self, location: Location, code: str, message: str, hint: str = "") -> None:
        self.problems.append(Diagnostic(location, code, message, hint))

    def mapping(self, value: Any, where: Location, what: str) -> YMap | None:
        if isinstance(value, YMap):
            return value
        self.error(where, "E103", f"{what} must be a mapping, not {value_kind(value)}",
                   f"write {what} as `key: value` lines indented under it")
        return None

    def value_mapping(self, parent: YMap, key: str, what: str) -> YMap | None:
        """`parent[key]` as a mapping (see `mapping`); the value's position is looked up only to report it."""
        value = parent[key]
        if isinstance(value, YMap):
            return value
        return self.mapping(value, parent.value_at(key), what)

    def keys(self, node: YMap, what: str, required: tuple[str, ...], optional: tuple[str, ...]) -> None:
        allowed = required + optional
        for key in node:
            if key not in allowed:
                close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
                hint = f"did you mean `{close[0]}`?" if close else f"{what} accepts: {', '.join(allowed)}"
                if key == "schema" and "type" in allowed:  # an OpenAPI habit
                    hint = "this format has no `schema`: write `type:` (or `ref:`) and its keys directly here"
                self.error(node.key_at(key), "E101", f"unknown key `{key}` in {what}", hint)
        for key in required:
            if key not in node:
                self.error(node.owner_location, "E102", f"{what} is missing `{key}`",
                           REQUIRED_KEY_HINTS.get(key, f"add `{key}:` to {what}"))

    def scalar(self, node: YMap, key: str, kinds: tuple[type, ...], what: str, default: Any = None) -> Any:
        if key not in node:
            return default
        value = node[key]
        if isinstance(value, bool) and bool not in kinds:
            ok = False
        else:
            ok = isinstance(value, kinds)
        if not ok:
            names = " or ".join(TYPE_WORDS.get(k, k.__name__) for k in kinds)
            self.error(node.value_at(key), "E103", f"`{key}` of {what} must be {names}, not {value_kind(value)}",
                       "quote text values; write numbers and true/false without quotes")
            return default
        return value

    def text(self, node: YMap, key: str, what: str, default: str = "") -> str:
        value = node.get(key, default)
        if type(value) is str:  # present and text, or absent: what `scalar` would answer, without its checks
            return value
        value = self.scalar(node, key, (str,), what, default)
        return value if isinstance(value, str) else default

    def flag(self, node: YMap, key: str, what: str) -> bool:
        value = node.get(key, False)
        if value is True or value is False:  # present and a boolean, or absent
            return value
        return bool(self.scalar(node, key, (bool,), what, False))

    def identifier(self, name: str, where: Location, pattern: re.Pattern[str], what: str, example: str) -> None:
        if len(name) > MAX_NAME_LENGTH:
            self.error(where, "E205", f"the {what} name `{name[:40]}...` is {len(name)} characters long",
                       f"names become identifiers and file names; keep them under {MAX_NAME_LENGTH} characters")
        elif not pattern.match(name):
            rule = NAME_RULES.get(pattern.pattern, f"names matching {pattern.pattern}")
            self.error(where, "E205", f"`{name}` is not a valid {what} name{first_offence(name, pattern)}",
                       f"{what} names are {rule}, e.g. `{example}`")


def first_offence(name: str, pattern: re.Pattern[str]) -> str:
    """Why a name fails its pattern, in words: the first character that is not allowed there.

    Every name pattern is one start character then allowed characters, so each valid name's
    prefixes are valid too: the first prefix that fails ends at the offending character.
    """
    if not name:
        return ": it is empty"
    if pattern is WIRE_NAME:
        bad = next((c for c in name if not c.isprintable() or c in "\u2028\u2029"), None)
        if bad is not None:
            return f": it contains the control character U+{ord(bad):04X}"
        return ": it has no ASCII letter or digit to make an identifier from"
    for index, char in enumerate(name):
        if pattern.match(name[: index + 1]):
            continue
        if not char.isascii() or not char.isprintable():
            return f": `{char}` (U+{ord(char):04X}) is not an ASCII letter or digit"
        if char == " ":
            return ": it contains a space"
        if index == 0 and char.isalpha():
            return f": it must start with {'an upper' if char.islower() else 'a lower'}-case letter"
        return f": it cannot start with `{char}`" if index == 0 else f": `{char}` is not allowed"
    return ""


TYPE_WORDS = {str: "a string", int: "an integer", float: "a number", bool: "true or false"}


def value_kind(value: Any) -> str:
    """How a value that is not what it should be is named in a message: `a mapping`, `empty`, ..."""
    if isinstance(value, YMap) or isinstance(value, dict):
        return "a mapping"
    if isinstance(value, (YList, list)):
        return "a list"
    if value is None:
        return "empty"
    return TYPE_WORDS.get(type(value), type(value).__name__)
