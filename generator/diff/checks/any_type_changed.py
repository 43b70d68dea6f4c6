"""A value's type became `any` (format 2), or a type replaced `any`.

Requests: widening to `any` accepts everything callers sent before (non-breaking); narrowing
from `any` rejects values that were accepted (breaking). Responses: the reverse, since code
reading a typed value cannot use an untyped one (`object`, `unknown`) without a check, while
code written for `any` keeps working with a precise type.
"""

from __future__ import annotations

from typing import Iterator

from generator.diff.checks.base import describe_named, in_direction, make
from generator.diff.checks.type_changed import place
from generator.diff.context import DiffContext
from generator.diff.model import Change, Level
from generator.ir import AnyValue, Binary

CODES: dict[str, Level] = {
    "request-type-widened-to-any": "non-breaking",
    "request-type-narrowed-from-any": "breaking",
    "response-type-widened-to-any": "breaking",
    "response-type-narrowed-from-any": "non-breaking",
}
CONSEQUENCES = {
    "request-type-widened-to-any": "",
    "request-type-narrowed-from-any": ": callers sending other values break",
    "response-type-widened-to-any": ": code using the value must now check its type",
    "response-type-narrowed-from-any": "",
}


def run(ctx: DiffContext) -> Iterator[Change]:
    for pair in ctx.types:
        if pair.old is None or pair.new is None:
            continue  # a method starting or stopping to return anything: `type_changed`
        # (any against binary, a method's result: `binary_result_changed`)
        before, after = isinstance(pair.old, AnyValue), isinstance(pair.new, AnyValue)
        if before == after or isinstance(pair.old, Binary) or isinstance(pair.new, Binary):
            continue
        how = "widened-to-any" if after else "narrowed-from-any"
        code = f"{pair.direction}-type-{how}"
        yield make(CODES, code, pair.subject,
                   f"{place(pair)} {in_direction(pair.direction)} changed from {describe_named(pair.old, pair.old_alias)} to "
                   f"{describe_named(pair.new, pair.new_alias)}{CONSEQUENCES[code]}", pair.location)
