"""A method parameter changed between required and optional: newly required breaks calls without it."""

from __future__ import annotations

from typing import Iterator

from generator.diff.checks.base import make
from generator.diff.context import DiffContext
from generator.diff.model import Change, Level, quote

CODES: dict[str, Level] = {
    "request-parameter-became-required": "breaking",
    "request-parameter-became-optional": "non-breaking",
}


def run(ctx: DiffContext) -> Iterator[Change]:
    for pair in ctx.fields:
        if pair.kind != "parameter" or pair.old is None or pair.new is None:
            continue
        if pair.old.required == pair.new.required:
            continue
        now = "required" if pair.new.required else "optional"
        yield make(CODES, f"request-parameter-became-{now}", pair.subject,
                   f"parameter {quote(pair.subject)} became {now}", pair.location)
