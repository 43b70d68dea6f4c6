"""HTML escaping of spec text: prose as paragraphs with `backtick spans` as code; characters HTML forbids."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from markupsafe import Markup, escape

_memoized = lru_cache(maxsize=1 << 16)

#: Characters an HTML document may not hold, raw or as a character reference (each is a parse error):
#: controls (C0 but tab, LF, FF and CR; DEL; C1), noncharacters, and lone surrogates (which no UTF-8
#: file can hold either). Spec text may carry any of them: YAML's "\0" escape makes a NUL.
#: The pattern finds them, and every character outside the Basic Multilingual Plane, where only the
#: two last of each plane are noncharacters (`_forbidden` tells): a class of those 32 alone makes
#: the scan of every page ten times slower than this one range.
_SCAN = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
                   "\U00010000-\U0010ffff]")


def _forbidden(ch: str) -> bool:
    """Whether a character `_SCAN` found is one HTML forbids (rather than any astral character)."""
    return ord(ch) <= 0xFFFF or ord(ch) & 0xFFFE == 0xFFFE


def replace_forbidden(text: str, replacement: Callable[[str], str]) -> str:
    """`text` with every character HTML forbids replaced by `replacement(character)`. Text without any
    (all real text) is returned as it is, after one regex scan."""
    if _SCAN.search(text) is None:
        return text

    def replace(match: re.Match[str]) -> str:
        ch = match.group()
        return replacement(ch) if _forbidden(ch) else ch

    return _SCAN.sub(replace, text)


def _readable(ch: str) -> str:
    # A control becomes a space, as in the Markdown pages (generator/text/markdown.py); noncharacters
    # and surrogates are no characters at all: U+FFFD, as a decoder shows them.
    return " " if ord(ch) <= 0x9F else "\ufffd"


def html_characters(text: str) -> str:
    """`text` with every character HTML forbids replaced: controls by a space, the rest by U+FFFD.
    Escaping cannot help: `&#0;` and `&#1;` are parse errors too."""
    return replace_forbidden(text, _readable)


def html_document(rendered: str) -> Markup:
    """A rendered page, or part of one, with the characters HTML forbids replaced: the last step of
    every HTML page of the docs (a `{% filter %}` around the layout), whatever path spec text took."""
    return Markup(html_characters(str(rendered)))


@_memoized
def html_prose(text: str) -> Markup:
    """Spec text as HTML paragraphs: escaped, with `backtick spans` shown as code."""
    paragraphs = [p for p in re.split(r"\n\s*\n", html_characters(text).strip()) if p.strip()]
    out = []
    for paragraph in paragraphs:
        parts = paragraph.split("`")
        if len(parts) % 2 == 0:  # an unpaired backtick: show it as written
            parts = [paragraph]
        html = "".join(str(escape(part)) if i % 2 == 0 else f"<code>{escape(part)}</code>"
                       for i, part in enumerate(parts))
        out.append(f"<p>{html}</p>")
    return Markup("\n".join(out))
