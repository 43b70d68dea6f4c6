"""Pairs up the elements of two APIs so that each check only compares one pair at a time.

Elements are matched by name: models by model name, methods by resource path and method name,
properties and parameters by wire name. A renamed element is therefore a removal plus an
addition, which is what it is for SDK users.

Direction: a model's properties are compared once for each direction the model travels in
(directions.py). Models reached (through refs, arrays, maps, unions, inline objects, aliases) from
a method's parameters travel in requests; those reached from a method's result travel in
responses; a model reached from both is compared in both. A model no method reaches is treated as
a response model, since SDKs export it as a type users read. The usage of the old and the new API
are combined, so a change is judged by every direction it could affect.

Aliases (format 2) are compared like models: once per direction, at the alias, as the place named
after it (`Metadata`, `Metadata{}`). A place that refers to the same alias in both APIs is not
compared again there; a place whose alias changed (an inline type became `ref: Metadata`, or the
reverse) is compared through the aliases, and its TypePair says which alias each side named.
A union's variants are paired by kind (a model's name, `string`, `array`, `enum`...; an alias's is
that of its type) and compared as places `<place>|<variant>` (`Enclosure.capacity|enum`).

A paginated method's `returns` is the type of one item of its pages: it is compared as the place
`<method>().<items field>[]` when the method is paginated in both APIs, and not at all when it is
paginated in one only (the pagination check reports that, with both results).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Literal, TypeVar, Union

from generator.diff.directions import model_directions as model_directions  # (where it used to be)
from generator.diff.model import Direction
from generator.spec.loader import YList, YMap
from generator.ir import (
    Alias, AliasRef, AnyValue, Api, Array, InlineObject, Location, Map, Method, Model, ModelRef, Parameter,
    Primitive, Property, Resource, Type, Union as UnionType,
)

Field = Union[Property, Parameter]
FieldKind = Literal["property", "parameter"]


def field_location(f: Field) -> Location:
    return f.source if isinstance(f, Parameter) else f.location


@dataclass(frozen=True)
class ModelPair:
    name: str
    old: Model | None
    new: Model | None


@dataclass(frozen=True)
class AliasPair:
    name: str
    old: Alias | None
    new: Alias | None


@dataclass(frozen=True)
class ResourcePair:
    subject: str  # resource path, e.g. "widgets.parts"
    old: Resource | None
    new: Resource | None


@dataclass(frozen=True)
class MethodPair:
    subject: str  # e.g. "widgets.parts.retrieve"
    old: Method | None
    new: Method | None


@dataclass(frozen=True)
class FieldPair:
    """A model property or a method parameter, as it was and as it is, in one direction."""

    kind: FieldKind
    subject: str  # e.g. "Batch.errors.data" or "batches.cancel(batch_id)"
    direction: Direction
    old: Field | None
    new: Field | None

    @property
    def location(self) -> Location:
        present = self.new if self.new is not None else self.old
        assert present is not None
        return field_location(present)


@dataclass(frozen=True)
class TypePair:
    """A place that holds a value (a field, an array's items, a map's values, a method result)."""

    subject: str  # e.g. "Batch.status", "Batch.errors.data[]", "batches.retrieve()", "batches.list().data[]"
    direction: Direction
    old: Type | None  # None only for a method that returns nothing
    new: Type | None
    location: Location
    page_items: bool = False  # the items of a paginated method's pages (its `returns`)
    # The types are looked through aliases, except when both sides name the same alias (the alias
    # is compared at itself): these are the aliases each side named at this place, if any.
    old_alias: str | None = None
    new_alias: str | None = None
    alias_root: bool = False  # the place is an alias's own type, named after the alias


@dataclass
class DiffContext:
    old: Api
    new: Api
    # The located trees the APIs were built from: the IR keeps no positions for `api:` settings,
    # so checks of client settings look them up here.
    old_tree: YMap | None = None
    new_tree: YMap | None = None
    models: list[ModelPair] = field(default_factory=list)
    aliases: list[AliasPair] = field(default_factory=list)
    resources: list[ResourcePair] = field(default_factory=list)
    methods: list[MethodPair] = field(default_factory=list)
    fields: list[FieldPair] = field(default_factory=list)
    types: list[TypePair] = field(default_factory=list)

    @classmethod
    def of(cls, old: Api, new: Api, old_tree: YMap | None = None, new_tree: YMap | None = None) -> "DiffContext":
        ctx = cls(old, new, old_tree, new_tree)
        ctx._pair_everything()
        return ctx

    # ------------------------------------------------------------ pairing

    def _pair_everything(self) -> None:
        directions = model_directions(self.old, self.new)
        old_models = {m.name: m for m in self.old.models}
        new_models = {m.name: m for m in self.new.models}
        for name in _union(old_models, new_models):
            pair = ModelPair(name, old_models.get(name), new_models.get(name))
            self.models.append(pair)
            if pair.old is not None and pair.new is not None:
                for direction in directions.get(name, ("response",)):
                    self._pair_fields("property", name, direction, pair.old.properties, pair.new.properties)

        old_aliases = {a.name: a for a in self.old.aliases}
        new_aliases = {a.name: a for a in self.new.aliases}
        for name in _union(old_aliases, new_aliases):
            alias = AliasPair(name, old_aliases.get(name), new_aliases.get(name))
            self.aliases.append(alias)
            if alias.old is not None and alias.new is not None:
                for direction in directions.get(name, ("response",)):
                    self._walk_types(name, direction, alias.old.type, alias.new.type, alias.new.location,
                                     alias_root=True)

        old_resources = _resources_by_path(self.old)
        new_resources = _resources_by_path(self.new)
        for path in _union(old_resources, new_resources):
            old_r, new_r = old_resources.get(path), new_resources.get(path)
            self.resources.append(ResourcePair(path, old_r, new_r))
            old_methods = {m.name: m for m in old_r.methods} if old_r else {}
            new_methods = {m.name: m for m in new_r.methods} if new_r else {}
            for name in _union(old_methods, new_methods):
                subject = f"{path}.{name}"
                method = MethodPair(subject, old_methods.get(name), new_methods.get(name))
                self.methods.append(method)
                if method.old is not None and method.new is not None:
                    self._pair_method(subject, method.old, method.new)

    def _pair_method(self, subject: str, old: Method, new: Method) -> None:
        for name in _union({p.name: p for p in old.parameters}, {p.name: p for p in new.parameters}):
            old_p = next((p for p in old.parameters if p.name == name), None)
            new_p = next((p for p in new.parameters if p.name == name), None)
            self._add_field(FieldPair("parameter", f"{subject}({name})", "request", old_p, new_p))
        if (old.page is None) != (new.page is None):
            return  # pages of items against a whole result: `method_pagination_changed` compares them
        if old.returns is not None or new.returns is not None:
            if new.page is None:
                self._walk_types(f"{subject}()", "response", old.returns, new.returns, new.location)
            else:  # the items of its pages, named after where pages hold them, e.g. `batches.list().data[]`
                self._walk_types(f"{subject}().{new.page.items}[]", "response", old.returns, new.returns,
                                 new.location, page_items=True)

    def _pair_fields(self, kind: FieldKind, owner: str, direction: Direction,
                     old: Iterable[Property], new: Iterable[Property]) -> None:
        old_by_name = {p.name: p for p in old}
        new_by_name = {p.name: p for p in new}
        for name in _union(old_by_name, new_by_name):
            self._add_field(FieldPair(kind, f"{owner}.{name}", direction, old_by_name.get(name),
                                      new_by_name.get(name)))

    def _add_field(self, pair: FieldPair) -> None:
        self.fields.append(pair)
        if pair.old is not None and pair.new is not None:
            self._walk_types(pair.subject, pair.direction, pair.old.type, pair.new.type, pair.location)

    def _walk_types(self, subject: str, direction: Direction, old: Type | None, new: Type | None,
                    location: Location, page_items: bool = False, alias_root: bool = False) -> None:
        if isinstance(old, AliasRef) and isinstance(new, AliasRef) and old.name == new.name:
            self.types.append(TypePair(subject, direction, old, new, location, page_items,
                                       old.name, new.name, alias_root))
            return  # compared once, at the alias
        old_alias = old.name if isinstance(old, AliasRef) else None
        new_alias = new.name if isinstance(new, AliasRef) else None
        old = None if old is None else self.old.resolve(old)
        new = None if new is None else self.new.resolve(new)
        self.types.append(TypePair(subject, direction, old, new, location, page_items, old_alias, new_alias,
                                   alias_root))
        if isinstance(old, UnionType) and isinstance(new, UnionType):
            old_variants, new_variants = variant_keys(self.old, old), variant_keys(self.new, new)
            for key in _union(old_variants, new_variants):
                if key in old_variants and key in new_variants:
                    self._walk_types(f"{subject}|{key}", direction, old_variants[key], new_variants[key], location)
        elif isinstance(old, Array) and isinstance(new, Array):
            self._walk_types(f"{subject}[]", direction, old.items, new.items, location)
        elif isinstance(old, Map) and isinstance(new, Map):
            self._walk_types(f"{subject}{{}}", direction, old.values, new.values, location)
        elif isinstance(old, InlineObject) and isinstance(new, InlineObject):
            self._pair_fields("property", subject, direction, old.properties, new.properties)

    # ------------------------------------------------------------ queries for checks

    def api_location(self, side: Literal["old", "new"], *keys: str, option: str | None = None) -> Location:
        """Where a setting under `api:` is, e.g. ("base_url",) or ("client_options",) with option="project".

        Falls back to the nearest enclosing key found, then to the first line of the spec.
        """
        api, tree = (self.old, self.old_tree) if side == "old" else (self.new, self.new_tree)
        where = Location(api.source, 1, 1)
        node: object = tree.get("api") if isinstance(tree, YMap) else None
        if isinstance(tree, YMap) and "api" in tree:
            where = tree.key_at("api")
        for key in keys:
            if not (isinstance(node, YMap) and key in node):
                return where
            where = node.key_at(key)
            node = node[key]
        if option is not None and isinstance(node, YList):
            for index, item in enumerate(node):
                if isinstance(item, YMap) and item.get("name") == option:
                    return node.item_at(index)
        return where

    def method_location(self, side: Literal["old", "new"], pair: MethodPair, key: str) -> Location:
        """Where a key of a method is in the spec, e.g. its `paginated:`; else where the method is."""
        method = pair.new if side == "new" else pair.old
        assert method is not None
        node: object = self.new_tree if side == "new" else self.old_tree
        *resources, name = pair.subject.split(".")
        for resource in resources:  # resources: {name: {resources: {name: ...}, methods: ...}}
            node = _child(_child(node, "resources"), resource)
        entry = _child(_child(node, "methods"), name)
        return entry.key_at(key) if isinstance(entry, YMap) and key in entry else method.location


def _child(node: object, key: str) -> object:
    return node.get(key) if isinstance(node, YMap) else None


K = TypeVar("K")
V = TypeVar("V")


def _union(old: dict[K, V], new: dict[K, V]) -> list[K]:
    """Keys of both, in the new order, followed by the removed ones in their old order."""
    return list(new) + [k for k in old if k not in new]


def _resources_by_path(api: Api) -> dict[str, Resource]:
    found: dict[str, Resource] = {}

    def walk(prefix: str, resources: tuple[Resource, ...]) -> None:
        for r in resources:
            path = f"{prefix}{r.name}"
            found[path] = r
            walk(path + ".", r.resources)

    walk("", api.resources)
    return found


def variant_kind(api: Api, t: Type) -> str:
    """What pairs a union variant with its counterpart in the other API: a model's name, else the kind
    of type (`string`, `integer`, `array`, `map`, `enum`, `const`, `any`), an alias's being that of the
    type it stands for (so that a variant spelled inline in one API and through an alias in the other
    is one variant, compared as a place)."""
    t = api.resolve(t)
    if isinstance(t, ModelRef):
        return t.name
    if isinstance(t, Primitive):
        return t.kind
    if isinstance(t, AnyValue):
        return "any"
    return type(t).__name__.lower()  # array, map, enum, const (never a union, an object, a file)


def variant_keys(api: Api, union: UnionType) -> dict[str, Type]:
    """A union's variants by `variant_kind`, in order; a second variant of the same kind gets `#2`."""
    keyed: dict[str, Type] = {}
    for variant in union.variants:
        key = base = variant_kind(api, variant)
        count = 1
        while key in keyed:
            count += 1
            key = f"{base}#{count}"
        keyed[key] = variant
    return keyed
