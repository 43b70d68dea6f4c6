"""A new method: existing code is unaffected."""

from __future__ import annotations

from typing import Iterator

from generator.diff.checks.base import make
from generator.diff.context import DiffContext
from generator.diff.model import Change, Level, quote

CODES: dict[str, Level] = {"method-added": "non-breaking"}


def run(ctx: DiffContext) -> Iterator[Change]:
    for pair in ctx.methods:
        if pair.old is None and pair.new is not None:
            yield make(CODES, "method-added", pair.subject, f"method {quote(pair.subject)} was added",
                       pair.new.location)
