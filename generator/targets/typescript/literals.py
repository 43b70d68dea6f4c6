"""TypeScript's literals and prose: string literals, JSON strings, JSDoc blocks, README Markdown.

Every literal is written the way prettier (singleQuote) would write it, and nothing in spec text can end
a literal or a comment early, or reorder a line on screen: invisible characters are shown as escapes.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache

from generator.text.markdown import markdown_code_shortest_fence, markdown_literal_line
from generator.text.wrap import wrap

JSDOC_WIDTH = 96

# In ASCII text the only invisible characters are the C0 controls and DEL (see `invisible`).
_ASCII_INVISIBLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")  # not \t and \n, which stay
# ASCII text string_literal writes as it is: printable, without quotes or backslashes.
_PLAIN_ASCII = re.compile(r"[ !#-&(-\[\]-~]*")
_LINE_BREAK = re.compile("\r\n?|[\u2028\u2029]")
_TAG_START = re.compile(r"(^|[\s{])@")


def invisible(ch: str) -> bool:
    """A character that cannot be shown as itself in source text: a control character (C0, DEL, C1),
    a line or paragraph separator, a lone surrogate, or a format character such as a right-to-left
    mark or a zero-width space (the "Trojan Source" characters, which reorder how code displays)."""
    return unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Zl", "Zp", "Co", "Cn") and ch not in "\n\t"


def unicode_escape(ch: str) -> str:
    """`\\u200f`: the JavaScript escape of one character (`\\u{1f600}` beyond the BMP)."""
    return f"\\u{ord(ch):04x}" if ord(ch) <= 0xFFFF else f"\\u{{{ord(ch):x}}}"


def string_literal(text: str) -> str:
    """A TS string literal reading back as `text`, quoted the way prettier quotes it.

    Prettier (singleQuote) picks single quotes unless the text holds more single than double
    quotes; only the chosen quote is escaped. Line terminators, control and format characters are
    escaped so that nothing can end the literal or the line early, or reorder the line on screen.
    """
    if _PLAIN_ASCII.fullmatch(text):  # most names and values: nothing to escape, and single quotes
        return "'" + text + "'"
    quote = '"' if text.count("'") > text.count('"') else "'"
    out = []
    for ch in text:
        if ch == "\\" or ch == quote:
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif invisible(ch):
            out.append(unicode_escape(ch))
        else:
            out.append(ch)
    return quote + "".join(out) + quote


def html_safe_string_literal(text: str) -> str:
    """A single-quoted TS string literal that can sit inside an HTML page (the reference docs' examples):
    `<` is escaped too, so no `</script>` appears even in a literal, and so are line terminators."""
    out = []
    for ch in text:
        if ch in "'\\":
            out.append("\\" + ch)
        elif ord(ch) < 0x20 or ch in "\x7f\u2028\u2029" or ch == "<":
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return "'" + "".join(out) + "'"


def json_literal(text: str) -> str:
    """A JSON string (package.json, tsconfig.json); invisible characters as `\\uXXXX` escapes."""
    return "".join(json.dumps(ch)[1:-1] if invisible(ch) else ch for ch in json.dumps(text, ensure_ascii=False))


def jsdoc_lines(text: str) -> list[str]:
    """The lines of a JSDoc block for `text`: `*/` can never close the comment early.

    Line breaks (`\\r\\n`, `\\r`, U+2028, U+2029) become new lines; a tab reads as a space; any other
    invisible character (control, right-to-left mark, zero-width space) is shown as its `\\uXXXX`
    escape, so that the comment displays what the spec says and nothing reorders it.
    """
    text = _LINE_BREAK.sub("\n", text).replace("\t", " ")
    clean = escape_invisible(text).replace("*/", "*\\/")
    # `@` starting a word would begin a JSDoc tag (`@deprecated`, `{@link}`); inside a word it is text.
    if "@" in clean:
        clean = _TAG_START.sub(r"\1\\@", clean)
    lines: list[str] = []
    for line in clean.strip().split("\n"):
        # Wrapped for reading; prettier leaves comments as they are.
        lines += wrap(line, JSDOC_WIDTH) or [""]
    return lines


def escape_invisible(text: str) -> str:
    """`text` with each invisible character (but a line break or tab) as its `\\uXXXX` escape."""
    if text.isascii():  # one regex instead of a Unicode category lookup per character
        return _ASCII_INVISIBLE.sub(lambda found: unicode_escape(found[0]), text)
    return "".join(unicode_escape(c) if invisible(c) else c for c in text)


# Descriptions repeat across properties and files: each distinct block is laid out once.
@lru_cache(maxsize=8192)
def jsdoc(text: str, indent: str = "", deprecated: bool = False) -> str:
    """A whole JSDoc block, indented; empty when there is nothing to say."""
    lines = jsdoc_lines(text) if text.strip() else []
    if deprecated:
        lines += ([""] if lines else []) + ["@deprecated"]
    if not lines:
        return ""
    body = "\n".join(f"{indent} *" + (f" {line}" if line else "") for line in lines)
    return f"{indent}/**\n{body}\n{indent} */\n"


def markdown_text(text: str) -> str:
    """Spec text as one line of README prose: HTML and Markdown markup cannot take effect.

    Every markup character is escaped (backticks too: the README's prose never opens a code span from
    spec text), and invisible characters are shown as `\\uXXXX` escapes (their backslash escaped, so
    that Markdown shows it).
    """
    return markdown_literal_line(escape_invisible(" ".join(text.split())))


def markdown_code(text: str) -> str:
    """Spec text as a README code span, fenced as prettier fences it; invisible characters as escapes."""
    return markdown_code_shortest_fence(escape_invisible(" ".join(text.split())))
