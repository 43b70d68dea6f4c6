"""A new model: a new exported type, nothing existing changes."""

from __future__ import annotations

from typing import Iterator

from generator.diff.checks.base import make
from generator.diff.context import DiffContext
from generator.diff.model import Change, Level, quote

CODES: dict[str, Level] = {"model-added": "non-breaking"}


def run(ctx: DiffContext) -> Iterator[Change]:
    for pair in ctx.models:
        if pair.old is None and pair.new is not None:
            yield make(CODES, "model-added", pair.name, f"model {quote(pair.name)} was added", pair.new.location)
