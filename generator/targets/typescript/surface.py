"""The public API of the npm package, one line per symbol, in TypeScript's terms:

    OpenAI: class
    OpenAI.batches: Batches
    ClientOptions.organization?: string | null
    Batches.cancel(batchID: string, options?: RequestOptions): APIPromise<Batch>
    Batch.errors?: Batch.Errors
    env OPENAI_API_KEY -> ClientOptions.apiKey
    ClientOptions.adminAPIKey?: string | null
    Metadata: type { [key: string]: string }

Query and body parameters travel in one object typed by a `...Params` interface, as in the
official SDK; its fields are listed like a model's. An inline object a method returns is the
interface `<Resource><Method>Response`. An alias is exported by its name and written `Shared.Metadata`
in the types that use it, as the package declares them. Each auth scheme is a client option, like
`apiKey`. Every name and type is asked of names.py and types.py, so
escaped names (`Object_`, `then_`) and field types read exactly as the package declares them.
"""

from __future__ import annotations

from typing import Sequence

from generator.ir import Api, Parameter, Property, all_inline_objects, resources_with_paths
from generator.targets.listing import render
from generator.targets.typescript.names import (
    alias_ident, auth_option_name, client_name, client_option_name, method_name, model_ident, page_class_name, property_key, resource_class,
    resource_field, type_name,
)
from generator.targets.typescript.modules import resource_files
from generator.targets.typescript.pages import page_alias_homes, page_alias_type, uses_pages
from generator.targets.typescript.types import field_type, method_types, returned_objects, ts_type


def _field(owner: str, field: Property | Parameter) -> str:
    return (f"{owner}.{property_key(field.name)}{'' if field.required else '?'}: "
            f"{field_type(field.name, field.type, field.required, field.nullable)}")


def _interface_lines(name: str, properties: Sequence[Property] | Sequence[Parameter]) -> list[str]:
    """An interface with its fields, then every inline object declared in its namespace, recursively."""
    lines = [f"{name}: interface"]
    lines += [_field(name, p) for p in properties]
    for obj in all_inline_objects(tuple(properties)):  # type: ignore[arg-type]
        nested = type_name(obj.path)
        lines.append(f"{nested}: interface")
        lines += [_field(nested, p) for p in obj.properties]
    return lines


#: The options of one request (RequestOptions in templates/typescript/client.ts.j2).
REQUEST_OPTIONS = (
    ("headers", "HeadersLike"), ("query", "Record<string, unknown>"), ("timeout", "number"),
    ("maxRetries", "number"), ("signal", "AbortSignal | null"), ("idempotencyKey", "string"), ("body", "unknown"),
)


def _runtime(api: Api) -> list[str]:
    """The page classes of src/core/pagination.ts (exported by `<package>/pagination`) and PagePromise,
    when some method pages: what a program names of them."""
    if not uses_pages(resource_files(api)):
        return []
    out = ["PagePromise: class"]
    for style in api.page_styles:
        page = page_class_name(style.name)
        out += [f"{page}: class", f"{page}.{property_key(style.items)}: Array<Item>",
                f"{page}.{property_key(style.has_more)}: boolean", f"{page}.hasNextPage(): boolean"]
    return out


def lines(api: Api) -> list[str]:
    client = client_name(api)
    out = [f"{client}: class", f"{client}.constructor(options?: ClientOptions)", "ClientOptions: interface"]
    # Every option of the constructor, typed as ClientOptions declares it (templates/typescript/client.ts.j2).
    options: list[tuple[str, str, str | None]] = [("apiKey", "string | ApiKeySetter", api.api_key_env)]
    options += [(auth_option_name(s.name), "string | null", s.env) for s in api.auth_schemes]
    options += [("baseURL", "string | null", api.base_url_env)]
    options += [(client_option_name(o.name), "string | null", o.env) for o in api.client_options]
    options += [("timeout", "number", None), ("maxRetries", "number", None), ("defaultHeaders", "HeadersLike", None),
                ("defaultQuery", "Record<string, string | undefined>", None), ("fetch", "Fetch", None),
                ("dangerouslyAllowBrowser", "boolean", None)]
    for name, type_text, env in options:
        out.append(f"ClientOptions.{name}?: {type_text}")
        if env:
            out.append(f"env {env} -> ClientOptions.{name}")
    out += [f"RequestOptions.{name}?: {type_text}" for name, type_text in REQUEST_OPTIONS]
    out += _runtime(api)
    rfiles = resource_files(api)
    aliases = page_alias_homes(rfiles)
    for rf in rfiles:
        out += [f"{alias}: type {page_alias_type(rf, alias)}" for alias, home in aliases.items() if home == rf.module
                and alias in page_alias_homes([rf])]

    for path, resource in resources_with_paths(api):
        cls = resource_class(path)
        owner = client if len(path) == 1 else resource_class(path[:-1])
        out.append(f"{owner}.{resource_field(path)}: {cls}")
        out.append(f"{cls}: class")
        for method in resource.methods:
            types = method_types(path, method)
            if types.params_type:
                out += _interface_lines(types.params_type, types.params)
            out.append(f"{cls}.{method_name(method.name)}({', '.join(types.listed_args())}): {types.promise}")
            for obj in returned_objects(path, method):
                out += _interface_lines(type_name(obj.path), obj.properties)

    out += [f"{alias_ident(alias.name)}: type {ts_type(alias.type)}" for alias in api.aliases]
    for model in api.models:
        out += _interface_lines(model_ident(model.name), model.properties)
    return out


def surface(api: Api) -> str:
    return render(f"Public API of the {api.package('typescript').name} npm package; generated, sorted.",
                  lines(api))
