"""A default of the client's behaviour changed: timeout, retry count or request-id header.

Code keeps working, but runs behave differently (longer or shorter waits, more or fewer
retries), so it is worth a minor release and a line in the changelog.
"""

from __future__ import annotations

from typing import Iterator

from generator.diff.checks.base import make
from generator.diff.context import DiffContext
from generator.diff.model import Change, Level, quote

CODES: dict[str, Level] = {"client-default-changed": "non-breaking"}


def run(ctx: DiffContext) -> Iterator[Change]:
    old, new = ctx.old, ctx.new
    settings = [
        ("timeout", "the default timeout", f"{old.timeout_seconds:g}s", f"{new.timeout_seconds:g}s"),
        ("max_retries", "the default number of retries", str(old.max_retries), str(new.max_retries)),
        ("request_id_header", "the request-id header", old.request_id_header, new.request_id_header),
    ]
    for key, what, before, after in settings:
        if before != after:
            yield make(CODES, "client-default-changed", f"api.{key}",
                       f"{what} changed from {quote(before)} to {quote(after)}", ctx.api_location("new", key))
