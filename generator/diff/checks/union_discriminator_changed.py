"""A union's `discriminator` (format 2) was set, dropped, or names another property.

Responses: the SDKs pick the variant of a value by its discriminator, or, without one, take the
first variant the value's shape fits; another rule can decode the same JSON as another variant
(a model whose required properties all happen to be present), so it is breaking. Requests: the
value is sent as given and the SDKs' parameter types are the same union of variants with or without
a discriminator: only the documentation changes (info). The variant models' own `const`
properties are compared as properties of those models.
"""

from __future__ import annotations

from typing import Iterator

from generator.diff.checks.base import make
from generator.diff.context import DiffContext
from generator.diff.model import Change, Level, quote
from generator.ir import Union

CODES: dict[str, Level] = {
    "response-union-discriminator-changed": "breaking",
    "request-union-discriminator-changed": "info",
}
CONSEQUENCES = {
    "response-union-discriminator-changed": ": the SDKs may decode a value as another variant",
    "request-union-discriminator-changed": ": values are sent as given, only the SDKs' docs change",
}


def _name(discriminator: str | None) -> str:
    return f"property {quote(discriminator)}" if discriminator else "no discriminator (the first variant that fits)"


def run(ctx: DiffContext) -> Iterator[Change]:
    for pair in ctx.types:
        old, new = pair.old, pair.new
        if not (isinstance(old, Union) and isinstance(new, Union)) or old.discriminator == new.discriminator:
            continue
        code = f"{pair.direction}-union-discriminator-changed"
        yield make(CODES, code, pair.subject,
                   f"the union {quote(pair.subject)} in {pair.direction}s now tells its variants apart by "
                   f"{_name(new.discriminator)} instead of {_name(old.discriminator)}{CONSEQUENCES[code]}",
                   pair.location)
