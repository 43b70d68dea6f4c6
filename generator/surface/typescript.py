"""The public API of the npm package, one line per symbol, in TypeScript's terms:

    OpenAI: class
    OpenAI.batches: Batches
    ClientOptions.organization?: string | null
    Batches.cancel(batchID: string, options?: RequestOptions): APIPromise<Batch>
    Batch.errors?: Batch.Errors
    env OPENAI_API_KEY -> ClientOptions.apiKey

Query and body parameters travel in one object typed by a `...Params` interface, as in the
official SDK; its fields are listed like a model's.
"""

from __future__ import annotations

from generator.ir import Api, InlineObject, Parameter, Property
from generator.naming import camel_case, pascal_case
from generator.surface.common import all_inline_objects, keyword_params, render, resources_with_paths
from generator.targets.typescript import binding, params_type_name, property_key, ts_type


def _field(owner: str, name: str, required: bool, type_text: str) -> str:
    return f"{owner}.{property_key(name)}{'' if required else '?'}: {type_text}"


def _interface_lines(name: str, properties: tuple[Property, ...] | list[Parameter]) -> list[str]:
    lines = [f"{name}: interface"]
    lines += [_field(name, p.name, p.required, ts_type(p.type, p.nullable)) for p in properties]
    return lines


def lines(api: Api) -> list[str]:
    client = api.name
    out = [f"{client}: class", f"{client}.constructor(options?: ClientOptions)", "ClientOptions: interface"]
    options = [("apiKey", "string", api.api_key_env), ("baseURL", "string | null", api.base_url_env)]
    options += [(camel_case(o.name), "string | null", o.env) for o in api.client_options]
    options += [("timeout", "number", None), ("maxRetries", "number", None)]
    for name, type_text, env in options:
        out.append(f"ClientOptions.{name}?: {type_text}")
        if env:
            out.append(f"env {env} -> ClientOptions.{name}")

    for path, resource in resources_with_paths(api):
        cls = pascal_case(path[-1])
        owner = client if len(path) == 1 else pascal_case(path[-2])
        out.append(f"{owner}.{camel_case(path[-1])}: {cls}")
        out.append(f"{cls}: class")
        for method in resource.methods:
            args = [f"{binding(p.name)}: {ts_type(p.type)}" for p in method.path_params]
            others = keyword_params(method)
            if others:
                locations = {p.location for p in others}
                kind = "params" if len(locations) > 1 else locations.pop()
                params = params_type_name(path, method)
                args.append(f"{kind}{'' if any(p.required for p in others) else '?'}: {params}")
                out += _interface_lines(params, others)
            args.append("options?: RequestOptions")
            returns = ts_type(method.returns) if method.returns is not None else "void"
            out.append(f"{cls}.{camel_case(method.name)}({', '.join(args)}): APIPromise<{returns}>")

    for model in api.models:
        out += _interface_lines(model.name, model.properties)
        for obj in all_inline_objects(model.properties):
            out += _interface_lines(ts_type(obj), obj.properties)
    return out


def surface(api: Api) -> str:
    return render(f"Public API of the {api.package('typescript').name} npm package; generated, sorted.",
                  lines(api))
