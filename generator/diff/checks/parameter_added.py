"""A new method parameter: required ones break every existing call, optional ones none.

Header parameters have their own codes, in `header_parameter_changed`.
"""

from __future__ import annotations

from typing import Iterator

from generator.diff.checks.base import make
from generator.diff.checks.header_parameter_changed import is_header
from generator.diff.context import DiffContext
from generator.diff.model import Change, Level, quote

CODES: dict[str, Level] = {
    "request-parameter-added-required": "breaking",
    "request-parameter-added-optional": "non-breaking",
}


def run(ctx: DiffContext) -> Iterator[Change]:
    for pair in ctx.fields:
        if pair.kind != "parameter" or pair.old is not None or pair.new is None or is_header(pair):
            continue
        if pair.new.required:
            yield make(CODES, "request-parameter-added-required", pair.subject,
                       f"required parameter {quote(pair.subject)} was added: callers must now pass it",
                       pair.location)
        else:
            yield make(CODES, "request-parameter-added-optional", pair.subject,
                       f"optional parameter {quote(pair.subject)} was added", pair.location)
