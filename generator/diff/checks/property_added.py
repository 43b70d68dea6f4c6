"""A new model property.

In responses it is one more field to read: never breaking. In requests a required one must now
be supplied by every caller (breaking); an optional one may be left out (non-breaking).
"""

from __future__ import annotations

from typing import Iterator

from generator.diff.checks.base import make
from generator.diff.context import DiffContext
from generator.diff.model import Change, Level, quote

CODES: dict[str, Level] = {
    "response-property-added": "non-breaking",
    "request-property-added-required": "breaking",
    "request-property-added-optional": "non-breaking",
}


def run(ctx: DiffContext) -> Iterator[Change]:
    for pair in ctx.fields:
        if pair.kind != "property" or pair.old is not None or pair.new is None:
            continue
        name = quote(pair.subject)
        if pair.direction == "response":
            yield make(CODES, "response-property-added", pair.subject,
                       f"property {name} was added to responses", pair.location)
        elif pair.new.required:
            yield make(CODES, "request-property-added-required", pair.subject,
                       f"required property {name} was added to requests: callers must now set it", pair.location)
        else:
            yield make(CODES, "request-property-added-optional", pair.subject,
                       f"optional property {name} was added to requests", pair.location)
