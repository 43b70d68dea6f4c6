"""A page style of `api.pagination` added, removed, or reading pages differently.

The SDKs export a page class per style (`SyncCursorPage`, `CursorPage`), so a removed style
breaks code naming it. A changed field (where the items are, the `has_more` flag, the cursor
parameter, the item field the cursor is taken from) changes how pages are read and requested:
an SDK built from the old spec no longer auto-pages against the new API, and code reading the
page's fields (`page.data`, `page.has_more`) breaks.
"""

from __future__ import annotations

from typing import Iterator

from generator.diff.checks.base import make
from generator.diff.context import DiffContext
from generator.diff.model import Change, Level, quote
from generator.ir import PageStyle

CODES: dict[str, Level] = {
    "page-style-added": "non-breaking",
    "page-style-removed": "breaking",
    "page-style-changed": "breaking",
}

FIELDS = {
    "kind": "kind",
    "items": "field holding the items",
    "has_more": "field saying whether more pages follow",
    "cursor_param": "query parameter carrying the cursor",
    "cursor_field": "item field the cursor is taken from",
}


def _users(ctx: DiffContext, style: str) -> str:
    names = [m.subject for m in ctx.methods if m.new is not None and m.new.page is not None
             and m.new.page.name == style]
    return f" (auto-paging of {', '.join(quote(n) for n in names)})" if names else ""


def run(ctx: DiffContext) -> Iterator[Change]:
    old: dict[str, PageStyle] = {s.name: s for s in ctx.old.page_styles}
    new: dict[str, PageStyle] = {s.name: s for s in ctx.new.page_styles}
    for name, style in new.items():
        subject = f"api.pagination.{name}"
        if name not in old:
            yield make(CODES, "page-style-added", subject, f"page style {quote(name)} was added", style.location)
            continue
        for key, what in FIELDS.items():
            before, after = getattr(old[name], key), getattr(style, key)
            if before != after:
                yield make(CODES, "page-style-changed", f"{subject}.{key}",
                           f"the {what} of page style {quote(name)} changed from {quote(before)} to "
                           f"{quote(after)}{_users(ctx, name)}", ctx.api_location("new", "pagination", name, key))
    for name, style in old.items():
        if name not in new:
            yield make(CODES, "page-style-removed", f"api.pagination.{name}",
                       f"page style {quote(name)} was removed", style.location)
