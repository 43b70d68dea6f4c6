"""Markdown escaping of spec text: prose, one-line prose (list items), table cells, code spans and fences.

The one Markdown escaper of the generator: the reference docs and every SDK's README ask it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable

#: What `_markdown_escape` replaces: markup characters get a backslash, HTML's specials become
#: entities, and control characters (C0 but LF, DEL, C1) and line separators (which Markdown cannot
#: show, and which the HTML a Markdown renderer makes may not hold) become spaces.
_MARKDOWN_ESCAPES = str.maketrans({
    **{ch: "\\" + ch for ch in "\\`*_[]#|!~"},
    "<": "&lt;", ">": "&gt;", "&": "&amp;",
    **{chr(code): " " for code in [*range(0x20), *range(0x7F, 0xA0)] if code != 0x0A},
    **{ch: " " for ch in "\u2028\u2029"},
})
#: Control characters cannot appear in a code span: they become spaces.
_CODE_SPAN_CONTROLS = str.maketrans({chr(code): " " for code in [*range(0x20), *range(0x7F, 0xA0)]})
_BACKTICK_RUN = re.compile(r"`+")
_LEADING_BLANKS = re.compile(r"(?m)^[ \t]+")
_BLOCK_MARKER = re.compile(r"(?m)^([-+>=~])")
_ORDERED_MARKER = re.compile(r"(?m)^(\d+)([.)])")
#: The escaping filters are pure, and the same text comes back on many pages (a description in three
#: languages, a model's fields on every page that expands it): each distinct text is escaped once.
_memoized = lru_cache(maxsize=1 << 16)


@_memoized
def markdown_text(text: str) -> str:
    """Spec text as Markdown prose: markup characters are escaped; paired `backticks` stay code spans.

    A code span shows its content literally (no HTML, no emphasis), so only the text between spans
    needs escaping.
    """
    return _prose(text, markdown_code)


def _prose(text: str, code: Callable[[str], str]) -> str:
    """`markdown_text`, with `code` making the code spans."""
    parts = text.split("`")
    if len(parts) > 1 and len(parts) % 2 == 1:
        out = "".join(_markdown_escape(part) if i % 2 == 0 else code(part) for i, part in enumerate(parts))
    else:
        out = _markdown_escape(text)
    # What starts a block at the start of a line (a list, a quote, a setext underline, an ordered list,
    # an indented code block) is prose here: leading blanks go, the marker is escaped.
    out = _LEADING_BLANKS.sub("", out)
    out = _BLOCK_MARKER.sub(r"\\\1", out)
    return _ORDERED_MARKER.sub(r"\1\\\2", out)


def _markdown_escape(text: str) -> str:
    # One C-level pass (str.translate): this runs for every description on every page.
    return text.translate(_MARKDOWN_ESCAPES)


@_memoized
def markdown_inline(text: str) -> str:
    """Spec text on one line (a list item, a heading): line breaks become spaces. A table cell needs
    `markdown_table_cell`, which also escapes the `|` of code spans."""
    return markdown_text(" ".join(text.split()))


@_memoized
def markdown_table_cell(text: str) -> str:
    """Spec text in a cell of a (GitHub-flavoured) Markdown table: on one line, and every `|` escaped.

    A table row is split at every `|` not escaped, inside code spans too, so there a `|` needs its
    backslash as well (the table removes it before the span is read: the span still shows `|`).
    """
    return _prose(" ".join(text.split()), markdown_code_cell)


@_memoized
def markdown_code_cell(text: str) -> str:
    """An inline code span in a table cell: `markdown_code`, with every `|` escaped for the table."""
    return markdown_code(text).replace("|", "\\|")


@_memoized
def markdown_code(text: str) -> str:
    """An inline code span that shows `text` verbatim, whatever backticks it holds."""
    text = " ".join(text.splitlines())
    text = text.translate(_CODE_SPAN_CONTROLS)
    fence = "`" * (_longest_backtick_run(text) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") or not text.strip() else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def markdown_literal_line(text: str) -> str:
    """Spec text on one line as Markdown prose in which backticks are text too: every markup character is
    escaped, so no code span opens either (a README whose prose shows spec text exactly as written)."""
    out = _markdown_escape(" ".join(text.split()))
    out = _BLOCK_MARKER.sub(r"\\\1", out)
    return _ORDERED_MARKER.sub(r"\1\\\2", out)


def markdown_code_shortest_fence(text: str) -> str:
    """An inline code span fenced by the shortest backtick run that `text` does not hold: the fence prettier
    picks (it rewrites any longer one), so a README checked by prettier keeps it. Padded only when the text
    starts or ends with a backtick, as prettier pads it."""
    text = " ".join(text.splitlines()).translate(_CODE_SPAN_CONTROLS)
    runs = {len(run) for run in _BACKTICK_RUN.findall(text)}
    fence = "`" * next(n for n in range(1, len(runs) + 2) if n not in runs)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def code_fence(text: str) -> str:
    """The backtick run that opens and closes a code block holding `text`: longer than any inside."""
    return "`" * max(3, _longest_backtick_run(text) + 1)


def _longest_backtick_run(text: str) -> int:
    return max((len(run) for run in _BACKTICK_RUN.findall(text)), default=0)
