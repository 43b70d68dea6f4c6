"""Typed contexts of the resource modules (resource.py.j2), also listed by api.md and resources/__init__.py.

Lines whose length depends on spec names are laid out as black formats them (layout.py) and carry
their own indentation, so the template only places them.
"""

from __future__ import annotations


from generator.ir import Api, Binary, Resource, alias_references, model_references
from generator.targets.base import template_context
from generator.targets.python import layout
from generator.targets.python.literals import docstring
from generator.targets.python.methods import MethodContext, method_context
from generator.targets.python.names import (
    SHARED_PARAMS,
    class_name,
    member_identifier,
    method_params_names,
    page_class_name,
    resource_access,
    resource_attribute,
    resource_class_name,
    resource_module,
)
from generator.targets.python.types import (
    ASYNC_PAGINATOR,
    BINARY,
    BINARY_CAST,
    FILE_TYPES,
    NOT_GIVEN,
    NOT_GIVEN_DEFAULT,
    OMIT,
    OMIT_DEFAULT,
    PROPERTY_INFO,
    typing_names,
)


@template_context(frozen=True)
class ChildResource:
    """A nested resource, as its parent's module imports and exposes it."""

    attr: str
    class_name: str
    module: str


@template_context(frozen=True)
class ResourceContext:
    attr: str  # its attribute on the client or its parent resource
    access: str  # from the client: `widgets.parts`
    module: str
    class_name: str
    description: str
    methods: list[MethodContext]
    children: list[ChildResource]
    imports: list[str]  # the model classes its methods take or return
    imports_line: str
    doc: str
    class_doc: str
    typing: list[str]
    types_line: str  # the names it imports from _types
    pages_line: str  # the page classes it imports from pagination, or ""
    runtime_line: str  # PropertyInfo from _models, for a discriminated union it returns, or ""
    params_line: str  # the params modules it imports from types, or ""
    response_line: str  # what it imports from _response
    client_line: str  # what it imports from _base_client


def resource_context(api: Api, path: tuple[str, ...], resource: Resource) -> ResourceContext:
    attr = member_identifier(resource.name) if len(path) > 1 else resource_attribute(api, resource.name)
    models = sorted({n for m in resource.methods for n in model_references(m.returns)})
    models += sorted(
        {n for m in resource.methods for p in m.parameters for n in model_references(p.type)} - set(models)
    )
    # The aliases it returns (types re-exports them from types.shared); those its parameters take are
    # named from types.shared_params (`shared_params.Metadata`).
    models += sorted({n for m in resource.methods for n in alias_references(m.returns)})
    params = [method_params_names(api, path, m) for m in resource.methods]
    methods = [method_context(m, p) for m, p in zip(resource.methods, params)]
    signatures = " ".join(p.annotation for m in methods for p in m.keyword)
    params_modules = sorted({p.module for p in params if p is not None and f"{p.module}." in signatures})
    if any(alias_references(p.type) for m in resource.methods for p in m.parameters):
        params_modules.append(SHARED_PARAMS)
    types = ["Body", "Headers", NOT_GIVEN, OMIT, "Query", "TimeoutTypes", NOT_GIVEN_DEFAULT, OMIT_DEFAULT]
    if FILE_TYPES in signatures:
        types.insert(1, FILE_TYPES)
    styles = sorted({m.page for m in resource.methods if m.page is not None}, key=lambda s: s.name)
    pages = sorted(page_class_name(s, is_async) for s in styles for is_async in (False, True))
    client = ["AsyncAPIResource", "RequestOptions", "SyncAPIResource", "build_path", "drop_not_given"]
    if styles:
        client.insert(0, ASYNC_PAGINATOR)
    runtime = [PROPERTY_INFO] if any(PROPERTY_INFO + "(" in m.returns for m in methods) else []
    response = ["APIResponse", "AsyncAPIResponse"]
    if any(isinstance(m.returns, Binary) for m in resource.methods):
        response += [BINARY_CAST, BINARY]
    return ResourceContext(
        attr=attr,
        access=resource_access(api, path),
        module=resource_module(path),
        class_name=resource_class_name(api, path),
        description=resource.description,
        methods=methods,
        children=[
            ChildResource(
                member_identifier(child.name),
                resource_class_name(api, (*path, child.name)),
                resource_module((*path, child.name)),
            )
            for child in resource.resources
        ],
        imports=[class_name(n) for n in models],
        imports_line=layout.import_from("..types", [class_name(n) for n in models]),
        doc=layout.docstring(docstring(resource.description), "") if resource.description else "",
        class_doc=(
            layout.docstring(docstring(resource.description), layout.INDENT) if resource.description else ""
        ),
        typing=typing_names(
            ["Optional[object]", "Union[object]"]
            + [m.returns for m in methods]
            + [p.annotation for m in methods for p in m.positional + m.keyword]
        ),
        types_line=layout.import_from(".._types", types),
        pages_line=layout.import_from("..pagination", pages) if pages else "",
        runtime_line=layout.import_from(".._models", runtime) if runtime else "",
        params_line=layout.import_from("..types", params_modules) if params_modules else "",
        response_line=layout.import_from(".._response", response),
        client_line=layout.import_from(".._base_client", client),
    )
