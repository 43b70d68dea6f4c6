"""A method's HTTP method changed (e.g. POST to PUT): the server routes the request elsewhere."""

from __future__ import annotations

from typing import Iterator

from generator.diff.checks.base import make
from generator.diff.context import DiffContext
from generator.diff.model import Change, Level, quote

CODES: dict[str, Level] = {"method-http-method-changed": "breaking"}


def run(ctx: DiffContext) -> Iterator[Change]:
    for pair in ctx.methods:
        if pair.old is None or pair.new is None or pair.old.http_method == pair.new.http_method:
            continue
        yield make(CODES, "method-http-method-changed", pair.subject,
                   f"the HTTP method of {quote(pair.subject)} changed from {pair.old.http_method} to "
                   f"{pair.new.http_method}", pair.new.location)
