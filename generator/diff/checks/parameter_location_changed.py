"""A method parameter moved between path, query, body and header: the SDK sends it where the old server
does not look for it (and a path parameter moving changes the method's positional arguments)."""

from __future__ import annotations

from typing import Iterator

from generator.diff.checks.base import make
from generator.diff.context import DiffContext
from generator.diff.model import Change, Level, quote
from generator.ir import Parameter

CODES: dict[str, Level] = {"request-parameter-location-changed": "breaking"}


def run(ctx: DiffContext) -> Iterator[Change]:
    for pair in ctx.fields:
        old, new = pair.old, pair.new
        if not (isinstance(old, Parameter) and isinstance(new, Parameter)) or old.location == new.location:
            continue
        yield make(CODES, "request-parameter-location-changed", pair.subject,
                   f"parameter {quote(pair.subject)} moved from the {old.location} to the {new.location}",
                   pair.location)
