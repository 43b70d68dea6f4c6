"""A method's path template changed: the SDK calls another URL, which the old server does not serve.

Placeholders are compared by position, not by name: renaming `{batch_id}` to `{id}` sends the
same request (the parameter rename itself is reported by the parameter checks).
"""

from __future__ import annotations

import re
from typing import Iterator

from generator.diff.checks.base import make
from generator.diff.context import DiffContext
from generator.diff.model import Change, Level, quote

CODES: dict[str, Level] = {"method-path-changed": "breaking"}


def _shape(path: str) -> str:
    return re.sub(r"\{[^}]*\}", "{}", path)


def run(ctx: DiffContext) -> Iterator[Change]:
    for pair in ctx.methods:
        if pair.old is None or pair.new is None:
            continue
        if _shape(pair.old.path) != _shape(pair.new.path):
            yield make(CODES, "method-path-changed", pair.subject,
                       f"the path of {quote(pair.subject)} changed from {quote(pair.old.path)} to "
                       f"{quote(pair.new.path)}", pair.new.location)
