"""A primitive's `format` changed (e.g. `unix-time` added to an integer).

A format is a hint that never changes the wire type, and none of the SDKs maps it to another
language type, so this is information only.
"""

from __future__ import annotations

from typing import Iterator

from generator.diff.checks.base import make
from generator.diff.context import DiffContext
from generator.diff.model import Change, Level, quote
from generator.ir import Primitive

CODES: dict[str, Level] = {"format-changed": "info"}


def _name(fmt: str | None) -> str:
    return quote(fmt) if fmt else "none"


def run(ctx: DiffContext) -> Iterator[Change]:
    for pair in ctx.types:
        old, new = pair.old, pair.new
        if not (isinstance(old, Primitive) and isinstance(new, Primitive)):
            continue
        if old.kind != new.kind or old.format == new.format:
            continue
        yield make(CODES, "format-changed", pair.subject,
                   f"the format of {quote(pair.subject)} changed from {_name(old.format)} to {_name(new.format)}", pair.location)
