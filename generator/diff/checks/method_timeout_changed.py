"""A method's own default timeout changed, was set, or was dropped in favour of the client's.

Calls keep working but may wait longer or give up sooner: worth a minor release.
"""

from __future__ import annotations

from typing import Iterator

from generator.diff.checks.base import make
from generator.diff.context import DiffContext
from generator.diff.model import Change, Level, quote

CODES: dict[str, Level] = {"method-timeout-changed": "non-breaking"}


def _timeout(own: float | None, client: float) -> str:
    return f"{quote(f'{own:g}s')}" if own is not None else f"the client's ({quote(f'{client:g}s')})"


def run(ctx: DiffContext) -> Iterator[Change]:
    for pair in ctx.methods:
        old, new = pair.old, pair.new
        if old is None or new is None or old.timeout_seconds == new.timeout_seconds:
            continue
        yield make(CODES, "method-timeout-changed", pair.subject,
                   f"the default timeout of {quote(pair.subject)} changed from "
                   f"{_timeout(old.timeout_seconds, ctx.old.timeout_seconds)} to "
                   f"{_timeout(new.timeout_seconds, ctx.new.timeout_seconds)}",
                   ctx.method_location("new", pair, "timeout"))
