"""Language-neutral pieces of the reference docs: example values and the property tree.

Both walk IR types and expand model references in place, so both are bounded: a page grows with
what it documents, never with how many models its models reach (a spec where each model refers to
a few others reaches most of them from any one, which once made pages megabytes long).

- The example value expands models, again where they recur, while it has fewer than
  `EXAMPLE_BUDGET` values; past that, and for a model inside itself, a model is `{}`.
- The property tree always shows the returned object's own properties (its inline objects
  included), then expands the models it refers to nearest first, each once, while the tree stays
  within `TREE_BUDGET` properties. A model not expanded is a link (`PropertyNode.link`) to the
  model's own reference.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from dataclasses import dataclass as _dataclass

from generator.ir import (
    AliasRef, AnyValue, Api, Array, Binary, Const, Enum, FileUpload, InlineObject, Map, Method, ModelRef, Primitive, Property,
    Type, Union,
)

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
    page = _page if _page is not None else _Expansion()
    page.values += 1
    if isinstance(t, Primitive):
        return {"string": name, "integer": 0, "number": 0, "boolean": True}[t.kind]
    if isinstance(t, Const):
        return t.value
    if isinstance(t, Enum):
        return t.values[0] if t.values else name
    if isinstance(t, Array):
        return [example_value(api, t.items, UNNAMED, _seen, page)]
    if isinstance(t, Map):
        return {MAP_KEY: example_value(api, t.values, UNNAMED, _seen, page)}
    if isinstance(t, InlineObject):
        return _example_object(api, t.properties, _seen, page)
    if isinstance(t, AnyValue):
        return {MAP_KEY: "bar"}
    if isinstance(t, FileUpload):
        return FILE_EXAMPLE
    if isinstance(t, Binary):
        return None  # raw bytes have no JSON example
    if isinstance(t, AliasRef):
        return example_value(api, api.alias(t.name).type, name, _seen, page)
    if isinstance(t, Union):
        # The first variant: for an open enum (`string | enum`) that is the string, so pick a known
        # value, which shows what the field holds better than the property's name.
        first = t.variants[0]
        if isinstance(first, Primitive) and first.kind == "string" and any(isinstance(v, Enum) for v in t.variants):
            first = next(v for v in t.variants if isinstance(v, Enum))
        return example_value(api, first, name, _seen, page)
    assert isinstance(t, ModelRef)
    if t.name in _seen or page.values > EXAMPLE_BUDGET:
        return {}  # a model inside itself, or past the budget: the Returns section documents it
    return _example_object(api, api.model(t.name).properties, _seen | {t.name}, page)


@_dataclass(frozen=True)
class FileExample:
    """The example of a file parameter: each language's `literal` writes the file as its SDK takes one
    (Python bytes or a path, TypeScript `toFile`, Ruby a `StringIO`); never JSON."""

    filename: str
    content: str


FILE_EXAMPLE = FileExample("input.jsonl", '{"custom_id": "request-1"}\n')


def response_example(api: Api, method: Method) -> Any:
    """The JSON a method's response holds: one page (one item, no more pages) for a paginated method,
    None when it returns nothing or raw bytes."""
    if method.returns is None or isinstance(method.returns, Binary):
        return None
    value = example_value(api, method.returns)
    if method.page is not None:
        return {method.page.items: [value], method.page.has_more: False}
    return value


def _example_object(api: Api, properties: tuple[Property, ...], seen: frozenset[str],
                    page: _Expansion) -> dict[str, Any]:
    return {p.name: example_value(api, p.type, p.name, seen, page) for p in properties}


#: How many values an example may hold before it stops expanding models. Past it, only the object
#: being written is finished (its inline objects are part of it): the example stays a few hundred
#: lines whatever the spec, and the bundled spec's examples (under 50 values) are whole.
EXAMPLE_BUDGET = 100


class _Expansion:
    """How many values one example has so far."""

    def __init__(self) -> None:
        self.values = 0


# ---------------------------------------------------------------- the property tree


#: How many properties the returned tree of one method may show, counting the returned object's own
#: (always shown) and those of the models expanded below them. The bundled spec's trees (under 40)
#: are whole; a tree that reaches hundreds of models stays a screen or two long.
TREE_BUDGET = 50


@dataclass(frozen=True)
class PropertyNode:
    """One property of a returned type, with the properties of its object type expanded below it,
    or, for a model not expanded here, the name of that model (`link`)."""

    property: Property
    children: tuple["PropertyNode", ...]
    link: str = ""


def object_type(t: Type) -> Type:
    """What an array or map holds, through any nesting; `t` itself otherwise."""
    while isinstance(t, (Array, Map)):
        t = t.items if isinstance(t, Array) else t.values
    return t


def object_properties(api: Api, t: Type) -> tuple[Property, ...]:
    """The properties of the object `t` is, or holds (through arrays, maps and aliases); () for scalars
    and unions."""
    t = object_type(api.resolve(t))
    if isinstance(t, InlineObject):
        return t.properties
    if isinstance(t, ModelRef):
        return api.model(t.name).properties
    return ()


class _Node:
    """A PropertyNode while its tree is being built: a model reference may still be expanded."""

    __slots__ = ("property", "children", "link")

    def __init__(self, prop: Property) -> None:
        self.property = prop
        self.children: list[_Node] = []
        self.link = ""

    def freeze(self) -> PropertyNode:
        return PropertyNode(self.property, tuple(c.freeze() for c in self.children), self.link)


class _TreeBuilder:
    def __init__(self) -> None:
        self.size = 0  # properties in the tree so far
        self.references: list[_Node] = []  # model references met, in breadth-first order

    def own(self, properties: tuple[Property, ...]) -> list[_Node]:
        """Nodes for `properties` and their inline objects; model references are links for now."""
        nodes = []
        for prop in properties:
            node = _Node(prop)
            inner = object_type(prop.type)
            if isinstance(inner, InlineObject):
                node.children = self.own(inner.properties)
            elif isinstance(inner, ModelRef):
                node.link = inner.name
                self.references.append(node)
            nodes.append(node)
        self.size += len(nodes)
        return nodes


def own_size(api: Api, name: str) -> int:
    """How many properties a model shows when expanded: its own and its inline objects'."""
    def count(properties: tuple[Property, ...]) -> int:
        total = len(properties)
        for prop in properties:
            inner = object_type(prop.type)
            if isinstance(inner, InlineObject):
                total += count(inner.properties)
        return total

    return count(api.model(name).properties)


def property_tree(api: Api, t: Type | None, budget: int = TREE_BUDGET) -> tuple[PropertyNode, ...]:
    """Every property of the object type `t` (inline objects expanded), and the models they refer to
    expanded nearest first, each once, until the next would take the tree past `budget` properties.
    A budget of 0 gives the object's own properties with every model reference a link."""
    if t is None:
        return ()
    inner = object_type(t)
    builder = _TreeBuilder()
    top = builder.own(object_properties(api, inner))
    expanded = {inner.name} if isinstance(inner, ModelRef) else set()
    sizes: dict[str, int] = {}
    # builder.references grows while it is read: the models found inside an expanded model come
    # after every reference already met, which makes the order breadth-first.
    for node in builder.references:
        name = node.link
        if name in expanded:
            continue  # shown once on the page already: the link stays
        if name not in sizes:
            sizes[name] = own_size(api, name)
        if builder.size + sizes[name] > budget:
            break  # nearest first: everything further stays a link
        expanded.add(name)
        node.link = ""
        node.children = builder.own(api.model(name).properties)
    return tuple(node.freeze() for node in top)

