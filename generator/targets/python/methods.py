"""Typed contexts of one method of a resource module (resource.py.j2): its parameters and the lines of
its functions (the request options builder, the sync, async and raw-response methods).

Lines whose length depends on spec names are laid out as black formats them (layout.py) and carry
their own indentation, so the template only places them.
"""

from __future__ import annotations

from dataclasses import field

from generator.ir import Array, Binary, FileUpload, Method, Parameter, Primitive, Type, keyword_params
from generator.targets.base import template_context
from generator.targets.python import layout
from generator.targets.python.literals import comment, docstring, string_literal
from generator.targets.python.names import (
    REQUEST_OPTIONS,
    ParamsNames,
    member_identifier,
    page_class_name,
    param_identifier,
)
from generator.targets.python.types import (
    BINARY_CAST,
    NOT_GIVEN,
    NOT_GIVEN_DEFAULT,
    OMIT_DEFAULT,
    method_return_annotation,
    optional_parameter_annotation,
    return_annotation,
    union,
)

#: The Accept header the official SDK sends for a method that returns raw bytes.
BINARY_ACCEPT = "application/binary"


@template_context(frozen=True)
class ParamContext:
    name: str  # the identifier
    wire: str  # the spec's name, sent on the wire
    annotation: str
    default: str  # ` = omit` for an optional parameter
    is_string: bool
    description: str


@template_context(frozen=True)
class MethodLines:
    """The lines of a method's functions whose length depends on spec names, each with its indentation."""

    doc: str
    options_params: str
    options_fields: list[str]  # RequestOptions(...)'s arguments after `method=`
    method_params: str
    returns: str
    async_def: str  # `async def`, or `def` for a list method (it returns an AsyncPaginator)
    async_returns: str
    raw_returns: str
    async_raw_returns: str
    path_checks: list[str]
    sync_body: list[str]
    async_body: list[str]
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
    body_params: list[ParamContext]  # JSON or form fields
    file_params: list[ParamContext]  # multipart file parts
    header_params: list[ParamContext]
    has_body: bool
    multipart: bool
    binary: bool
    timeout: float | None
    auth: str | None  # the auth scheme (client option) whose key it sends; None: the API key
    returns: str  # the sync method's return annotation
    async_returns: str
    cast: str  # what the request parses the body into (a type, BinaryCast())
    page: str | None  # the page classes (`SyncCursorPage`) of a paginated method, and its item type
    async_page: str | None
    item: str | None
    lines: MethodLines = field(init=False)

    def __post_init__(self) -> None:
        self.lines = _method_lines(self)


def _is_file(t: Type) -> bool:
    return isinstance(t, FileUpload) or (isinstance(t, Array) and isinstance(t.items, FileUpload))


def method_context(method: Method, params: ParamsNames | None) -> MethodContext:
    def ctx(p: Parameter) -> ParamContext:
        return param_context(p, params)

    multipart = method.body_encoding == "multipart"
    body = method.params_in("body")
    binary = isinstance(method.returns, Binary)
    item = return_annotation(method.returns)
    return MethodContext(
        name=member_identifier(method.name),
        http_method=method.http_method,
        path=method.path,
        summary=method.summary,
        description=method.description,
        deprecated=method.deprecated,
        positional=[ctx(p) for p in method.path_params],
        keyword=[ctx(p) for p in keyword_params(method)],
        path_params=[ctx(p) for p in method.path_params],
        query_params=[ctx(p) for p in method.params_in("query")],
        body_params=[ctx(p) for p in body if not (multipart and _is_file(p.type))],
        file_params=[ctx(p) for p in body if multipart and _is_file(p.type)],
        header_params=[ctx(p) for p in method.params_in("header")],
        has_body=bool(body),
        multipart=multipart,
        binary=binary,
        timeout=method.timeout_seconds,
        auth=method.auth,
        returns=method_return_annotation(method),
        async_returns=method_return_annotation(method, is_async=True),
        cast=f"{BINARY_CAST}()" if binary else item,
        page=page_class_name(method.page) if method.page else None,
        async_page=page_class_name(method.page, is_async=True) if method.page else None,
        item=item if method.page else None,
    )


def param_context(p: Parameter, params: ParamsNames | None = None) -> ParamContext:
    return ParamContext(
        name=param_identifier(p.name),
        wire=p.name,
        annotation=optional_parameter_annotation(p, params),
        default="" if p.required else f" = {OMIT_DEFAULT}",
        is_string=isinstance(p.type, Primitive) and p.type.kind == "string",
        description=p.description,
    )


#: The keyword arguments every method takes after its own (REQUEST_OPTIONS), as declared.
_REQUEST_OPTION_PARAMS = (
    ("extra_headers", "Optional[Headers]", " = None"),
    ("extra_query", "Optional[Query]", " = None"),
    ("extra_body", "Optional[Body]", " = None"),
    ("timeout", union("TimeoutTypes", NOT_GIVEN), f" = {NOT_GIVEN_DEFAULT}"),
)
_BODY = layout.INDENT * 2  # statements inside a method of a class
_FIELDS = layout.INDENT * 2  # RequestOptions(...)'s arguments inside the options function


def _options_fields(m: MethodContext) -> list[str]:
    s = string_literal
    path = f"build_path({s(m.path)}, {_dict(m.path_params)})"
    fields = [layout.keyword_argument("path", path, _FIELDS)]
    if m.query_params:
        fields.append(layout.keyword_argument("query", f"drop_not_given({_dict(m.query_params)})", _FIELDS))
    if m.has_body:
        fields.append(layout.keyword_argument("body", f"drop_not_given({_dict(m.body_params)})", _FIELDS))
    headers = [f"{s('Accept')}: {s(BINARY_ACCEPT)}"] if m.binary else []
    headers += [f"{s(p.wire)}: {p.name}" for p in m.header_params]
    if headers:
        fields.append(layout.keyword_argument("headers", "{" + ", ".join(headers) + "}", _FIELDS))
    if m.file_params:
        fields.append(layout.keyword_argument("files", _dict(m.file_params), _FIELDS))
    if m.multipart:
        fields.append(f"{_FIELDS}multipart=True,")
    if m.timeout is not None:
        fields.append(f"{_FIELDS}default_timeout={float(m.timeout)!r},")
    if m.auth is not None:
        fields.append(layout.keyword_argument("auth", s(m.auth), _FIELDS))
    return fields


def _method_lines(m: MethodContext) -> MethodLines:
    """The lines of a method's functions (resource.py.j2) whose length depends on spec names, laid
    out as black formats them, each with its indentation."""
    name = m.name
    arguments = [p.name for p in m.positional]
    arguments += [f"{p.name}={p.name}" for p in m.keyword]
    arguments += [f"{option}={option}" for option in REQUEST_OPTIONS]
    options_call = f"_{name}_options({', '.join(arguments)})"
    if m.page is not None:
        sync_page, async_page = f"{m.page}[{m.item}]", f"{m.async_page}[{m.item}]"
        request = f"self._client.request_page({sync_page}, {m.item}, {options_call})"
        raw_request = f"self._resource._client.request_page({sync_page}, {m.item}, {options_call})"
        async_raw_request = f"self._resource._client.request_page({async_page}, {m.item}, {options_call})"
        raw_type, async_raw_type = sync_page, async_page
        async_body = [
            layout.expression(
                f"self._client.get_api_list({async_page}, {m.item}, {options_call})", _BODY, prefix="return "
            )
        ]
        async_request = ""
    else:
        request = f"self._client.request({m.cast}, {options_call})"
        raw_request = async_raw_request = f"self._resource._client.request({m.cast}, {options_call})"
        raw_type = async_raw_type = m.returns
        async_request = f"await {request}"
        async_body = [
            layout.assignment(f"response: AsyncAPIResponse[{m.returns}]", async_request, _BODY),
            f"{_BODY}return response.parse()",
        ]
    return MethodLines(
        doc=_method_docstring(m),
        options_params=_parameters(m, layout.INDENT),
        options_fields=_options_fields(m),
        method_params=f"{_BODY}self,\n{_parameters(m, _BODY)}",
        returns=f"    ) -> {m.returns}:",
        async_def="def" if m.page is not None else "async def",
        async_returns=f"    ) -> {m.async_returns}:",
        raw_returns=f"    ) -> APIResponse[{raw_type}]:",
        async_raw_returns=f"    ) -> AsyncAPIResponse[{async_raw_type}]:",
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
        sync_body=[
            layout.assignment(f"response: APIResponse[{raw_type}]", request, _BODY),
            f"{_BODY}return response.parse()",
        ],
        async_body=async_body,
        raw_call=layout.expression(raw_request, _BODY, prefix="return "),
        async_raw_call=layout.expression(async_raw_request, _BODY, prefix="return await "),
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
