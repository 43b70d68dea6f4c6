"""The public API of the npm package, one line per symbol, in TypeScript's terms:

    OpenAI: class
    OpenAI.batches: Batches
    ClientOptions.organization?: string | null
    Batches.cancel(batchID: string, options?: RequestOptions): APIPromise<Batch>
    Batch.errors?: Batch.Errors
    env OPENAI_API_KEY -> ClientOptions.apiKey

Query and body parameters travel in one object typed by a `...Params` interface, as in the
official SDK; its fields are listed like a model's. An inline object a method returns is the
interface `<Resource><Method>Response`. Every name is spelled by the target's own naming functions
(generator/targets/typescript.py), so escaped names (`Object_`, `then_`) read as the package declares them.
"""

from __future__ import annotations

from typing import Sequence

from generator.ir import Api, Parameter, Property
from generator.ir import all_inline_objects, keyword_params, resources_with_paths
from generator.targets.listing import render
from generator.targets.typescript.target import (
    CLIENT_MEMBERS, RESOURCE_MEMBERS, binding, client_name, member_name, model_ident, params_type_name,
    property_key, returned, returned_objects, rooted_params, ts_type, type_ident, type_name,
)


def _field(owner: str, name: str, required: bool, type_text: str) -> str:
    return f"{owner}.{property_key(name)}{'' if required else '?'}: {type_text}"


def _interface_lines(name: str, properties: Sequence[Property] | Sequence[Parameter]) -> list[str]:
    """An interface with its fields, then every inline object declared in its namespace, recursively."""
    lines = [f"{name}: interface"]
    lines += [_field(name, p.name, p.required, ts_type(p.type, p.nullable)) for p in properties]
    for obj in all_inline_objects(tuple(properties)):  # type: ignore[arg-type]
        nested = type_name(obj.path)
        lines.append(f"{nested}: interface")
        lines += [_field(nested, p.name, p.required, ts_type(p.type, p.nullable)) for p in obj.properties]
    return lines


def lines(api: Api) -> list[str]:
    client = client_name(api)
    out = [f"{client}: class", f"{client}.constructor(options?: ClientOptions)", "ClientOptions: interface"]
    options = [("apiKey", "string", api.api_key_env), ("baseURL", "string | null", api.base_url_env)]
    options += [(member_name(o.name, CLIENT_MEMBERS), "string | null", o.env) for o in api.client_options]
    options += [("timeout", "number", None), ("maxRetries", "number", None)]
    for name, type_text, env in options:
        out.append(f"ClientOptions.{name}?: {type_text}")
        if env:
            out.append(f"env {env} -> ClientOptions.{name}")

    for path, resource in resources_with_paths(api):
        cls = type_ident(path[-1])
        owner = client if len(path) == 1 else type_ident(path[-2])
        field = member_name(path[-1], CLIENT_MEMBERS if len(path) == 1 else RESOURCE_MEMBERS)
        out.append(f"{owner}.{field}: {cls}")
        out.append(f"{cls}: class")
        for method in resource.methods:
            args = [f"{binding(p.name)}: {ts_type(p.type)}" for p in method.path_params]
            others = keyword_params(method)
            if others:
                locations = {p.location for p in others}
                kind = "params" if len(locations) > 1 else locations.pop()
                params = params_type_name(path, method)
                args.append(f"{kind}{'' if any(p.required for p in others) else '?'}: {params}")
                out += _interface_lines(params, rooted_params(params, others))
            args.append("options?: RequestOptions")
            result = returned(path, method)
            returns = ts_type(result) if result is not None else "void"
            out.append(f"{cls}.{member_name(method.name, RESOURCE_MEMBERS)}({', '.join(args)}): APIPromise<{returns}>")
            for obj in returned_objects(path, method):
                out += _interface_lines(type_name(obj.path), obj.properties)

    for model in api.models:
        out += _interface_lines(model_ident(model.name), model.properties)
    return out


def surface(api: Api) -> str:
    return render(f"Public API of the {api.package('typescript').name} npm package; generated, sorted.",
                  lines(api))
