"""The default base URL changed: every client built without an explicit URL talks to another server."""

from __future__ import annotations

from typing import Iterator

from generator.diff.checks.base import make
from generator.diff.context import DiffContext
from generator.diff.model import Change, Level, quote

CODES: dict[str, Level] = {"base-url-changed": "breaking"}


def run(ctx: DiffContext) -> Iterator[Change]:
    if ctx.old.base_url != ctx.new.base_url:
        yield make(CODES, "base-url-changed", "api.base_url",
                   f"the default base URL changed from {quote(ctx.old.base_url)} to {quote(ctx.new.base_url)}",
                   ctx.api_location("new", "base_url"))
