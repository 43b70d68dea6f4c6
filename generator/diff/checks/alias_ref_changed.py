"""A place switched between an inline type and an alias (`ref: Metadata`), or between two aliases.

An alias is another name for its type: when the type it stands for is the same as before, the
value is the same on the wire and to type checkers (Python and TypeScript aliases are transparent,
Ruby spells the type in place), so nothing breaks; but the SDKs' signatures and docs now spell the
type by another name, which the message says (info). When the type differs too, the type checks
report that difference in each direction; when it is another kind of type, their messages name the
aliases, and this check says nothing more.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Iterator

from generator.diff.checks.base import describe_type, make
from generator.diff.checks.type_changed import place, same_kind
from generator.diff.context import DiffContext
from generator.diff.model import Change, Level, quote
from generator.ir import AliasRef, Api, Array, InlineObject, Map, Type, Union

CODES: dict[str, Level] = {
    "type-became-alias": "info",
    "type-no-longer-alias": "info",
    "type-alias-changed": "info",
}


def expand(api: Api, t: Type) -> Type:
    """`t` with every alias inside it replaced by its type, for comparing what two spellings stand for."""
    t = api.resolve(t)
    if isinstance(t, Array):
        return Array(expand(api, t.items))
    if isinstance(t, Map):
        return Map(expand(api, t.values))
    if isinstance(t, Union):
        return Union(tuple(expand(api, v) for v in t.variants), t.discriminator)
    if isinstance(t, InlineObject):
        return replace(t, properties=tuple(replace(p, type=expand(api, p.type)) for p in t.properties))
    return t


def run(ctx: DiffContext) -> Iterator[Change]:
    for pair in ctx.types:
        if pair.old_alias == pair.new_alias or pair.old is None or pair.new is None:
            continue
        if isinstance(pair.old, AliasRef) or isinstance(pair.new, AliasRef):
            continue  # (never: a place naming the same alias on both sides is not looked through)
        if not same_kind(pair.old, pair.new):
            continue  # `type_changed` (or `any_type_changed`, `binary_result_changed`) names the aliases
        same = expand(ctx.old, pair.old) == expand(ctx.new, pair.new)
        old_name, new_name = quote(pair.old_alias or ""), quote(pair.new_alias or "")
        if pair.old_alias is None:
            code, what = "type-became-alias", f"now refers to alias {new_name}"
            same_type, naming = "which stands for the same", f"now name the type {new_name}"
        elif pair.new_alias is None:
            code, what = "type-no-longer-alias", f"no longer refers to alias {old_name}"
            same_type, naming = "but spells out the same", f"no longer name the type {old_name}"
        else:
            code, what = "type-alias-changed", f"now refers to alias {new_name} instead of {old_name}"
            same_type, naming = "which stand for the same", f"now name the type {new_name}"
        if same:
            consequence = (f", {same_type} {describe_type(pair.new)}: the same on the wire and to type checkers, "
                           f"but the SDKs' signatures and docs {naming}")
        else:
            consequence = (f"; its type changed too, from {describe_type(pair.old)} to {describe_type(pair.new)} "
                           "(reported on its own)")
        yield make(CODES, code, pair.subject, f"{place(pair)} {what}{consequence}", pair.location)
