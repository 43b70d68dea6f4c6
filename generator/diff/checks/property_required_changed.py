"""A model property changed between required and optional.

In responses, optional means it may be missing, so code that relied on it being there breaks;
the other way round only promises more. In requests it is the reverse: a newly required
property must be supplied by every caller.
"""

from __future__ import annotations

from typing import Iterator

from generator.diff.checks.base import make
from generator.diff.context import DiffContext
from generator.diff.model import Change, Level, quote

CODES: dict[str, Level] = {
    "response-property-became-optional": "breaking",
    "response-property-became-required": "non-breaking",
    "request-property-became-required": "breaking",
    "request-property-became-optional": "non-breaking",
}


def run(ctx: DiffContext) -> Iterator[Change]:
    for pair in ctx.fields:
        if pair.kind != "property" or pair.old is None or pair.new is None:
            continue
        if pair.old.required == pair.new.required:
            continue
        now = "required" if pair.new.required else "optional"
        yield make(CODES, f"{pair.direction}-property-became-{now}", pair.subject,
                   f"property {quote(pair.subject)} became {now} in {pair.direction}s", pair.location)
