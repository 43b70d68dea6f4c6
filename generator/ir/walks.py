"""Every walk over the IR: resource paths, calls, inline objects, model references, parameter order, cycles.

The walks are module functions filling a list given to them, not nested functions that call themselves:
such a function refers to itself through its closure, a reference cycle that only the cycle collector
frees (on a big spec, 200,000 objects of garbage from the targets' checks alone).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from generator.ir.model import (
    AliasRef, Api, Array, InlineObject, Map, Method, Model, ModelRef, Parameter, Property, Resource, Type, Union,
)


def resources_with_paths(api: Api) -> list[tuple[tuple[str, ...], Resource]]:
    """Every resource with its path of names from the client down, parents first."""
    found: list[tuple[tuple[str, ...], Resource]] = []
    _add_resource_paths((), api.resources, found)
    return found


def _add_resource_paths(prefix: tuple[str, ...], resources: tuple[Resource, ...],
                        found: list[tuple[tuple[str, ...], Resource]]) -> None:
    for resource in resources:
        path = (*prefix, resource.name)
        found.append((path, resource))
        _add_resource_paths(path, resource.resources, found)


@dataclass(frozen=True)
class Call:
    """A method with the chain of resources that leads to it (spec names, outermost first)."""

    resources: tuple[Resource, ...]
    method: Method

    @property
    def resource(self) -> Resource:
        return self.resources[-1]


def calls(api: Api) -> list[Call]:
    """Every method of the API, depth first, in spec order."""
    found: list[Call] = []
    _add_calls(api.resources, (), found)
    return found


def _add_calls(resources: tuple[Resource, ...], chain: tuple[Resource, ...], found: list[Call]) -> None:
    for resource in resources:
        for method in resource.methods:
            found.append(Call(chain + (resource,), method))
        _add_calls(resource.resources, chain + (resource,), found)


def keyword_params(method: Method) -> list[Parameter]:
    """Query and body parameters, required ones first (the order the SDKs take them in), stable otherwise."""
    others = [p for p in method.parameters if p.location != "path"]
    return sorted(others, key=lambda p: not p.required)


def inline_objects(model: Model) -> tuple[InlineObject, ...]:
    """Inline objects declared anywhere inside a model, outermost first."""
    found: list[InlineObject] = []
    for prop in model.properties:
        _add_inline_objects(prop.type, found)
    return tuple(found)


def _add_inline_objects(t: Type, found: list[InlineObject]) -> None:
    if isinstance(t, InlineObject):
        found.append(t)
        for p in t.properties:
            _add_inline_objects(p.type, found)
    elif isinstance(t, (Array, Map)):
        _add_inline_objects(t.items if isinstance(t, Array) else t.values, found)


def model_references(t: Type | None) -> list[str]:
    """Names of the models `t` refers to, through arrays, maps, unions and inline objects (not through
    aliases: see alias_references), in order."""
    return _references(t, ModelRef)


def alias_references(t: Type | None) -> list[str]:
    """Names of the aliases `t` refers to directly (not those inside the aliases), in order."""
    return _references(t, AliasRef)


def _references(t: Type | None, kind: type[ModelRef] | type[AliasRef]) -> list[str]:
    """Names of the references of `kind` in `t`, through arrays, maps, unions and inline objects."""
    if isinstance(t, kind):
        return [t.name]
    if isinstance(t, Array):
        return _references(t.items, kind)
    if isinstance(t, Map):
        return _references(t.values, kind)
    if isinstance(t, Union):
        return [name for variant in t.variants for name in _references(variant, kind)]
    if isinstance(t, InlineObject):
        return [name for p in t.properties for name in _references(p.type, kind)]
    return []


def models_through_aliases(api: Api, t: Type | None) -> list[str]:
    """Names of the models `t` refers to, also through the aliases it names (each alias once), in order."""
    found = model_references(t)
    todo = alias_references(t)
    seen: set[str] = set()
    while todo:
        name = todo.pop(0)
        if name in seen:
            continue
        seen.add(name)
        target = api.alias(name).type
        found.extend(model_references(target))
        todo.extend(alias_references(target))
    return found


def direct_inline_objects(fields: Iterable[Property | Parameter]) -> list[InlineObject]:
    """Inline objects declared by these properties or parameters, also as array items or map values,
    but not those nested inside other inline objects."""
    found: list[InlineObject] = []
    for field in fields:
        t = field.type
        while isinstance(t, (Array, Map)):  # the items of an array, the values of a map
            t = t.items if isinstance(t, Array) else t.values
        if isinstance(t, InlineObject):
            found.append(t)
    return found


def all_inline_objects(properties: tuple[Property, ...]) -> list[InlineObject]:
    """Inline objects declared anywhere below these properties, outermost first."""
    found: list[InlineObject] = []
    _add_all_inline_objects(properties, found)
    return found


def _add_all_inline_objects(properties: tuple[Property, ...], found: list[InlineObject]) -> None:
    for obj in direct_inline_objects(properties):
        found.append(obj)
        _add_all_inline_objects(obj.properties, found)


def referenced_models_of(model: Model) -> set[str]:
    """Names of the models a model's properties refer to."""
    return {name for p in model.properties for name in model_references(p.type)}


def cyclic_references(api: Api) -> dict[str, frozenset[str]]:
    """For each model, the models it refers to (also through aliases) that also lead back to it (itself
    included when it is recursive)."""
    if api.aliases:
        edges = {m.name: {n for p in m.properties for n in models_through_aliases(api, p.type)} for m in api.models}
    else:
        edges = {m.name: referenced_models_of(m) for m in api.models}
    reach = {name: _reachable(edges, name) for name in edges}
    return {name: frozenset(n for n in edges[name] if name in reach.get(n, set())) for name in edges}


def _reachable(edges: dict[str, set[str]], start: str) -> set[str]:
    seen: set[str] = set()
    todo = list(edges.get(start, ()))
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo.extend(edges.get(name, ()))
    return seen
