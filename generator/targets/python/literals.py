"""Python source text for values: string literals, docstrings, comments, and the value literals of examples.

Whatever spec text holds (quotes, backslashes, line separators, lone surrogates, emoji), what is
written here reads back as that text and cannot end the literal it sits in.
"""

from __future__ import annotations

from typing import Any

from generator.ir.examples import FileExample
from generator.targets.python import layout
from generator.text.markdown import markdown_code as _markdown_code
from generator.text.markdown import markdown_inline as _markdown_inline
from generator.text.markdown import markdown_text


def string_literal(text: str) -> str:
    """A double-quoted Python string literal that reads back as `text`, whatever it holds."""
    out = []
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ord(ch) < 0x20 or ch in "\x7f\u2028\u2029\x85" or 0xD800 <= ord(ch) <= 0xDFFF:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def scalar_literal(value: str | int | bool) -> str:
    """A string, integer or boolean (a const of the spec) as Python source."""
    return string_literal(value) if isinstance(value, str) else repr(value)


def value_literal(value: Any) -> str:
    """A JSON-like value (an example built by generator.ir.examples) as a Python expression. Strings are
    Python string literals, not JSON ones: JSON writes an emoji as a surrogate pair of escapes, which
    Python reads as two lone surrogates that no request can encode."""
    if isinstance(value, FileExample):
        # A file as the SDK takes one: a (filename, bytes) tuple (a path or an open file also do).
        return f"({string_literal(value.filename)}, {value.content.encode('utf-8')!r})"
    if isinstance(value, bool):
        return "True" if value else "False"
    if isinstance(value, str):
        return string_literal(value)
    if isinstance(value, list):
        return "[" + ", ".join(value_literal(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{value_literal(k)}: {value_literal(v)}" for k, v in value.items()) + "}"
    return repr(value)


def docstring(text: str) -> str:
    """Body of a triple-quoted docstring that reads back as `text`: nothing in it can close the
    docstring, and characters that are not plain text (control characters, `\\r`, the separators
    Python treats as line breaks) are written as escape sequences rather than dropped."""
    out = []
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "\n":
            out.append(ch)
        elif ord(ch) < 0x20 or ch in "\x7f\x85\u2028\u2029" or 0xD800 <= ord(ch) <= 0xDFFF:
            out.append(f"\\x{ord(ch):02x}" if ord(ch) <= 0xFF else f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return "".join(out)


def comment(text: str) -> str:
    """Spec text on one line of a docstring (an `Args:` entry): line breaks cannot end the entry."""
    return " ".join(docstring(text).split())


def wrapped_docstring_body(text: str, indent: str) -> str:
    """Spec text inside triple quotes, wrapped at 100 columns, later lines indented by `indent`."""
    lines = layout.wordwrap(docstring(text)).split("\n")
    return "\n".join([lines[0], *(indent + line if line else line for line in lines[1:])])


def attribute_docstring(text: str, indent: str) -> str:
    """The string literal after a model field (black leaves it as written: it is not a docstring)."""
    return f'"""{wrapped_docstring_body(text, indent)}"""' if text else ""


def markdown(text: str) -> str:
    """Spec text as Markdown prose in the generated README.md and api.md."""
    return markdown_text(text)


def markdown_inline(text: str) -> str:
    return _markdown_inline(text)


def markdown_code(text: str) -> str:
    return _markdown_code(text)
