"""A method's result became raw bytes (`binary`), or stopped being raw bytes.

The SDKs return a binary result as a response object (`.content`, `.write_to_file()`; a fetch
`Response`; a `StringIO`), not a parsed model, so code using the result breaks either way.
"""

from __future__ import annotations

from typing import Iterator

from generator.diff.checks.base import describe_named, make
from generator.diff.context import DiffContext
from generator.diff.model import Change, Level, quote
from generator.ir import Binary

CODES: dict[str, Level] = {"response-became-binary": "breaking", "response-no-longer-binary": "breaking"}


def run(ctx: DiffContext) -> Iterator[Change]:
    for pair in ctx.types:
        before, after = isinstance(pair.old, Binary), isinstance(pair.new, Binary)
        if before == after:
            continue
        method = quote(pair.subject.split("(", 1)[0])
        raw = "the raw response bytes (binary)"
        if after:
            yield make(CODES, "response-became-binary", pair.subject,
                       f"method {method} now returns {raw} instead of {describe_named(pair.old, pair.old_alias)}",
                       pair.location)
        else:
            yield make(CODES, "response-no-longer-binary", pair.subject,
                       f"method {method} now returns {describe_named(pair.new, pair.new_alias)} instead of {raw}",
                       pair.location)
