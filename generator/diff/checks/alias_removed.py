"""An alias that no longer exists (or was renamed): code naming its type (Python
`types.shared.<Name>`, TypeScript `Shared.<Name>`) no longer imports or compiles. The places that
used it are reported on their own (`type-no-longer-alias`, or a type change)."""

from __future__ import annotations

from typing import Iterator

from generator.diff.checks.base import make
from generator.diff.context import DiffContext
from generator.diff.model import Change, Level, quote

CODES: dict[str, Level] = {"alias-removed": "breaking"}


def run(ctx: DiffContext) -> Iterator[Change]:
    for pair in ctx.aliases:
        if pair.old is not None and pair.new is None:
            yield make(CODES, "alias-removed", pair.name, f"alias {quote(pair.name)} was removed", pair.old.location)
