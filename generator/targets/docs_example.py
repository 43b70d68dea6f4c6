"""Language-neutral pieces of the reference docs: example values and the property tree.

Both walk IR types and expand model references in place, so they guard against a model that
(directly or through others) contains itself: the second visit of a model on the same branch is
not expanded again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.ir import Api, Array, Const, Enum, InlineObject, Map, ModelRef, Primitive, Property, Type

#: The name a string gets when it has no property name of its own (array items, map values).
UNNAMED = "string"
#: The one key of an example map.
MAP_KEY = "foo"


def example_value(api: Api, t: Type, name: str = UNNAMED, _seen: frozenset[str] = frozenset()) -> Any:
    """An example JSON value for `t`, by the rules of the reference pages.

    A string is its property name, an integer or number is 0, a boolean is true, an enum is its
    first value, a const is its value, a map is {"foo": <its value>}, an array has one element, and
    an object lists every property (optional ones included) once, in spec order.
    """
    if isinstance(t, Primitive):
        return {"string": name, "integer": 0, "number": 0, "boolean": True}[t.kind]
    if isinstance(t, Const):
        return t.value
    if isinstance(t, Enum):
        return t.values[0] if t.values else name
    if isinstance(t, Array):
        return [example_value(api, t.items, UNNAMED, _seen)]
    if isinstance(t, Map):
        return {MAP_KEY: example_value(api, t.values, UNNAMED, _seen)}
    if isinstance(t, InlineObject):
        return _example_object(api, t.properties, _seen)
    assert isinstance(t, ModelRef)
    if t.name in _seen:
        return {}  # a model inside itself: one level is enough for an example
    return _example_object(api, api.model(t.name).properties, _seen | {t.name})


def _example_object(api: Api, properties: tuple[Property, ...], seen: frozenset[str]) -> dict[str, Any]:
    return {p.name: example_value(api, p.type, p.name, seen) for p in properties}


# ---------------------------------------------------------------- the property tree


@dataclass(frozen=True)
class PropertyNode:
    """One property of a returned type, with the properties of its object type expanded below it."""

    property: Property
    children: tuple["PropertyNode", ...]


def object_properties(api: Api, t: Type) -> tuple[Property, ...]:
    """The properties of the object `t` is, or holds (through arrays and maps); () for scalars."""
    while isinstance(t, (Array, Map)):
        t = t.items if isinstance(t, Array) else t.values
    if isinstance(t, InlineObject):
        return t.properties
    if isinstance(t, ModelRef):
        return api.model(t.name).properties
    return ()


def property_tree(api: Api, t: Type | None, _seen: frozenset[str] = frozenset()) -> tuple[PropertyNode, ...]:
    """Every property of the object type `t`, each with its own object properties expanded."""
    if t is None:
        return ()
    inner = t
    while isinstance(inner, (Array, Map)):
        inner = inner.items if isinstance(inner, Array) else inner.values
    if isinstance(inner, ModelRef):
        if inner.name in _seen:
            return ()
        _seen = _seen | {inner.name}
    return tuple(PropertyNode(p, property_tree(api, p.type, _seen)) for p in object_properties(api, inner))
