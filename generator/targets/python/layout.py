"""Lines of generated Python laid out as black lays them out, so that black has nothing to change.

Black formats every generated Python file (generator/formatting.py). It is the largest cost of a
build, and it costs about four times as much when it has to rewrite a file as when the file is
already formatted (it then also checks its own output with a second pass). The templates therefore
emit black's layout: static text is written formatted, and the lines whose length depends on spec
names are laid out here, following black's rules (line length 88) for the few shapes the templates
emit: a bracketed list of items (calls, signatures, imports, collection literals), an annotation
made of subscripts (`Optional[Literal["a", "b"]]`), an annotated field with a default, docstrings.

This is not a formatter: for names long enough that an item alone overflows a line, the layout can
differ from black's, and black, which still runs on every file, rewrites it. Tests check that black
leaves the rendered files unchanged for the fixture specs (tests/test_python_black_stable.py).
"""

from __future__ import annotations

import textwrap
import unicodedata

LINE_LENGTH = 88
INDENT = "    "


def width(text: str) -> int:
    """The width black measures a line by: East Asian wide characters count twice, combining ones not at all."""
    if text.isascii():
        return len(text)
    return sum(_char_width(ch) for ch in text)


def _char_width(ch: str) -> int:
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def fits(line: str, limit: int = LINE_LENGTH) -> bool:
    return width(line) <= limit


def bracketed(head: str, items: list[str], tail: str, indent: str = "", *, kind: str = "call",
              magic_comma: bool = False) -> str:
    """`head` + the items separated by commas + `tail` (head ends with the opening bracket, tail
    starts with the closing one), at `indent`, as black splits it: on one line when it fits; else
    the items on one line of their own between the brackets when that fits; else one item per line
    with a trailing comma. The `kind` says what black does besides: a "collection" literal (list,
    dict) or an "import" always goes one item per line once split, and so does a "def" with a
    single parameter (black adds a trailing comma to those). `magic_comma` is for a bracket whose
    trailing comma the template writes: black never joins it."""
    one_line = f"{indent}{head}{', '.join(items)}{tail}"
    if not magic_comma and fits(one_line):
        return one_line
    inner = indent + INDENT
    body = f"{inner}{', '.join(items)}"
    explode = (
        magic_comma
        or kind == "import"
        or (kind == "def" and len(items) == 1)
        or (kind == "collection" and len(items) > 1)
    )
    if not explode and fits(body):
        return f"{indent}{head}\n{body}\n{indent}{tail}"
    if not explode and len(items) == 1:
        return f"{indent}{head}\n{expression(items[0], inner)}\n{indent}{tail}"
    lines = [f"{indent}{head}"]
    lines += [expression(item, inner, suffix=",") for item in items]
    lines.append(f"{indent}{tail}")
    return "\n".join(lines)


def import_from(module: str, names: list[str], indent: str = "") -> str:
    """`from module import a, b`, or black's parenthesized form, one name per line, when too long."""
    line = f"{indent}from {module} import {', '.join(names)}"
    if fits(line):
        return line
    return bracketed(f"from {module} import (", names, ")", indent, kind="import")


def expression(expr: str, indent: str, prefix: str = "", suffix: str = "") -> str:
    """`prefix` + `expr` + `suffix` at `indent`, where `expr` may end with a bracketed group: a call
    `f(a, b)`, a subscript `Optional[Dict[str, int]]` or a literal `{"a": a}`. When too long, black
    splits it at that last group, and again inside, as `bracketed` does."""
    one_line = f"{indent}{prefix}{expr}{suffix}"
    group = _last_group(expr)
    if fits(one_line) or group is None:
        return one_line
    head, items, closing = group
    kind = "collection" if not head[:-1] else "call"  # a bare bracket is a literal: black explodes it
    return bracketed(prefix + head, items, closing + suffix, indent, kind=kind)


def assignment(target: str, value: str, indent: str) -> str:
    """`target = value` (a statement), as black lays it out: when too long, a call is split at its
    own brackets if the line up to them fits; else the value goes inside parentheses."""
    one_line = f"{indent}{target} = {value}"
    group = _last_group(value)
    if fits(one_line) or group is None:
        return one_line
    if "[" not in target or fits(f"{indent}{target} = {group[0]}"):
        return expression(value, indent, prefix=f"{target} = ")
    return f"{indent}{target} = (\n{expression(value, indent + INDENT)}\n{indent})"


def keyword_argument(name: str, value: str, indent: str, conditional: bool = False) -> str:
    """`name=value,` on its own line of an exploded call. A `conditional` expression (`a if b else
    c`) that does not fit goes inside parentheses, as black puts it; a call is split at its brackets."""
    one_line = f"{indent}{name}={value},"
    if fits(one_line) or not conditional:
        return expression(value, indent, prefix=f"{name}=", suffix=",")
    return f"{indent}{name}=(\n{indent}{INDENT}{value}\n{indent}),"


def annotated(name: str, annotation: str, default: str | None, indent: str) -> str:
    """A model field, `name: annotation` with an optional ` = default`, as black lays it out.

    When the line is too long, black splits a call such as `Field(...)` at its own brackets if the
    line up to them fits; else it wraps the default in parentheses if the line up to them fits
    (`x: Optional[...] = (` / `None` / `)`); else it splits the annotation at its outermost
    subscript, the default staying after the closing bracket."""
    line = f"{indent}{name}: {annotation}"
    if default is None:
        return expression(annotation, indent, prefix=f"{name}: ")
    if fits(f"{line} = {default}"):
        return f"{line} = {default}"
    call = _call(default)
    has_brackets = "[" in annotation
    # black measures the line up to the parenthesis before making it visible, against 87 columns
    wrapped_fits = fits(f"{line} =", LINE_LENGTH - 1) and fits(f"{line} = (")
    if call is not None and (not has_brackets or fits(f"{line} = {call[0]}(")):
        return bracketed(f"{name}: {annotation} = {call[0]}(", call[1], ")", indent)
    if has_brackets and not wrapped_fits:
        return expression(annotation, indent, prefix=f"{name}: ", suffix=f" = {default}")
    return f"{line} = (\n{indent}{INDENT}{default}\n{indent})"


def _call(expr: str) -> tuple[str, list[str]] | None:
    """(callee, arguments) of a call expression such as `Field(default=None, alias="id")`."""
    if not expr.endswith(")") or "(" not in expr:
        return None
    callee, _, rest = expr.partition("(")
    return callee, split_top_level(rest[:-1])


def _last_group(expr: str) -> tuple[str, list[str], str] | None:
    """(everything up to and including the opening bracket, the comma-separated items, the closing
    bracket) of an expression that ends with a bracketed group; None for anything else."""
    if not expr or expr[-1] not in ")]}":
        return None
    start = opening_bracket(expr)
    if start < 0:
        return None
    return expr[: start + 1], split_top_level(expr[start + 1 : -1]), expr[-1]


def opening_bracket(expr: str) -> int:
    """The index of the bracket that the last character of `expr` closes (-1 if unbalanced)."""
    index = 0
    stack: list[int] = []
    while index < len(expr):
        ch = expr[index]
        if ch == '"':
            index = _string_end(expr, index)
        elif ch in "([{":
            stack.append(index)
        elif ch in ")]}":
            if not stack:
                return -1
            opened = stack.pop()
            if index == len(expr) - 1:
                return opened
        index += 1
    return -1


def _string_end(text: str, start: int) -> int:
    """The index of the quote closing the double-quoted literal opened at `start`."""
    index = start + 1
    while index < len(text) and text[index] != '"':
        index += 2 if text[index] == "\\" else 1
    return index


def split_top_level(text: str) -> list[str]:
    """The comma-separated items of `text` (commas inside brackets or strings do not count)."""
    items: list[str] = []
    depth = 0
    start = 0
    index = 0
    while index < len(text):
        ch = text[index]
        if ch == '"':
            index = _string_end(text, index)
        elif ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif ch == "," and depth == 0:
            items.append(text[start:index].strip())
            start = index + 1
        index += 1
    if text[start:].strip():
        items.append(text[start:].strip())
    return items


def wordwrap(text: str, width: int = 100) -> str:
    """Jinja's wordwrap filter as the templates used it: each line wrapped on its own, words never broken."""
    return "\n".join(
        "\n".join(textwrap.wrap(line, width=width, expand_tabs=False, replace_whitespace=False,
                                break_long_words=False, break_on_hyphens=False))
        for line in text.splitlines()
    )


def docstring(body: str, indent: str) -> str:
    """A docstring (the first statement of a module, class or function) whose escaped text is
    `body`, at `indent`, as black rewrites it: surrounding whitespace stripped, later lines
    re-indented to `indent`, trailing spaces dropped, a space before closing quotes that would
    follow a quote, and the closing quotes on their own line when they would overflow the last."""
    lines = body.split("\n")
    text = _reindent(lines, indent) if len(lines) > 1 else body.strip()
    if text.endswith('"'):
        text += " "
    elif text.endswith("\\") and (len(text) - len(text.rstrip("\\"))) % 2:
        text += " "
    out = text.splitlines() or [""]
    last = len(out[-1]) if text and not text.endswith("\n") else 0
    if len(out) > 1 and last + 3 > LINE_LENGTH:
        return f'"""{text}\n{indent}"""'
    return f'"""{text}"""'


def _reindent(lines: list[str], indent: str) -> str:
    """black's fix_multiline_docstring (PEP 257 trimming) for docstrings without tabs."""
    margins = [len(line) - len(line.lstrip()) for line in lines[1:] if line.strip()]
    margin = min(margins) if margins else None
    trimmed = [lines[0].strip()]
    if margin is not None:
        last = len(lines) - 2
        for index, line in enumerate(lines[1:]):
            stripped = line[margin:].rstrip()
            trimmed.append(indent + stripped if stripped or index == last else "")
    return "\n".join(trimmed)
