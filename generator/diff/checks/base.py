"""Helpers every check uses: building a Change with its registered level, and naming types."""

from __future__ import annotations

from typing import Mapping

from generator.diff.model import Change, Level, quote
from generator.ir import (
    AliasRef, AnyValue, Array, Binary, Const, Enum, FileUpload, InlineObject, Location, Map, ModelRef, Primitive,
    Type, Union,
)


def make(codes: Mapping[str, Level], code: str, subject: str, message: str, location: Location) -> Change:
    """A change whose level is the one its check registered for `code`."""
    return Change(code=code, level=codes[code], subject=subject, message=message, location=location)


def describe_type(t: Type | None) -> str:
    """A short, language-neutral name of a type for messages, e.g. `array of integer`, `integer enum`,
    `alias `Metadata``, `union of string | array of string`."""
    if t is None:
        return "nothing"
    if isinstance(t, Primitive):
        return f"{t.kind} ({t.format})" if t.format else t.kind
    if isinstance(t, Const):
        return f"const {quote(t.value)}"
    if isinstance(t, Enum):
        return "integer enum" if t.is_integer else "enum"
    if isinstance(t, Array):
        return f"array of {describe_type(t.items)}"
    if isinstance(t, Map):
        return f"map of {describe_type(t.values)}"
    if isinstance(t, InlineObject):
        return "object"
    if isinstance(t, AnyValue):
        return "any"
    if isinstance(t, FileUpload):
        return "file"
    if isinstance(t, Binary):
        return "binary"
    if isinstance(t, AliasRef):
        return f"alias {quote(t.name)}"
    if isinstance(t, Union):
        variants = " | ".join(describe_type(v) for v in t.variants)
        by = f" (discriminator {quote(t.discriminator)})" if t.discriminator else ""
        return f"union of {variants}{by}"
    assert isinstance(t, ModelRef)
    return f"model {quote(t.name)}"


def describe_named(t: Type | None, alias: str | None) -> str:
    """describe_type, saying which alias the type was reached through, e.g. `alias `Metadata` (map of string)`."""
    if alias is None or isinstance(t, AliasRef):
        return describe_type(t)
    return f"alias {quote(alias)} ({describe_type(t)})"


def in_direction(direction: str) -> str:
    return "in requests" if direction == "request" else "in responses"

