"""The client's name changed: the class users construct (OpenAI, OpenAI::Client's module) is renamed."""

from __future__ import annotations

from typing import Iterator

from generator.diff.checks.base import make
from generator.diff.context import DiffContext
from generator.diff.model import Change, Level, quote

CODES: dict[str, Level] = {"client-renamed": "breaking"}


def run(ctx: DiffContext) -> Iterator[Change]:
    if ctx.old.name != ctx.new.name:
        yield make(CODES, "client-renamed", "api.name",
                   f"the client was renamed from {quote(ctx.old.name)} to {quote(ctx.new.name)}",
                   ctx.api_location("new", "name"))
