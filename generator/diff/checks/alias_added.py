"""A new alias (format 2 `aliases:`): a new exported type name, nothing existing changes."""

from __future__ import annotations

from typing import Iterator

from generator.diff.checks.base import describe_type, make
from generator.diff.context import DiffContext
from generator.diff.model import Change, Level, quote

CODES: dict[str, Level] = {"alias-added": "non-breaking"}


def run(ctx: DiffContext) -> Iterator[Change]:
    for pair in ctx.aliases:
        if pair.old is None and pair.new is not None:
            yield make(CODES, "alias-added", pair.name,
                       f"alias {quote(pair.name)} ({describe_type(pair.new.type)}) was added", pair.new.location)
