"""HTML escaping of spec text: prose as paragraphs with `backtick spans` as code; characters HTML forbids."""

from __future__ import annotations

import re
from functools import lru_cache

from markupsafe import Markup, escape

_memoized = lru_cache(maxsize=1 << 16)

#: Characters an HTML document may not hold, raw or as a character reference (each is a parse error):
#: controls (C0 but tab, LF, FF and CR; DEL; C1), noncharacters, and lone surrogates (which no UTF-8
#: file can hold either). Spec text may carry any of them: YAML's "\0" escape makes a NUL.
FORBIDDEN = re.compile(
    "[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef"
    + "".join(f"{chr(plane << 16 | 0xFFFE)}{chr(plane << 16 | 0xFFFF)}" for plane in range(17))
    + "]"
)
#: What a control becomes: a space, as in the Markdown pages (generator/text/markdown.py). Noncharacters
#: and surrogates are no characters at all: they become U+FFFD, as a decoder shows them.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def _replacement(match: re.Match[str]) -> str:
    return " " if _CONTROLS.match(match.group()) else "\ufffd"


def html_characters(text: str) -> str:
    """`text` with every character HTML forbids replaced (controls by a space, the rest by U+FFFD).

    Escaping cannot help: `&#0;` and `&#1;` are parse errors too. Text without any (all real text) is
    returned as it is, after one regex scan.
    """
    if FORBIDDEN.search(text) is None:
        return text
    return FORBIDDEN.sub(_replacement, text)


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
