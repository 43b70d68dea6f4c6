"""Word wrapping of spec text for comments and docstrings, with long and hyphenated words kept whole."""

from __future__ import annotations

import textwrap


def wrap(text: str, width: int, initial_indent: str = "", subsequent_indent: str = "") -> list[str]:
    """`textwrap.wrap(text, width, ...)` with long words and hyphenated words kept whole.

    Most descriptions fit on one line; for those the answer is known without textwrap's chunking
    (the largest single cost of Ruby comments and TypeScript JSDoc on a big spec). That shortcut only takes
    printable text (no tabs or other whitespace textwrap would rewrite) that fits whole: the line
    as written, trailing spaces dropped, or no line at all when it is blank.
    """
    if len(initial_indent) + len(text) <= width and text.isprintable():
        stripped = text.rstrip(" ")
        return [initial_indent + stripped] if stripped else []
    return textwrap.wrap(text, width=width, initial_indent=initial_indent, subsequent_indent=subsequent_indent,
                         break_long_words=False, break_on_hyphens=False)
