"""A method started or stopped returning auto-paging pages, or pages with another page style.

A paginated method returns a page object (`SyncCursorPage[Batch]`, `CursorPage<Batch>`) that
iterates across pages, not the result itself, so every caller's code changes either way. A new
page style renames the page class (`CursorPage` -> `OffsetPage`), which breaks code naming it.
"""

from __future__ import annotations

from typing import Iterator

from generator.diff.checks.base import describe_type, make
from generator.diff.context import DiffContext
from generator.diff.model import Change, Level, quote

CODES: dict[str, Level] = {
    "method-became-paginated": "breaking",
    "method-no-longer-paginated": "breaking",
    "method-page-style-changed": "breaking",
}


def run(ctx: DiffContext) -> Iterator[Change]:
    for pair in ctx.methods:
        old, new = pair.old, pair.new
        if old is None or new is None:
            continue
        name = quote(pair.subject)
        if old.page is None and new.page is not None:
            yield make(CODES, "method-became-paginated", pair.subject,
                       f"method {name} is now paginated (page style {quote(new.page.name)}): it returns pages of "
                       f"{describe_type(new.returns)} instead of {describe_type(old.returns)}",
                       ctx.method_location("new", pair, "paginated"))
        elif old.page is not None and new.page is None:
            yield make(CODES, "method-no-longer-paginated", pair.subject,
                       f"method {name} is no longer paginated: it returns {describe_type(new.returns)} instead of "
                       f"pages of {describe_type(old.returns)}", ctx.method_location("new", pair, "paginated"))
        elif old.page is not None and new.page is not None and old.page.name != new.page.name:
            yield make(CODES, "method-page-style-changed", pair.subject,
                       f"method {name} now returns pages of style {quote(new.page.name)} instead of "
                       f"{quote(old.page.name)}: its page type changes",
                       ctx.method_location("new", pair, "paginated"))
