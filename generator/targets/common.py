"""Helpers shared by the language targets."""

from __future__ import annotations

import textwrap

from generator.diagnostics import Diagnostic
from generator.ir import Location


def collisions(target: str, names: list[tuple[str, str, Location]], what: str) -> list[Diagnostic]:
    """Report spec names that are distinct but map to the same identifier in one language.

    `names` holds (spec name, identifier in the target, location of the spec name).
    """
    first: dict[str, tuple[str, Location]] = {}
    problems = []
    for spec_name, ident, location in names:
        if ident in first and first[ident][0] != spec_name:
            other, where = first[ident]
            problems.append(Diagnostic(
                location, "E204",
                f"`{other}` and `{spec_name}` ({what}) both become `{ident}` in {target}",
                f"rename one of them; `{other}` is at line {where.line}",
            ))
        else:
            first.setdefault(ident, (spec_name, location))
    return problems


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
