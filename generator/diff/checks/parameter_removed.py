"""A method parameter that no longer exists: calls that pass it fail (unknown argument).

Header parameters have their own codes, in `header_parameter_changed`.
"""

from __future__ import annotations

from typing import Iterator

from generator.diff.checks.base import make
from generator.diff.checks.header_parameter_changed import is_header
from generator.diff.context import DiffContext
from generator.diff.model import Change, Level, quote

CODES: dict[str, Level] = {"request-parameter-removed": "breaking"}


def run(ctx: DiffContext) -> Iterator[Change]:
    for pair in ctx.fields:
        if pair.kind == "parameter" and pair.old is not None and pair.new is None and not is_header(pair):
            yield make(CODES, "request-parameter-removed", pair.subject,
                       f"parameter {quote(pair.subject)} was removed", pair.location)
