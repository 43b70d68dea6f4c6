"""The contexts of the TypeScript source templates: client.ts, index.ts and one module per resource.

Every name and type is asked of names.py and types.py, and every line whose layout depends on its
length is laid out by layout.py (interfaces included), so the templates only place finished lines.
"""

from __future__ import annotations

from dataclasses import field

from generator.ir import (
    Api, Array, Binary, FileUpload, InlineObject, Map, Method, ModelRef, Type, model_references,
)
from generator.targets.base import template_context
from generator.targets.typescript.aliases import alias_block, mentions_aliases, shared_import
from generator.targets.typescript.auth import (
    SchemeOption, auth_type, method_auth, missing_credentials_throw, missing_key_lines, scheme_options,
)
from generator.targets.typescript.layout import (
    INDENT, assign_line, braced_line, call_line, initializer_line, interface_block, pick_line,
)
from generator.targets.typescript.literals import jsdoc, string_literal
from generator.targets.typescript.modules import SHARED, ModelHomes, ResourceFile, relative_import
from generator.targets.typescript.names import (
    alias_ident, base_error_name, binding, client_name, client_option_name, method_name, model_ident, type_name,
)
from generator.targets.typescript.pages import page_alias_homes, page_alias_type, uses_pages, uses_uploads
from generator.targets.typescript.types import method_types, params_fields, returned_objects, uses_type


@template_context(frozen=True)
class ClientOption:
    name: str
    header: str
    env: str | None
    description: str


@template_context(frozen=True)
class ClientResource:
    field: str  # `widgets: Widgets = new Widgets(this);`, laid out
    description: str


@template_context(frozen=True)
class ClientContext:
    name: str
    base_error: str
    imports: list[str]  # one per resource module
    namespace: list[str]  # the re-exports of `export declare namespace Client`
    static_resources: list[str]
    namespace_example: str
    options: list[ClientOption]
    timeout_ms: int
    user_agent: str
    missing_key_throw: str  # no key at all: the constructor throws
    schemes: list[SchemeOption]  # the option of each further auth scheme (`adminAPIKey`)
    auth_type: str | None  # the type of `RequestSpec.auth`, with schemes
    missing_keys: list[str]  # with schemes: the entries of `MISSING_KEYS`, option -> message
    resources: list[ClientResource]
    static_base_error: str
    index_client_export: str
    pages: bool  # some method pages: src/core/pagination.ts and client.requestPage
    uploads: bool  # some method uploads files: src/core/uploads.ts


@template_context(frozen=True)
class MethodContext:
    name: str
    doc: str
    signature: str
    http_method: str
    path_line: str
    has_path_params: bool
    returns: str
    expects: str  # what the body must be: `object`, `array`, `json` (any value), `void` or `binary`
    auth: str | None  # the option whose key it sends (`adminAPIKey`); None: the API key
    page_alias: str | None  # `BatchesPage`, for a paginated method
    page_class: str | None  # `CursorPage`
    multipart: bool
    timeout_ms: int | None  # the method's own default timeout
    headers: str | None  # the `headers: {...}` lines of its header parameters
    query: str | None  # the `query: pick(...)` line, when the method has query parameters
    body: str | None
    params_type: str | None
    params_interface: str | None


@template_context(frozen=True)
class ChildResource:
    field: str
    doc: str


@template_context(frozen=True)
class ResourceClass:
    class_name: str
    doc: str
    children: list[ChildResource]


@template_context(frozen=True)
class ModuleContext:
    models: list[str]  # interfaces, each followed by the namespace of its inline objects
    type_imports: list[str]
    methods: list[MethodContext] = field(default_factory=list)
    resource: ResourceClass | None = None
    core_imports: list[str] = field(default_factory=list)
    child_imports: list[str] = field(default_factory=list)
    page_aliases: list[str] = field(default_factory=list)  # `export type BatchesPage = CursorPage<Batch>;`


def modules_of(rfiles: list[ResourceFile], homes: ModelHomes) -> list[str]:
    """Every module that declares something: one per resource, then the shared models, if any."""
    return [rf.module for rf in rfiles] + ([SHARED] if homes.has_shared() else [])


def _by_module(rfiles: list[ResourceFile]) -> dict[str, ResourceFile]:
    found: dict[str, ResourceFile] = {}
    for rf in rfiles:
        found.setdefault(rf.module, rf)
    return found


def module_types(module: str, rf: ResourceFile | None, homes: ModelHomes,
                 aliases: dict[str, str] | None = None) -> list[str]:
    """The types a module exports: its models, its page aliases, then its methods' parameter and response
    types. `aliases` (page alias -> home module) defaults to the resource's own page aliases."""
    names = [alias_ident(a.name) for a in homes.aliases] if module == SHARED else []
    names += [model_ident(m.name) for m in homes.models_in(module)]
    if rf is not None:
        own = aliases if aliases is not None else page_alias_homes([rf])
        names += [alias for alias, home in own.items() if home == module]
        names += [params_type_name for m in rf.resource.methods
                  if (params_type_name := method_types(rf.path, m).params_type)]
        names += [type_name(o.path) for m in rf.resource.methods for o in returned_objects(rf.path, m)]
    return names


def client_context(api: Api, rfiles: list[ResourceFile], homes: ModelHomes) -> ClientContext:
    top = [rf for rf in rfiles if len(rf.path) == 1]
    name, base_error = client_name(api), base_error_name(api)
    by_module = _by_module(rfiles)
    aliases = page_alias_homes(rfiles)
    imports: list[str] = []
    namespace: list[str] = []
    for module in modules_of(rfiles, homes):
        rf = by_module.get(module)
        types = module_types(module, rf, homes, aliases)
        source = f" from {string_literal(relative_import('client', module))};"
        if rf is not None and len(rf.path) == 1:
            imports.append(braced_line("", "import", [rf.class_name, *(f"type {t}" for t in types)], source))
        elif rf is not None or types:
            imports.append(braced_line("", "import type", [*([rf.class_name] if rf else []), *types], source))
        exported = ([f"{rf.class_name} as {rf.class_name}"] if rf and len(rf.path) == 1 else [])
        exported += [f"type {rf.class_name} as {rf.class_name}"] if rf and len(rf.path) > 1 else []
        exported += [f"type {t} as {t}" for t in types]
        if exported:
            namespace.append(braced_line(INDENT, "export", exported, ";"))
    return ClientContext(
        name=name,
        base_error=base_error,
        imports=imports,
        namespace=namespace,
        static_resources=[assign_line("", f"{name}.{rf.class_name} =", rf.class_name, ";") for rf in top],
        namespace_example=f"{name}.{top[0].class_name}" if top else f"{name}.RequestOptions",
        options=[ClientOption(client_option_name(o.name), o.header, o.env, o.description)
                 for o in api.client_options],
        timeout_ms=round(api.timeout_seconds * 1000),
        user_agent=f"{api.name}/JS ",
        missing_key_throw=missing_credentials_throw(api, base_error, INDENT * 3),
        schemes=scheme_options(api),
        auth_type=auth_type(api),
        missing_keys=missing_key_lines(api) if api.auth_schemes else [],
        resources=[ClientResource(initializer_line(INDENT, f"{rf.field}: {rf.class_name}", f"new {rf.class_name}",
                                                   ["this"]), rf.resource.description) for rf in top],
        static_base_error=assign_line(INDENT, f"static {base_error} =", base_error, ";"),
        index_client_export=braced_line("", "export", [f"{name} as default", name], " from './client.js';"),
        pages=uses_pages(rfiles),
        uploads=uses_uploads(rfiles),
    )


def method_context(api: Api, rf: ResourceFile, m: Method) -> MethodContext:
    types = method_types(rf.path, m)
    path_expr = m.path
    for p in m.path_params:
        path_expr = path_expr.replace("{" + p.name + "}",
                                      "${pathParam(" + string_literal(binding(p.name)) + ", "
                                      + string_literal(p.name) + ", " + binding(p.name) + ")}")
    path_expr = path_expr.replace("\\", "\\\\").replace("`", "\\`")
    name = method_name(m.name)
    params_var = types.params_var or ""
    return MethodContext(
        name=name,
        doc=jsdoc(m.description or m.summary, INDENT, m.deprecated),
        signature=call_line(INDENT, name, types.declared_args(), f": {types.promise} {{"),
        http_method=m.http_method.lower(),
        path_line=assign_line(INDENT * 3, "path: () =>", f"`{path_expr}`", ","),
        has_path_params=bool(m.path_params),
        returns=types.returns,
        expects=_expects(api, m),
        auth=method_auth(m),
        page_alias=types.page_alias,
        page_class=types.page_class,
        multipart=m.body_encoding == "multipart",
        timeout_ms=round(m.timeout_seconds * 1000) if m.timeout_seconds is not None else None,
        headers=_headers_lines(params_var, m),
        query=pick_line(INDENT * 3, "query:", params_var, [p.name for p in m.params_in("query")]),
        body=pick_line(INDENT * 3, "body:", params_var, [p.name for p in m.params_in("body")]),
        params_type=types.params_type,
        params_interface=interface_block((types.params_type,), types.params, "", False)
        if types.params_type else None,
    )


def _expects(api: Api, m: Method) -> str:
    """What the body of a successful response must be: an object (a model, a map, a page), an array, or
    any JSON value for the rest (a union, or an alias of one: a value no variant fits is kept as sent,
    never refused; a scalar)."""
    if m.returns is None:
        return "void"
    returns = api.resolve(m.returns)
    if isinstance(returns, Binary):
        return "binary"
    if m.page is not None or isinstance(returns, (ModelRef, InlineObject, Map)):
        return "object"
    return "array" if isinstance(returns, Array) else "json"


def _headers_lines(params_var: str, m: Method) -> str | None:
    """`headers: { 'OpenAI-Beta': params.openAiBeta },` expanded one header per line (prettier keeps an
    object broken when its source is)."""
    header_fields = [p for p in params_fields(m) if p.location == "header"]
    if not header_fields:
        return None
    lines = [f"{INDENT * 3}headers: {{"]
    lines += [f"{INDENT * 4}{string_literal(wire.name)}: {params_var}?.{field.name},"
              for wire, field in zip(m.params_in("header"), header_fields)]
    return "\n".join(lines + [f"{INDENT * 3}}},"])


def _type_imports(module: str, names: set[str], homes: ModelHomes) -> list[str]:
    """`import type { A, B } from '../other.js';` for the models this module mentions that live elsewhere."""
    foreign: dict[str, list[str]] = {}
    for name in sorted(names):
        if homes[name] != module:
            foreign.setdefault(homes[name], []).append(model_ident(name))
    return [braced_line("", "import type", idents, f" from {string_literal(relative_import(module, home))};")
            for home, idents in sorted(foreign.items())]


def shared_context(homes: ModelHomes) -> ModuleContext:
    """resources/shared.ts: the aliases, then the models no method reaches."""
    models = homes.models_in(SHARED)
    types = [prop.type for model in models for prop in model.properties] + [a.type for a in homes.aliases]
    used = {name for t in types for name in model_references(t)}
    return ModuleContext(models=[alias_block(a) for a in homes.aliases]
                         + [interface_block((m.name,), m.properties, m.description, m.deprecated) for m in models],
                         type_imports=[shared_import(SHARED)] * mentions_aliases(types)
                         + _type_imports(SHARED, used, homes))


def resource_context(api: Api, rf: ResourceFile, rfiles: list[ResourceFile], homes: ModelHomes) -> ModuleContext:
    models = homes.models_in(rf.module)
    # Types this module mentions that live elsewhere.
    used = {name for model in models for prop in model.properties for name in model_references(prop.type)}
    for m in rf.resource.methods:
        used.update(name for param in m.parameters for name in model_references(param.type))
        used.update(model_references(m.returns))
    mentioned: list[Type | None] = [prop.type for model in models for prop in model.properties]
    mentioned += [t for m in rf.resource.methods for t in (m.returns, *(param.type for param in m.parameters))]
    methods = [method_context(api, rf, m) for m in rf.resource.methods]
    interfaces = [interface_block((m.name,), m.properties, m.description, m.deprecated) for m in models]
    interfaces += [interface_block(obj.path, obj.properties, obj.description, False)
                   for m in rf.resource.methods for obj in returned_objects(rf.path, m)]
    children = [c for c in rfiles if c.path[:-1] == rf.path and len(c.path) == len(rf.path) + 1]
    aliases = page_alias_homes(rfiles)
    mine = [alias for alias in page_alias_homes([rf]) if aliases[alias] == rf.module]
    page_classes = sorted({m.page_class for m in methods if m.page_class})
    core_imports = [f"import {{ APIResource }} from {string_literal(relative_import(rf.module, 'core/resource'))};"]
    if any(not m.page_class for m in methods):
        core_imports.append(
            f"import type {{ APIPromise }} from {string_literal(relative_import(rf.module, 'core/api-promise'))};")
    if page_classes:
        core_imports.append(braced_line("", "import", [*page_classes, "type PagePromise"],
                                        f" from {string_literal(relative_import(rf.module, 'core/pagination'))};"))
    if any(uses_type(m, FileUpload) for m in rf.resource.methods):
        core_imports.append(
            f"import type {{ Uploadable }} from {string_literal(relative_import(rf.module, 'core/uploads'))};")
    core_imports.append(f"import type {{ RequestOptions }} from {string_literal(relative_import(rf.module, 'client'))};")
    foreign_aliases: dict[str, list[str]] = {}
    for alias in page_alias_homes([rf]):
        if aliases[alias] != rf.module:
            foreign_aliases.setdefault(aliases[alias], []).append(alias)
    core_imports += [braced_line("", "import type", names, f" from {string_literal(relative_import(rf.module, home))};")
                     for home, names in sorted(foreign_aliases.items())]
    if any(m.has_path_params for m in methods):
        core_imports.append(
            f"import {{ pathParam }} from {string_literal(relative_import(rf.module, 'internal/path'))};")
    if any(m.query or m.body for m in methods):
        core_imports.append(
            f"import {{ pick }} from {string_literal(relative_import(rf.module, 'internal/params'))};")
    return ModuleContext(
        models=interfaces,
        type_imports=[shared_import(rf.module)] * mentions_aliases(mentioned) + _type_imports(rf.module, used, homes),
        methods=methods,
        page_aliases=[assign_line("", f"export type {alias} =", page_alias_type(rf, alias), ";") for alias in mine],
        resource=ResourceClass(
            class_name=rf.class_name,
            doc=jsdoc(rf.resource.description),
            children=[ChildResource(initializer_line(INDENT, f"{c.field}: {c.class_name}", f"new {c.class_name}",
                                                     ["this._client"]), jsdoc(c.resource.description, INDENT))
                      for c in children]),
        core_imports=core_imports,
        child_imports=[braced_line("", "import", [c.class_name],
                                   f" from {string_literal(relative_import(rf.module, c.module))};")
                       for c in children],
    )


def index_exports(rfiles: list[ResourceFile], homes: ModelHomes) -> list[str]:
    """index.ts: each module's resource class and types, by name."""
    lines = []
    by_module = _by_module(rfiles)
    for module in modules_of(rfiles, homes):
        rf = by_module.get(module)
        names = [rf.class_name] if rf else []
        names += [f"type {t}" for t in module_types(module, rf, homes)]
        if names:
            lines.append(braced_line("", "export", names, f" from {string_literal('./' + module + '.js')};"))
    return lines


def uses_params(rfiles: list[ResourceFile]) -> bool:
    """Whether some method takes query or body parameters (src/internal/params.ts is then needed)."""
    return any(params_fields(m) for rf in rfiles for m in rf.resource.methods)
