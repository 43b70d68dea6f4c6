"""A method that no longer exists: every call to it stops working."""

from __future__ import annotations

from typing import Iterator

from generator.diff.checks.base import make
from generator.diff.context import DiffContext
from generator.diff.model import Change, Level, quote

CODES: dict[str, Level] = {"method-removed": "breaking"}


def run(ctx: DiffContext) -> Iterator[Change]:
    for pair in ctx.methods:
        if pair.old is not None and pair.new is None:
            yield make(CODES, "method-removed", pair.subject, f"method {quote(pair.subject)} was removed",
                       pair.old.location)
