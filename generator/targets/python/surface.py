"""The public API of the Python SDK, one line per symbol, in Python's terms.

    openai.OpenAI: class
    openai.OpenAI.__init__(*, api_key: Optional[str] = ..., ...)
    openai.OpenAI.batches: openai.resources.Batches
    openai.resources.Batches.cancel(batch_id: str) -> Batch
    openai.types.Batch.status: Literal["validating", ...]
    env OPENAI_API_KEY -> openai.OpenAI(api_key)

Defaults are written `...` as in stub files: the value is an implementation detail, that there is
one is part of the API.
"""

from __future__ import annotations

from generator.ir import Api, Model, Parameter, Property
from generator.ir import all_inline_objects, keyword_params, resources_with_paths
from generator.targets.listing import render
from generator.targets.python.names import (
    class_name,
    client_class_name,
    field_identifier,
    member_identifier,
    model_classes,
    nested_class_path,
    option_identifier,
    package_module,
    param_identifier,
    resource_attribute,
    resource_class_name,
)
from generator.targets.python.types import annotation, parameter_annotation, return_annotation


def _param(p: Parameter) -> str:
    return f"{param_identifier(p.name)}: {parameter_annotation(p)}" + ("" if p.required else " = ...")


def _class_lines(qualified: str, properties: tuple[Property, ...], models: frozenset[str]) -> list[str]:
    lines = [f"{qualified}: class"]
    for p in properties:
        text = annotation(p.type, p.nullable or not p.required, models=models)
        lines.append(f"{qualified}.{field_identifier(p.name)}: {text}")
    return lines


def _model_lines(types: str, model: Model, models: frozenset[str]) -> list[str]:
    lines = _class_lines(f"{types}.{class_name(model.name)}", model.properties, models)
    for obj in all_inline_objects(model.properties):
        lines += _class_lines(f"{types}.{nested_class_path(obj.path, models)}", obj.properties, models)
    return lines


def lines(api: Api) -> list[str]:
    module = package_module(api)
    client = f"{module}.{client_class_name(api)}"
    out = [f"{client}: class"]
    init = ["api_key: Optional[str] = ..."]
    init += [f"{option_identifier(o.name)}: Optional[str] = ..." for o in api.client_options]
    init += ["base_url: Optional[str] = ...", "timeout: float = ...", "max_retries: int = ..."]
    out.append(f"{client}.__init__(*, {', '.join(init)})")
    envs = [(api.api_key_env, "api_key"), (api.base_url_env, "base_url")]
    envs += [(o.env, option_identifier(o.name)) for o in api.client_options]
    out += [f"env {env} -> {client}({arg})" for env, arg in envs if env]

    for path, resource in resources_with_paths(api):
        cls = f"{module}.resources.{resource_class_name(api, path)}"
        owner = client if len(path) == 1 else f"{module}.resources.{resource_class_name(api, path[:-1])}"
        attr = resource_attribute(api, path[-1]) if len(path) == 1 else member_identifier(path[-1])
        out.append(f"{owner}.{attr}: {cls}")
        out.append(f"{cls}: class")
        for method in resource.methods:
            args = [_param(p) for p in method.path_params]
            keyword = [_param(p) for p in keyword_params(method)]
            if keyword:
                args += ["*", *keyword]
            out.append(
                f"{cls}.{member_identifier(method.name)}({', '.join(args)}) -> {return_annotation(method.returns)}"
            )

    models = model_classes(api)
    for model in api.models:
        out += _model_lines(f"{module}.types", model, models)
    return out


def surface(api: Api) -> str:
    return render(
        f"Public API of the {api.package('python').name} Python package; generated, sorted.", lines(api)
    )
