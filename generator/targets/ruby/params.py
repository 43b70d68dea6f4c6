"""The params classes of the gem (`OpenAI::Models::BatchCreateParams`): one per method with non-path parameters.

As the official gem has them: a class under Models named from the resource (in the singular), the
method and `Params`, whose readers are the method's query, header and body parameters, with its
enums and inline objects nested (`BatchCreateParams::OutputExpiresAfter`). The SDK contexts, check.py
and surface.py all take them from here, as models.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from generator.ir import (
    Api, Array, InlineObject, Map, Method, Model, Parameter, Property, Type, keyword_params, resources_with_paths,
)
import generator.targets.ruby.names as names


@dataclass(frozen=True)
class ParamsClass:
    path: tuple[str, ...]  # the resource's
    method: Method
    model: Model  # the class as a model: its name, its properties (the parameters, by wire name)


def params_classes(api: Api) -> list[ParamsClass]:
    """Every method's params class, in the order of the resources and their methods."""
    out = []
    for path, resource in resources_with_paths(api):
        for method in resource.methods:
            params = keyword_params(method)
            if not params:
                continue
            name = names.params_class(path, method.name)
            properties = tuple(
                Property(p.name, _reroot(p.type, name), p.required, p.nullable, p.description, p.deprecated, p.source)
                for p in params)
            description = f"The parameters of `{names.call_path(path, method.name)}`."
            out.append(ParamsClass(path, method, Model(name, properties, description, location=method.location)))
    return out


def rooted(path: tuple[str, ...], method: Method, param: Parameter) -> Parameter:
    """`param` of `method` with its inline objects named as its params class nests them
    (`BatchCreateParams::OutputExpiresAfter`): how the gem's signatures, api-surface.txt and the docs
    all type the argument."""
    if param.location == "path":
        return param
    return replace(param, type=_reroot(param.type, names.params_class(path, method.name)))


def arguments(params: ParamsClass) -> list[tuple[str, str]]:
    """(wire name, argument name) of each parameter whose argument is named otherwise (a header's
    `OpenAI-Beta` is `openai_beta`): what `to_hash` renames, so that `create(**params)` works."""
    return [(p.name, names.param_name(p)) for p in keyword_params(params.method) if p.name != names.param_name(p)]


def _reroot(t: Type, owner: str) -> Type:
    """`t` with its inline objects nested in the params class `owner` (their path starts with it)."""
    if isinstance(t, Array):
        return Array(_reroot(t.items, owner))
    if isinstance(t, Map):
        return replace(t, values=_reroot(t.values, owner))
    if isinstance(t, InlineObject):
        properties = tuple(replace(p, type=_reroot(p.type, owner)) for p in t.properties)
        return replace(t, path=(owner, *t.path), properties=properties)
    return t
