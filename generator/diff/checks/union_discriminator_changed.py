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
    "response-union-discriminator-changed": "; the SDKs may decode a value as another variant",
    "request-union-discriminator-changed": "; values are sent as given, only the SDKs' docs change",
}


def _how(old: str | None, new: str | None) -> str:
    if new is None:
        return (f"no longer has a discriminator: the first variant a value's shape fits is taken instead of the one "
                f"property {quote(old)} names")
    if old is None:
        return f"now has discriminator {quote(new)}: the variant is the one that property names, not the first that fits"
    return f"now tells its variants apart by property {quote(new)} instead of {quote(old)}"


def run(ctx: DiffContext) -> Iterator[Change]:
    for pair in ctx.types:
        old, new = pair.old, pair.new
        if not (isinstance(old, Union) and isinstance(new, Union)) or old.discriminator == new.discriminator:
            continue
        code = f"{pair.direction}-union-discriminator-changed"
        yield make(CODES, code, pair.subject,
                   f"the union {quote(pair.subject)} in {pair.direction}s {_how(old.discriminator, new.discriminator)}"
                   f"{CONSEQUENCES[code]}", pair.location)
