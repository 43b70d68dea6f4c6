"""A const changed value: in requests the server now expects another literal, in responses code
comparing against the old literal (or typed by it) breaks."""

from __future__ import annotations

from typing import Iterator

from generator.diff.checks.base import make
from generator.diff.context import DiffContext
from generator.diff.model import Change, Level, quote
from generator.ir import Const

CODES: dict[str, Level] = {"const-value-changed": "breaking"}


def run(ctx: DiffContext) -> Iterator[Change]:
    for pair in ctx.types:
        old, new = pair.old, pair.new
        if not (isinstance(old, Const) and isinstance(new, Const)):
            continue
        if old.value == new.value and type(old.value) is type(new.value):
            continue
        yield make(CODES, "const-value-changed", pair.subject,
                   f"the const value of {quote(pair.subject)} in {pair.direction}s changed from "
                   f"{quote(old.value)} to {quote(new.value)}", pair.location)
