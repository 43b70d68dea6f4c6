"""A header parameter (`in: header`, format 2) added or removed.

Like other parameters: a new required header must be passed by every call, a removed one breaks
calls passing it (its SDK argument is gone). Reported with their own codes because a header's
argument is named from the header, and release notes should say a header is involved. Moves to
or from a header are `request-parameter-location-changed`.
"""

from __future__ import annotations

from typing import Iterator

from generator.diff.checks.base import make
from generator.diff.context import DiffContext, FieldPair
from generator.diff.model import Change, Level, quote
from generator.ir import Parameter

CODES: dict[str, Level] = {
    "request-header-parameter-added-required": "breaking",
    "request-header-parameter-added-optional": "non-breaking",
    "request-header-parameter-removed": "breaking",
}


def is_header(pair: FieldPair) -> bool:
    """An added or removed parameter that is (or was) sent as a header."""
    present = pair.new if pair.new is not None else pair.old
    return (pair.old is None or pair.new is None) and isinstance(present, Parameter) and present.location == "header"


def run(ctx: DiffContext) -> Iterator[Change]:
    for pair in ctx.fields:
        if pair.kind != "parameter" or not is_header(pair):
            continue
        name = quote(pair.subject)
        if pair.new is None:
            yield make(CODES, "request-header-parameter-removed", pair.subject,
                       f"header parameter {name} was removed", pair.location)
        elif pair.new.required:
            yield make(CODES, "request-header-parameter-added-required", pair.subject,
                       f"required header parameter {name} was added: callers must now pass it", pair.location)
        else:
            yield make(CODES, "request-header-parameter-added-optional", pair.subject,
                       f"optional header parameter {name} was added", pair.location)
