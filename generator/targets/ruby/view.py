"""The API as the Ruby gem reads it: aliases spelled in place, open enums read as enums.

openai-ruby has no type aliases: a property typed `Metadata` is typed as the map it stands for. An open
enum (`string | enum`) is what every enum of the gem already is (a known value a Symbol, any other String
kept), so it becomes that enum: a property of one gets its enum module as a closed enum does. Every part
of the target (SDK, api-surface.txt, checks, the docs adapter) reads this view, so they agree.
"""

from __future__ import annotations

from dataclasses import replace

from generator.ir import (
    AliasRef, Api, Array, Enum, InlineObject, Map, Method, Model, Parameter, Primitive, Property, Resource, Type, Union,
)


def ruby_view(api: Api) -> Api:
    """`api` without AliasRefs and with open enums as enums; `api` itself when it has neither."""
    models = tuple(_model(api, m) for m in api.models)
    resources = tuple(_resource(api, r) for r in api.resources)
    if _same(models, api.models) and _same(resources, api.resources):
        return api
    return replace(api, models=models, resources=resources)


def _same(new: tuple[object, ...], old: tuple[object, ...]) -> bool:
    return all(a is b for a, b in zip(new, old))


def spell(api: Api, t: Type) -> Type:
    """One type as the gem reads it."""
    if isinstance(t, AliasRef):
        return spell(api, api.alias(t.name).type)
    if isinstance(t, Array):
        items = spell(api, t.items)
        return t if items is t.items else Array(items)
    if isinstance(t, Map):
        values = spell(api, t.values)
        return t if values is t.values else Map(values)
    if isinstance(t, InlineObject):
        props = tuple(_property(api, p) for p in t.properties)
        return t if _same(props, t.properties) else replace(t, properties=props)
    if isinstance(t, Union):
        variants = tuple(spell(api, v) for v in t.variants)
        return open_enum(variants) or Union(variants, t.discriminator)
    return t


def open_enum(variants: tuple[Type, ...]) -> Enum | None:
    """The enum an open enum (strings and string enums) stands for; None for any other union."""
    enums = [v for v in variants if isinstance(v, Enum)]
    if not enums or any(e.is_integer for e in enums):
        return None
    if not all(isinstance(v, Enum) or v == Primitive("string") for v in variants):
        return None
    return Enum(tuple(dict.fromkeys(value for e in enums for value in e.values)))


def _property(api: Api, p: Property) -> Property:
    t = spell(api, p.type)
    return p if t is p.type else replace(p, type=t)


def _model(api: Api, model: Model) -> Model:
    props = tuple(_property(api, p) for p in model.properties)
    return model if _same(props, model.properties) else replace(model, properties=props)


def _param(api: Api, p: Parameter) -> Parameter:
    t = spell(api, p.type)
    return p if t is p.type else replace(p, type=t)


def _method(api: Api, m: Method) -> Method:
    returns = spell(api, m.returns) if m.returns is not None else None
    params = tuple(_param(api, p) for p in m.parameters)
    if returns is m.returns and _same(params, m.parameters):
        return m
    return replace(m, parameters=params, returns=returns)


def _resource(api: Api, r: Resource) -> Resource:
    methods = tuple(_method(api, m) for m in r.methods)
    children = tuple(_resource(api, c) for c in r.resources)
    if _same(methods, r.methods) and _same(children, r.resources):
        return r
    return replace(r, methods=methods, resources=children)
