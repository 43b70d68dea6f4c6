"""A method parameter changed between nullable and not: callers passing null break if it no longer is."""

from __future__ import annotations

from typing import Iterator

from generator.diff.checks.base import make
from generator.diff.context import DiffContext
from generator.diff.model import Change, Level, quote

CODES: dict[str, Level] = {
    "request-parameter-became-nullable": "non-breaking",
    "request-parameter-became-non-nullable": "breaking",
}


def run(ctx: DiffContext) -> Iterator[Change]:
    for pair in ctx.fields:
        if pair.kind != "parameter" or pair.old is None or pair.new is None:
            continue
        if pair.old.nullable == pair.new.nullable:
            continue
        now = "nullable" if pair.new.nullable else "non-nullable"
        yield make(CODES, f"request-parameter-became-{now}", pair.subject,
                   f"parameter {quote(pair.subject)} became {now}", pair.location)
