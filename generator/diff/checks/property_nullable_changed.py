"""A model property changed between nullable and not.

In responses, a value that may now be null breaks code that uses it without a check; in
requests, a property that no longer accepts null breaks callers that send null.
"""

from __future__ import annotations

from typing import Iterator

from generator.diff.checks.base import make
from generator.diff.context import DiffContext
from generator.diff.model import Change, Level, quote

CODES: dict[str, Level] = {
    "response-property-became-nullable": "breaking",
    "response-property-became-non-nullable": "non-breaking",
    "request-property-became-nullable": "non-breaking",
    "request-property-became-non-nullable": "breaking",
}


def run(ctx: DiffContext) -> Iterator[Change]:
    for pair in ctx.fields:
        if pair.kind != "property" or pair.old is None or pair.new is None:
            continue
        if pair.old.nullable == pair.new.nullable:
            continue
        now = "nullable" if pair.new.nullable else "non-nullable"
        yield make(CODES, f"{pair.direction}-property-became-{now}", pair.subject,
                   f"property {quote(pair.subject)} became {now} in {pair.direction}s", pair.location)
