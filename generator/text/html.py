"""HTML escaping of spec text: prose as paragraphs, with `backtick spans` shown as code."""

from __future__ import annotations

import re
from functools import lru_cache

from markupsafe import Markup, escape

_memoized = lru_cache(maxsize=1 << 16)


@_memoized
def html_prose(text: str) -> Markup:
    """Spec text as HTML paragraphs: escaped, with `backtick spans` shown as code."""
    paragraphs = [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    out = []
    for paragraph in paragraphs:
        parts = paragraph.split("`")
        if len(parts) % 2 == 0:  # an unpaired backtick: show it as written
            parts = [paragraph]
        html = "".join(str(escape(part)) if i % 2 == 0 else f"<code>{escape(part)}</code>"
                       for i, part in enumerate(parts))
        out.append(f"<p>{html}</p>")
    return Markup("\n".join(out))
