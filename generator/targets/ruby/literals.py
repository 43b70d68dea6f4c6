"""Ruby source text for spec text: string and Symbol literals, numbers, comments, README Markdown, example values.

Every literal here reads back in Ruby as exactly the text it was given, and passes the gem's RuboCop
settings; the names of things are names.py's job, their types types.py's.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

from generator.ir.examples import FileExample
from generator.text.markdown import markdown_table_cell, markdown_code_cell, markdown_code, markdown_inline, markdown_text
from generator.text.wrap import wrap

_INTERPOLATION = re.compile(r"#[{$@]")

# When Ruby's Symbol#inspect prints a Symbol bare (`:name`, `:a?`, `:[]`, `:$1`, `:@x`): identifiers
# (any non-ASCII character counts as a letter), operators and global/instance/class variable names.
# The sets [A-Za-z_\u0080-\U0010ffff] and [A-Za-z0-9_\u0080-\U0010ffff], written as the ASCII they
# exclude: `re` takes about 5 ms to compile a range reaching U+10FFFF, and this pattern is compiled four
# times at import (18 ms of every build). tests/test_text_shortcuts.py checks the two spellings agree.
_ID = r"[^\x00-\x40\x5b-\x5e\x60\x7b-\x7f][^\x00-\x2f\x3a-\x40\x5b-\x5e\x60\x7b-\x7f]*"
_BARE_SYMBOL = re.compile(
    rf"{_ID}[?!=]?|@@?{_ID}|\${_ID}|\$[~*$?!@/\\;,.=:<>\"&`'+0]|\$[1-9][0-9]*|\$-[A-Za-z0-9_]"
    r"|\[\]=?|[+\-]@?|\*\*?|/|%|={2,3}|!=|=~|!~|!|<=>|<=|>=|<<|>>|<|>|&|\||\^|~|`"
)
_LABEL = re.compile(rf"{_ID}[?!]?")  # a Symbol written bare as a Hash label (`name:`)
_MAGIC_COMMENT = re.compile(r"(?i).*-\*-|\s*(frozen[-_]string[-_]literal|shareable[-_]constant[-_]value|warn[-_]indent"
                            r"|warn[-_]past[-_]scope|(en)?coding)\s*:")
# Ruby's String#inspect writes these with a letter.
_NAMED_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\f": "\\f", "\v": "\\v", "\b": "\\b",
                  "\a": "\\a", "\x1b": "\\e"}


def string_literal(text: str) -> str:
    """A Ruby string literal that reads back as `text`: single-quoted (no interpolation; only `\\`
    and `'` escaped) unless the text has characters that are invisible or break lines, or looks like
    interpolation; those are written double-quoted with escapes."""
    if _INTERPOLATION.search(text) or any(not ch.isprintable() for ch in text):
        return '"' + _double_quoted_body(text) + '"'
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def string_literal_lines(text: str, indent: int, width: int = 118) -> str:
    """`string_literal`, split into literals joined by `\\` line continuations so that no line
    passes `width` columns; `indent` is the column the first literal starts at (later ones align)."""
    whole = string_literal(text)
    room = max(20, width - indent - 2)
    if indent + len(whole) <= width:
        return whole
    pieces: list[str] = []
    rest = text
    while rest:
        size = len(rest)
        while size > 1 and len(string_literal(rest[:size])) > room:
            size = max(1, size * 3 // 4) if len(string_literal(rest[:size])) > 2 * room else size - 1
        pieces.append(string_literal(rest[:size]))
        rest = rest[size:]
    return (" \\\n" + " " * indent).join(pieces)


def _double_quoted_body(text: str) -> str:
    """Escapes for a double-quoted literal: `"` and `\\`, `#` where it would start interpolation
    (`#{`, `#$`, `#@`), and every character that is not printable as `\\u{..}`."""
    out = []
    for index, ch in enumerate(text):
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "#" and text[index + 1:index + 2] in ("{", "$", "@"):
            out.append("\\#")
        elif not ch.isprintable():
            out.append(f"\\u{{{ord(ch):x}}}")
        else:
            out.append(ch)
    return "".join(out)


def _ruby_escapes(ch: str) -> bool:
    """Whether Ruby's String#inspect escapes a non-ASCII character (C1 controls but U+0085, line and
    paragraph separators, unassigned code points); it prints every other one as it is."""
    return ch != "\x85" and unicodedata.category(ch) in ("Cc", "Zl", "Zp", "Cn", "Cs")


def invisible_in_symbol(text: str) -> bool:
    """True when Symbol#inspect would print characters that are invisible (e.g. a right-to-left mark,
    a no-break space): such a Symbol is not written as a literal but built from an escaped String."""
    return any(not ch.isascii() and not ch.isprintable() and not _ruby_escapes(ch) for ch in text)


def symbol_literal(text: str) -> str:
    """The Symbol literal for `text`, written exactly as Ruby's Symbol#inspect prints it: RuboCop's
    Lint/SymbolConversion accepts no other spelling (and the gem's .rubocop.yml has
    Style/QuotedSymbols take double quotes, the ones Symbol#inspect uses). Callers keep text with
    invisible characters (`invisible_in_symbol`) away from here."""
    if _bare(text):
        return ":" + text
    return ":" + _inspect_quoted(text)


def symbol_label(text: str) -> str:
    """A Symbol key in `key: value` Hash syntax: bare for an identifier (as RuboCop wants it), else
    quoted as Symbol#inspect quotes."""
    if _bare(text) and _LABEL.fullmatch(text):
        return text + ":"
    return _inspect_quoted(text) + ":"


def _bare(text: str) -> bool:
    if not _BARE_SYMBOL.fullmatch(text):
        return False
    return text.isascii() or not any(not ch.isascii() and _ruby_escapes(ch) for ch in text)


def _inspect_quoted(text: str) -> str:
    """`text` double-quoted with the escapes of Ruby's String#inspect."""
    ascii_only = text.isascii()
    out = []
    for index, ch in enumerate(text):
        code = ord(ch)
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "#" and text[index + 1:index + 2] in ("{", "$", "@"):
            out.append("\\#")
        elif ch in _NAMED_ESCAPES:
            out.append(_NAMED_ESCAPES[ch])
        elif code < 0x20 or code == 0x7F:
            # An ASCII-only Symbol is US-ASCII: Ruby writes its control characters as bytes.
            out.append(f"\\x{code:02X}" if ascii_only else f"\\u{code:04X}")
        elif code >= 0x80 and _ruby_escapes(ch):
            out.append(f"\\u{code:04X}" if code <= 0xFFFF else f"\\u{{{code:X}}}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def string_array(texts: list[str]) -> str:
    """An Array literal of Strings, as RuboCop's Style/WordArray wants it: `%w[a b]` when there are
    two or more and each is a word (letters, marks, digits, `_`, inner `-`), else `['a b', 'c']`."""
    if len(texts) >= 2 and all(_is_word(text) for text in texts):
        return "%w[" + " ".join(texts) + "]"
    return "[" + ", ".join(string_literal(text) for text in texts) + "]"


def _is_word(text: str) -> bool:
    def word(ch: str) -> bool:
        category = unicodedata.category(ch)
        return category[0] in "LM" or category in ("Nd", "Pc")

    return bool(text) and all(word(ch) or (ch == "-" and 0 < i < len(text) - 1 and word(text[i - 1])
                                           and word(text[i + 1])) for i, ch in enumerate(text))


def number(value: float | int) -> str:
    """A Ruby numeric literal; five digits or more before the point are grouped by three with `_`,
    as RuboCop's Style/NumericLiterals wants."""
    text = repr(value)
    if "e" in text or "n" in text:  # 1e+20, inf, nan: the validator keeps these out of timeouts
        return text
    whole, dot, fraction = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    digits = whole.lstrip("-")
    if len(digits) >= 5:
        digits = f"{int(digits):_}"
    return f"{sign}{digits}{dot}{fraction}"


# Characters a comment shows as a space: controls but the line break, and the other line terminators.
_COMMENT_BLANKS = {code: " " for code in (*range(0x20), 0x7F, 0x85, 0x2028, 0x2029) if code != 0x0A}


# Descriptions repeat across properties and files: each distinct comment is laid out once.
@lru_cache(maxsize=8192)
def comment(text: str, indent: int = 0, lead: str = "", width: int = 100, nest: int = 0) -> str:
    """Spec text as whole `# ` comment lines, wrapped to `width` columns, continuation lines indented
    by `indent` spaces (the first line's indentation comes from the template). `lead` starts the
    first line (e.g. a YARD tag); the lines that continue a tag hang by two more spaces, as YARD
    reads them; `nest` more spaces after every `#` put a tag inside another (an `@overload`'s).
    Every line starts with `#`, so no text can leave the comment.
    """
    clean = text.replace("\r\n", "\n").translate(_COMMENT_BLANKS)
    hang = "  " if lead.startswith("@") else ""
    lines: list[str] = []
    for paragraph in clean.strip().split("\n"):
        if not paragraph.strip():
            lines.append("")
            continue
        lines += wrap(paragraph, max(40, width - indent - 2 - nest), hang if lines else lead, hang)
    # A line that reads as a magic comment (`frozen_string_literal: false`, `-*- coding: x -*-`) would
    # change how Ruby reads the file: it gets a second `#`, which Ruby does not take as one.
    lines = ["# " + line if _MAGIC_COMMENT.match(line) else line for line in lines]
    if not any(lines):
        # Blank text: the tag alone, or words, never an empty `#` line (RuboCop's Layout/EmptyComment).
        lines = [lead or "(no description)"]
    return ("\n" + " " * indent).join(("# " + " " * nest + line).rstrip() for line in lines)


# README Markdown: the one escaper of generator/text/markdown.py. Its table-cell variants also escape
# `|` inside code spans, which would otherwise end the cell.
README_FILTERS = {"md": markdown_text, "mdinline": markdown_inline, "mdcell": markdown_table_cell, "code": markdown_code,
                  "cellcode": markdown_code_cell}


def example_call(receiver: str, positional: list[str], keywords: list[tuple[str, str]], parentheses: bool) -> str:
    """A method call of an example (the README's, the reference docs'): positional arguments, then
    `name: value` keywords; without arguments, `()` only when `parentheses` says so."""
    args = ", ".join([*positional, *(f"{name}: {value}" for name, value in keywords)])
    return f"{receiver}({args})" if args or parentheses else receiver


_SHORT_ESCAPES = {"\n": "\\n", "\t": "\\t"}


def double_quoted(text: str) -> str:
    """A double-quoted literal, as the reference docs' examples write strings (the official reference
    pages do): `#` is always escaped, so that `#{` cannot interpolate; a newline or tab as `\\n` or
    `\\t`, other control characters and line separators as `\\u{..}`."""
    out = []
    for ch in text:
        if ch in '"\\#':
            out.append("\\" + ch)
        elif ch in _SHORT_ESCAPES:
            out.append(_SHORT_ESCAPES[ch])
        elif ord(ch) < 0x20 or ch in "\x7f\u2028\u2029":
            out.append(f"\\u{{{ord(ch):x}}}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def example_literal(value: Any, module: str = "") -> str:
    """A docs example value (JSON-like: generator/ir/examples.py) as Ruby source. A file is written as
    the gem takes one without a file on disk: its content in a StringIO, inside the gem's FilePart
    (`module`) to carry its file name, which servers read the file's type from."""
    if isinstance(value, FileExample):
        content = f"StringIO.new({double_quoted(value.content)})"
        return f"{module}::FilePart.new({content}, filename: {double_quoted(value.filename)})" if module else content
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return double_quoted(value)
    if isinstance(value, list):
        return "[" + ", ".join(example_literal(v, module) for v in value) + "]"
    if isinstance(value, dict):
        # Keys are wire names (any text) or the example map key, as Symbol labels (`"a-b": value`).
        return "{" + ", ".join(f"{symbol_label(k)} {example_literal(v, module)}" for k, v in value.items()) + "}"
    return repr(value)


def indent(text: str, width: int = 4) -> str:
    """Jinja's `indent` filter (first line and blank lines left alone), breaking lines at LF only: Jinja's
    own splits with str.splitlines, which also breaks at U+0085, U+2028 and other characters that Ruby
    reads inside a name, and so cut a property `a\u0085b` in two (a syntax error)."""
    lines = (text + "\n").split("\n")[:-1]
    pad = " " * width
    return "\n".join([lines[0], *(pad + line if line else line for line in lines[1:])])
