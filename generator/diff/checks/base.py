"""Helpers every check uses: building a Change with its registered level, and naming types."""

from __future__ import annotations

from typing import Mapping

from generator.diff.model import Change, Level, quote
from generator.ir import (
    AnyValue, Array, Binary, Const, Enum, FileUpload, InlineObject, Location, Map, ModelRef, Primitive, Type,
)


def make(codes: Mapping[str, Level], code: str, subject: str, message: str, location: Location) -> Change:
    """A change whose level is the one its check registered for `code`."""
    return Change(code=code, level=codes[code], subject=subject, message=message, location=location)


def describe_type(t: Type | None) -> str:
    """A short, language-neutral name of a type for messages, e.g. `array of integer`."""
    if t is None:
        return "nothing"
    if isinstance(t, Primitive):
        return f"{t.kind} ({t.format})" if t.format else t.kind
    if isinstance(t, Const):
        return f"const {quote(t.value)}"
    if isinstance(t, Enum):
        return "enum"
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
    assert isinstance(t, ModelRef)
    return f"model {quote(t.name)}"


def in_direction(direction: str) -> str:
    return "in requests" if direction == "request" else "in responses"

