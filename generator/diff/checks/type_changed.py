"""A value's type changed kind (e.g. integer to string, or one model to another).

Breaking in both directions: code reading the value gets another type, and code sending the old
type is rejected. Changes inside a type are left to the finer checks: an array's items, a map's
values and an inline object's properties are compared as their own places, enum values by
`enum_values_changed`, const values by `const_value_changed`, formats by `format_changed`, a union's
variants by `union_variants_changed`. A string enum becoming an integer enum (or the reverse) is a
change of kind; a type becoming a union or ceasing to be one too. Places are compared through
aliases (see context.py): the message names the alias a side reached its type through.
A type becoming or ceasing to be `any` is judged by `any_type_changed` (a widening is not always
breaking), a result becoming or ceasing to be `binary` by `binary_result_changed`.
"""

from __future__ import annotations

from typing import Iterator

from generator.diff.checks.base import describe_named, in_direction, make
from generator.diff.context import DiffContext, TypePair
from generator.diff.model import Change, Level, quote
from generator.ir import AliasRef, AnyValue, Binary, Enum, ModelRef, Primitive, Type

CODES: dict[str, Level] = {"response-type-changed": "breaking", "request-type-changed": "breaking"}


def same_kind(old: Type | None, new: Type | None) -> bool:
    if type(old) is not type(new):
        return False
    if isinstance(old, Primitive) and isinstance(new, Primitive):
        return old.kind == new.kind
    if isinstance(old, (ModelRef, AliasRef)) and isinstance(new, (ModelRef, AliasRef)):
        return old.name == new.name
    if isinstance(old, Enum) and isinstance(new, Enum):
        return old.is_integer == new.is_integer
    return True


def judged_elsewhere(old: Type | None, new: Type | None) -> bool:
    """Changes to or from `any` (between two types) or `binary`, which have their own checks."""
    if isinstance(old, Binary) != isinstance(new, Binary):
        return True
    return old is not None and new is not None and isinstance(old, AnyValue) != isinstance(new, AnyValue)


def place(pair: TypePair) -> str:
    if pair.alias_root:
        return f"the type of alias {quote(pair.subject)}"
    if pair.page_items:
        return f"the items of the pages of {quote(pair.subject.split('(', 1)[0])}"
    if pair.subject.endswith("()"):
        return f"the result of {quote(pair.subject[:-2])}"
    return f"the type of {quote(pair.subject)}"


def run(ctx: DiffContext) -> Iterator[Change]:
    for pair in ctx.types:
        if same_kind(pair.old, pair.new) or judged_elsewhere(pair.old, pair.new):
            continue
        yield make(CODES, f"{pair.direction}-type-changed", pair.subject,
                   f"{place(pair)} {in_direction(pair.direction)} changed from "
                   f"{describe_named(pair.old, pair.old_alias)} to {describe_named(pair.new, pair.new_alias)}",
                   pair.location)
