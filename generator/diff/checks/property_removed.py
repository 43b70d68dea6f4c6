"""A model property that no longer exists.

In responses, code reading it breaks. In requests, code setting it breaks (Python and Ruby
reject the unknown keyword, TypeScript the unknown key of an object literal).
"""

from __future__ import annotations

from typing import Iterator

from generator.diff.checks.base import make
from generator.diff.context import DiffContext
from generator.diff.model import Change, Level, quote

CODES: dict[str, Level] = {"response-property-removed": "breaking", "request-property-removed": "breaking"}


def run(ctx: DiffContext) -> Iterator[Change]:
    for pair in ctx.fields:
        if pair.kind == "property" and pair.old is not None and pair.new is None:
            yield make(CODES, f"{pair.direction}-property-removed", pair.subject,
                       f"property {quote(pair.subject)} was removed from {pair.direction}s", pair.location)
