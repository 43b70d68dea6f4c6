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
    SHARED,
    SHARED_PARAMS,
    ParamsNames,
    class_name,
    client_class_name,
    field_identifier,
    member_identifier,
    method_params_names,
    model_classes,
    nested_class_path,
    option_identifier,
    package_module,
    page_attribute,
    page_class_name,
    param_identifier,
    param_objects,
    params_names,
    resource_attribute,
    resource_class_name,
    typed_dict_keys_are_names,
)
from generator.targets.python.literals import string_literal
from generator.targets.python.types import (
    API_KEY,
    CLIENT_OPTIONS,
    OPTION,
    alias_annotation,
    alias_param_annotation,
    annotation,
    method_return_annotation,
    optional,
    optional_parameter_annotation,
    param_annotation,
)


def _param(p: Parameter, params: ParamsNames | None) -> str:
    return f"{param_identifier(p.name)}: {optional_parameter_annotation(p, params)}" + (
        "" if p.required else " = ..."
    )


def _params_lines(api: Api, types: str) -> list[str]:
    """The TypedDicts of the params modules: `types.BatchCreateParams` and `types.batch_create_params.X`."""
    out: list[str] = []
    for path, resource in resources_with_paths(api):
        for method in resource.methods:
            names = method_params_names(api, path, method)
            if names is None:
                continue
            params = [p for p in method.parameters if p.location in ("query", "body")]
            owners: list[tuple[str, tuple[Parameter, ...] | tuple[Property, ...]]] = [
                (f"{types}.{names.cls}", tuple(params))
            ]
            owners += [
                (f"{types}.{names.module}.{names.objects[obj.path]}", obj.properties)
                for p in params
                for obj in param_objects(p.type)
                if obj.path in names.objects
            ]
            as_classes = typed_dict_keys_are_names([p.name for _, props in owners for p in props])
            for owner, props in owners:
                out.append(f"{owner}: TypedDict")
                for prop in props:
                    text = optional(param_annotation(prop.type, names, qualified=False), prop.nullable)
                    # A class's field as `.name`; a key of the functional syntax as `["key"]`.
                    key = f".{prop.name}" if as_classes else f"[{string_literal(prop.name)}]"
                    out.append(f"{owner}{key}: {f'Required[{text}]' if prop.required else text}")
    return out


def _client_lines(api: Api, client: str, is_async: bool) -> list[str]:
    init = [f"api_key: {API_KEY[is_async]} = ..."]
    init += [f"{option_identifier(s.name)}: {OPTION} = ..." for s in api.auth_schemes]
    init += [f"{option_identifier(o.name)}: {OPTION} = ..." for o in api.client_options]
    init += [f"{name}: {(sync, async_)[is_async]} = ..." for name, sync, async_, _ in CLIENT_OPTIONS]
    return [f"{client}: class", f"{client}.__init__(*, {', '.join(init)})"]


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
    out = _client_lines(api, client, False)
    out += _client_lines(api, f"{module}.Async{client_class_name(api)}", True)
    envs = [(api.api_key_env, "api_key"), (api.base_url_env, "base_url")]
    envs += [(s.env, option_identifier(s.name)) for s in api.auth_schemes]
    envs += [(o.env, option_identifier(o.name)) for o in api.client_options]
    out += [f"env {env} -> {client}({arg})" for env, arg in envs if env]

    for path, resource in resources_with_paths(api):
        cls = f"{module}.resources.{resource_class_name(api, path)}"
        owner = client if len(path) == 1 else f"{module}.resources.{resource_class_name(api, path[:-1])}"
        attr = resource_attribute(api, path[-1]) if len(path) == 1 else member_identifier(path[-1])
        out.append(f"{owner}.{attr}: {cls}")
        out.append(f"{cls}: class")
        for method in resource.methods:
            params = method_params_names(api, path, method)
            args = [_param(p, params) for p in method.path_params]
            keyword = [_param(p, params) for p in keyword_params(method)]
            if keyword:
                args += ["*", *keyword]
            name = member_identifier(method.name)
            out.append(f"{cls}.{name}({', '.join(args)}) -> {method_return_annotation(method)}")
            if method.page is not None:
                returned = method_return_annotation(method, is_async=True)
                async_cls = f"{module}.resources.Async{resource_class_name(api, path)}"
                out.append(f"{async_cls}.{name}(...) -> {returned}")

    models = model_classes(api)
    for model in api.models:
        out += _model_lines(f"{module}.types", model, models)
    for alias in api.aliases:
        name = class_name(alias.name)
        out.append(f"{module}.types.{SHARED}.{name}: TypeAlias = {alias_annotation(alias.type)}")
        out.append(f"{module}.types.{SHARED_PARAMS}.{name}: TypeAlias = {alias_param_annotation(alias.type)}")
    if params_names(api):
        out += _params_lines(api, f"{module}.types")
    for style in api.page_styles:
        for is_async in (False, True):
            page = f"{module}.pagination.{page_class_name(style, is_async)}"
            out += [
                f"{page}: class",
                f"{page}.{page_attribute(style.items)}: List[_T]",
                f"{page}.{page_attribute(style.has_more)}: Optional[bool]",
            ]
    return out


def surface(api: Api) -> str:
    return render(
        f"Public API of the {api.package('python').name} Python package; generated, sorted.", lines(api)
    )
