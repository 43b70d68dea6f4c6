"""Typed contexts of the resource modules (resource.py.j2), also listed by api.md and resources/__init__.py.

Lines whose length depends on spec names are laid out as black formats them (layout.py) and carry
their own indentation, so the template only places them.
"""

from __future__ import annotations

from dataclasses import field

from generator.ir import Api, Method, Parameter, Primitive, Resource, keyword_params, model_references
from generator.targets.base import template_context
from generator.targets.python import layout
from generator.targets.python.literals import comment, docstring, string_literal
from generator.targets.python.names import (
    REQUEST_OPTIONS,
    class_name,
    member_identifier,
    param_identifier,
    resource_access,
    resource_attribute,
    resource_class_name,
    resource_module,
)
from generator.targets.python.types import parameter_annotation, return_annotation, typing_names, union


@template_context(frozen=True)
class ParamContext:
    name: str  # the identifier
    wire: str  # the spec's name, sent on the wire
    annotation: str
    default: str  # ` = NOT_GIVEN` for an optional parameter
    is_string: bool
    description: str


@template_context(frozen=True)
class MethodLines:
    """The lines of a method's functions whose length depends on spec names, each with its indentation."""

    doc: str
    options_params: str
    method_params: str
    returns: str
    raw_returns: str
    async_raw_returns: str
    path_checks: list[str]
    path: str
    query: str
    body: str
    sync_call: str
    async_call: str
    raw_call: str
    async_raw_call: str


@template_context()
class MethodContext:
    name: str
    http_method: str
    path: str
    summary: str
    description: str
    deprecated: bool
    positional: list[ParamContext]  # the path parameters, in path order
    keyword: list[ParamContext]  # the rest, required ones first (as the official SDK orders them)
    path_params: list[ParamContext]
    query_params: list[ParamContext]
    body_params: list[ParamContext]
    has_body: bool
    returns: str
    lines: MethodLines = field(init=False)

    def __post_init__(self) -> None:
        self.lines = _method_lines(self)


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


def resource_context(api: Api, path: tuple[str, ...], resource: Resource) -> ResourceContext:
    attr = member_identifier(resource.name) if len(path) > 1 else resource_attribute(api, resource.name)
    models = sorted({n for m in resource.methods for n in model_references(m.returns)})
    models += sorted(
        {n for m in resource.methods for p in m.parameters for n in model_references(p.type)} - set(models)
    )
    methods = [method_context(m) for m in resource.methods]
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
    )


def method_context(method: Method) -> MethodContext:
    return MethodContext(
        name=member_identifier(method.name),
        http_method=method.http_method,
        path=method.path,
        summary=method.summary,
        description=method.description,
        deprecated=method.deprecated,
        positional=[param_context(p) for p in method.path_params],
        keyword=[param_context(p) for p in keyword_params(method)],
        path_params=[param_context(p) for p in method.path_params],
        query_params=[param_context(p) for p in method.params_in("query")],
        body_params=[param_context(p) for p in method.params_in("body")],
        has_body=bool(method.params_in("body")),
        returns=return_annotation(method.returns),
    )


def param_context(p: Parameter) -> ParamContext:
    base = parameter_annotation(p)
    return ParamContext(
        name=param_identifier(p.name),
        wire=p.name,
        annotation=base if p.required else union(base, "NotGiven"),
        default="" if p.required else " = NOT_GIVEN",
        is_string=isinstance(p.type, Primitive) and p.type.kind == "string",
        description=p.description,
    )


#: The keyword arguments every method takes after its own (REQUEST_OPTIONS), as declared.
_REQUEST_OPTION_PARAMS = (
    ("extra_headers", "Optional[Headers]", " = None"),
    ("extra_query", "Optional[Query]", " = None"),
    ("extra_body", "Optional[Body]", " = None"),
    ("timeout", "Union[TimeoutTypes, NotGiven]", " = NOT_GIVEN"),
)
_BODY = layout.INDENT * 2  # statements inside a method of a class


def _method_lines(m: MethodContext) -> MethodLines:
    """The lines of a method's functions (resource.py.j2) whose length depends on spec names, laid
    out as black formats them, each with its indentation."""
    name, returns = m.name, m.returns
    arguments = [p.name for p in m.positional]
    arguments += [f"{p.name}={p.name}" for p in m.keyword]
    arguments += [f"{option}={option}" for option in REQUEST_OPTIONS]
    options_call = f"_{name}_options({', '.join(arguments)})"
    request = f"self._client.request({returns}, {options_call})"
    raw_request = f"self._resource._client.request({returns}, {options_call})"
    return MethodLines(
        doc=_method_docstring(m),
        options_params=_parameters(m, layout.INDENT),
        method_params=f"{_BODY}self,\n{_parameters(m, _BODY)}",
        returns=f"    ) -> {returns}:",
        raw_returns=f"    ) -> APIResponse[{returns}]:",
        async_raw_returns=f"    ) -> AsyncAPIResponse[{returns}]:",
        path_checks=[
            f"{layout.INDENT}if not {p.name}:\n"
            + layout.expression(
                f'ValueError(f"Expected a non-empty value for `{p.name}` but received {{{p.name}!r}}")',
                _BODY,
                prefix="raise ",
            )
            for p in m.path_params
            if p.is_string
        ],
        path=layout.keyword_argument(
            "path", f"build_path({string_literal(m.path)}, {_dict(m.path_params)})", _BODY
        ),
        query=layout.keyword_argument("query", f"drop_not_given({_dict(m.query_params)})", _BODY),
        body=layout.keyword_argument("body", f"drop_not_given({_dict(m.body_params)})", _BODY),
        sync_call=layout.assignment(f"response: APIResponse[{returns}]", request, _BODY),
        async_call=layout.assignment(f"response: AsyncAPIResponse[{returns}]", f"await {request}", _BODY),
        raw_call=layout.expression(raw_request, _BODY, prefix="return "),
        async_raw_call=layout.expression(raw_request, _BODY, prefix="return await "),
    )


#: The end of every method's docstring: the request options it takes after its own parameters.
_REQUEST_OPTIONS_DOC = """
  extra_headers: Headers sent with this request in addition to the client's.

  extra_query: Query parameters added to the URL.

  extra_body: Properties added to the JSON body.

  timeout: Seconds to wait for this request, overriding the client's timeout.
"""


def _method_docstring(m: MethodContext) -> str:
    """A method's docstring (the sync and async methods share it): summary, description, `Args:`,
    laid out as black rewrites it inside a method."""
    parts = [docstring(m.summary)]
    if m.description:
        parts += ["", layout.wordwrap(docstring(m.description))]
    if m.deprecated:
        parts += ["", "Deprecated."]
    params = m.positional + m.keyword
    if params:
        parts += ["", "Args:", *(f"  {p.name}: {comment(p.description)}" for p in params)]
    return layout.docstring("\n".join(parts) + "\n" + _REQUEST_OPTIONS_DOC, _BODY)


def _parameters(m: MethodContext, indent: str) -> str:
    """The parameters of a method after `self` (the signature ends with a comma: one per line)."""
    params = [(p.name, p.annotation, p.default) for p in m.positional]
    params.append(("*", "", ""))
    params += [(p.name, p.annotation, p.default) for p in m.keyword]
    params += _REQUEST_OPTION_PARAMS
    return "\n".join(
        (
            f"{indent}*,"
            if name == "*"
            else layout.expression(type_, indent, prefix=f"{name}: ", suffix=f"{default},")
        )
        for name, type_, default in params
    )


def _dict(params: list[ParamContext]) -> str:
    """A dict literal from wire names to the parameters' identifiers."""
    return "{" + ", ".join(f"{string_literal(p.wire)}: {p.name}" for p in params) + "}"
