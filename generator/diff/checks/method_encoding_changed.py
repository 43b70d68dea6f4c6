"""A method's body encoding changed between JSON and multipart form: the request goes out in a
format the other side of the change does not read (and file parts exist only in a form)."""

from __future__ import annotations

from typing import Iterator

from generator.diff.checks.base import make
from generator.diff.context import DiffContext
from generator.diff.model import Change, Level, quote

CODES: dict[str, Level] = {"method-body-encoding-changed": "breaking"}

ENCODINGS = {"json": "JSON", "multipart": "a multipart form"}


def run(ctx: DiffContext) -> Iterator[Change]:
    for pair in ctx.methods:
        old, new = pair.old, pair.new
        if old is None or new is None or old.body_encoding == new.body_encoding:
            continue
        yield make(CODES, "method-body-encoding-changed", pair.subject,
                   f"the body of {quote(pair.subject)} is now sent as {ENCODINGS[new.body_encoding]} instead of "
                   f"{ENCODINGS[old.body_encoding]}", ctx.method_location("new", pair, "encoding"))
