"""Values added to or removed from an enum.

Requests: a removed value breaks callers that send it; an added one is a new option.
Responses: an added value is non-breaking because the generated SDKs accept values they do not
know (they keep the raw string instead of failing), though exhaustive `match`/`switch` code may
want a new branch. A removed value is breaking: TypeScript rejects comparisons with a value
that is no longer part of the union type. Enums of integers (format 2) are judged the same way;
a string enum becoming an integer enum, or the reverse, is a change of kind (`type_changed`).
"""

from __future__ import annotations

from typing import Iterator

from generator.diff.checks.base import make
from generator.diff.context import DiffContext
from generator.diff.model import Change, Level, quote
from generator.ir import Enum

CODES: dict[str, Level] = {
    "response-enum-value-added": "non-breaking",
    "response-enum-value-removed": "breaking",
    "request-enum-value-added": "non-breaking",
    "request-enum-value-removed": "breaking",
}


def run(ctx: DiffContext) -> Iterator[Change]:
    for pair in ctx.types:
        if not (isinstance(pair.old, Enum) and isinstance(pair.new, Enum)):
            continue
        if pair.old.is_integer != pair.new.is_integer:
            continue  # another kind of enum: `type_changed`
        name = quote(pair.subject)
        for value in pair.new.values:
            if value in pair.old.values:
                continue
            if pair.direction == "response":
                message = (f"value {quote(value)} was added to the enum of {name} in responses; the SDKs "
                           "accept enum values they do not know, so existing code keeps working")
            else:
                message = f"value {quote(value)} was added to the enum of {name} in requests"
            yield make(CODES, f"{pair.direction}-enum-value-added", pair.subject, message, pair.location)
        for value in pair.old.values:
            if value not in pair.new.values:
                yield make(CODES, f"{pair.direction}-enum-value-removed", pair.subject,
                           f"value {quote(value)} was removed from the enum of {name} in {pair.direction}s",
                           pair.location)
