"""Variants added to or removed from a union (format 2), paired by kind (see context.variant_kind).

Requests: an added variant is one more shape callers may send (non-breaking); a removed one breaks
callers that send it. Responses: as with enum values, an added variant is non-breaking because the
generated SDKs keep a value they cannot match to a known variant as it was sent instead of failing,
and code that tells variants apart by an explicit test (`isinstance`, `switch (x.type)`) keeps
compiling and running; code that reaches the last variant by elimination (an `else` branch, an
exhaustive `switch` with a `never` check) must handle the new one, which the message says. A removed
variant is breaking: TypeScript rejects a test for a discriminator value or a shape that is no
longer part of the union type.
"""

from __future__ import annotations

from typing import Iterator

from generator.diff.checks.base import describe_type, make
from generator.diff.context import DiffContext, variant_keys
from generator.diff.model import Change, Level, quote
from generator.ir import Union

CODES: dict[str, Level] = {
    "response-union-variant-added": "non-breaking",
    "response-union-variant-removed": "breaking",
    "request-union-variant-added": "non-breaking",
    "request-union-variant-removed": "breaking",
}
CONSEQUENCES = {
    "response-union-variant-added": ("; the SDKs keep a value of a variant they do not know as sent, but code that "
                                     "reaches the last variant by elimination must now handle this one"),
    "response-union-variant-removed": ": code testing for it no longer type-checks",
    "request-union-variant-added": ": callers may now send it",
    "request-union-variant-removed": ": callers sending it fail",
}


def run(ctx: DiffContext) -> Iterator[Change]:
    for pair in ctx.types:
        if not (isinstance(pair.old, Union) and isinstance(pair.new, Union)):
            continue
        old, new = variant_keys(ctx.old, pair.old), variant_keys(ctx.new, pair.new)
        where = f"the union {quote(pair.subject)} in {pair.direction}s"
        for key, variant in new.items():
            if key not in old:
                code = f"{pair.direction}-union-variant-added"
                yield make(CODES, code, pair.subject,
                           f"variant {describe_type(variant)} was added to {where}{CONSEQUENCES[code]}",
                           pair.location)
        for key, variant in old.items():
            if key not in new:
                code = f"{pair.direction}-union-variant-removed"
                yield make(CODES, code, pair.subject,
                           f"variant {describe_type(variant)} was removed from {where}{CONSEQUENCES[code]}",
                           pair.location)
