"""A model that no longer exists (or was renamed): code naming its type no longer compiles or imports."""

from __future__ import annotations

from typing import Iterator

from generator.diff.checks.base import make
from generator.diff.context import DiffContext
from generator.diff.model import Change, Level, quote

CODES: dict[str, Level] = {"model-removed": "breaking"}


def run(ctx: DiffContext) -> Iterator[Change]:
    for pair in ctx.models:
        if pair.old is not None and pair.new is None:
            yield make(CODES, "model-removed", pair.name, f"model {quote(pair.name)} was removed",
                       pair.old.location)
