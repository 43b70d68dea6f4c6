"""Language-neutral pieces of the reference docs: example values and the property tree.

Both walk IR types and expand model references in place, so they guard against a model that
(directly or through others) contains itself: the second visit of a model on the same branch is
not expanded again. They also guard against models reached along many paths (model i refers to
models i-1 and i-2): expanding every path is exponential in the depth. Within one page a model
is expanded again where it recurs only while the page is small (an `_Expansion` budget); past
it, a model already expanded on the page is shown once and referred to afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.ir import Api, Array, Const, Enum, InlineObject, Map, ModelRef, Primitive, Property, Type

#: The name a string gets when it has no property name of its own (array items, map values).
UNNAMED = "string"
#: The one key of an example map.
MAP_KEY = "foo"


def example_value(api: Api, t: Type, name: str = UNNAMED, _seen: frozenset[str] = frozenset(),
                  _page: _Expansion | None = None) -> Any:
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
    page = _page if _page is not None else _Expansion()
    if isinstance(t, Array):
        return [example_value(api, t.items, UNNAMED, _seen, page)]
    if isinstance(t, Map):
        return {MAP_KEY: example_value(api, t.values, UNNAMED, _seen, page)}
    if isinstance(t, InlineObject):
        return _example_object(api, t.properties, _seen, page)
    assert isinstance(t, ModelRef)
    if t.name in _seen or not page.allows(t.name):
        return {}  # a model inside itself, or already shown on a big page: one level is enough
    return _example_object(api, api.model(t.name).properties, _seen | {t.name}, page)


def _example_object(api: Api, properties: tuple[Property, ...], seen: frozenset[str],
                    page: _Expansion) -> dict[str, Any]:
    return {p.name: example_value(api, p.type, p.name, seen, page) for p in properties}


#: How many values one page may expand before recurring models stop being expanded again.
EXPANSION_BUDGET = 2000


class _Expansion:
    """What one page has expanded so far: models seen anywhere, and the number of values."""

    def __init__(self) -> None:
        self.models: set[str] = set()
        self.values = 0

    def allows(self, model: str) -> bool:
        self.values += 1
        if model in self.models and self.values > EXPANSION_BUDGET:
            return False
        self.models.add(model)
        return True


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


def property_tree(api: Api, t: Type | None, _seen: frozenset[str] = frozenset(),
                  _page: _Expansion | None = None) -> tuple[PropertyNode, ...]:
    """Every property of the object type `t`, each with its own object properties expanded."""
    if t is None:
        return ()
    inner = t
    while isinstance(inner, (Array, Map)):
        inner = inner.items if isinstance(inner, Array) else inner.values
    page = _page if _page is not None else _Expansion()
    if isinstance(inner, ModelRef):
        if inner.name in _seen or not page.allows(inner.name):
            return ()
        _seen = _seen | {inner.name}
    return tuple(PropertyNode(p, property_tree(api, p.type, _seen, page)) for p in object_properties(api, inner))
