"""Validating resources and their methods: the `http` line, parameters, and the path template's names."""

from __future__ import annotations

import re

import math

from generator.ir import (
    Binary, Default, FileUpload, Method, PageStyle, Parameter, Primitive, Resource, Type, path_template_names,
)
from generator.spec.auth import DEFAULT_SCHEME
from generator.spec.models import COMMON_FIELD_KEYS, TYPE_KEYS, first_of, read_type
from generator.spec.nodes import YMap
from generator.spec.reader import FIELD_NAME, HEADER_NAME, LOWER_NAME, WIRE_NAME, Reader

HTTP_METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")
METHODS_WITHOUT_BODY = ("GET", "DELETE")
LOCATIONS = ("path", "query", "body", "header")
ENCODINGS = ("json", "multipart")
# Keys of a method that only format 2 reads.
METHOD_KEYS_2 = ("paginated", "encoding", "timeout", "auth")


def read_resources(r: Reader, node: YMap) -> tuple[Resource, ...]:
    """The resources `node` lists, each with its methods and sub-resources."""
    found = []
    for name, body in node.items():
        where = node.key_at(name)
        r.identifier(name, where, LOWER_NAME, "resource", "batches")
        entry = r.mapping(body, node.value_at(name), f"resource `{name}`")
        if entry is None:
            continue
        what = f"resource `{name}`"
        r.keys(entry, what, (), ("description", "methods", "resources"))
        methods_node = r.mapping(entry.get("methods", YMap(where)), entry.value_at("methods"),
                                 f"`methods` of {what}")
        children = r.mapping(entry.get("resources", YMap(where)), entry.value_at("resources"),
                             f"`resources` of {what}")
        resource = Resource(
            name=name,
            methods=_read_methods(r, methods_node, name) if methods_node is not None else (),
            resources=read_resources(r, children) if children is not None else (),
            description=r.text(entry, "description", what),
            location=where,
        )
        _member_names(r, resource)
        found.append(resource)
    return tuple(found)


def _member_names(r: Reader, resource: Resource) -> None:
    """A method and a sub-resource of one resource are both members of it (`client.files.content`)."""
    methods = {m.name: m for m in resource.methods}
    for child in resource.resources:
        if child.name in methods:
            r.error(child.location, "E203", f"resource `{resource.name}` has a method and a sub-resource "
                    f"both named `{child.name}`",
                    f"rename one of them; the method is at line {methods[child.name].location.line}")


def _read_methods(r: Reader, node: YMap, resource: str) -> tuple[Method, ...]:
    found = []
    for name, body in node.items():
        where = node.key_at(name)
        r.identifier(name, where, LOWER_NAME, "method", "cancel")
        entry = r.mapping(body, node.value_at(name), f"method `{resource}.{name}`")
        if entry is None:
            continue
        what = f"method `{resource}.{name}`"
        r.keys(entry, what, ("http",), ("summary", "description", "params", "returns", "deprecated") + METHOD_KEYS_2)
        http_method, path = _http_line(r, entry, what)  # path is None when the line is malformed
        encoding = _encoding(r, entry, what)
        params = _read_parameters(r, entry, what, http_method if path is not None else "", encoding)
        returns: Type | None = None
        if "returns" in entry:
            ret = r.mapping(entry["returns"], entry.value_at("returns"), f"`returns` of {what}")
            if ret is not None:
                r.keys(ret, f"`returns` of {what}", (), TYPE_KEYS + ("description",))
                returns = read_type(r, ret, f"`returns` of {what}", (name,))
                _check_returns(r, ret, returns, what)
        method = Method(name=name, http_method=http_method, path=path or "/", parameters=params, returns=returns,  # type: ignore[arg-type]
                        summary=r.text(entry, "summary", what),
                        description=r.text(entry, "description", what),
                        deprecated=r.flag(entry, "deprecated", what), location=where,
                        page=_page_style(r, entry, what), body_encoding=encoding,  # type: ignore[arg-type]
                        timeout_seconds=_timeout(r, entry, what), auth=_auth(r, entry, what))
        if path is not None:  # a malformed `http` line is reported once, not again for each parameter
            _check_path_parameters(r, method, entry, what)
            _check_paging(r, method, entry, what)
        found.append(method)
    return tuple(found)


def _http_line(r: Reader, entry: YMap, what: str) -> tuple[str, str | None]:
    line = r.text(entry, "http", what)
    match = re.match(r"^([A-Z]+) (/\S*)$", line)
    if not match:
        if line:
            r.error(entry.value_at("http"), "E105", f"`http` of {what} must be `METHOD /path`, not `{line}`",
                    _http_line_hint(line))
        return "GET", None
    verb, path = match.groups()
    if verb not in HTTP_METHODS:
        r.error(entry.value_at("http"), "E105", f"unsupported HTTP method `{verb}`",
                f"use one of {', '.join(HTTP_METHODS)}")
    if re.search(r"[{}]", re.sub(r"\{[A-Za-z_][A-Za-z0-9_]*\}", "", path)) or "?" in path or "#" in path:
        r.error(entry.value_at("http"), "E105", f"malformed path template `{path}`",
                "write placeholders as `{name}`; declare query parameters under `params`")
        return verb, None
    return verb, path


def _read_parameters(r: Reader, entry: YMap, what: str, http_method: str, encoding: str) -> tuple[Parameter, ...]:
    if "params" not in entry:
        return ()
    node = r.mapping(entry["params"], entry.value_at("params"), f"`params` of {what}")
    if node is None:
        return ()
    found = []
    for name, body in node.items():
        at = node.key_at(name)
        param = r.mapping(body, node.value_at(name), f"parameter `{name}`")
        # Path parameters are named in the path template; the others are wire names.
        in_path = isinstance(param, YMap) and param.get("in") == "path"
        r.identifier(name, at, FIELD_NAME if in_path else WIRE_NAME, "parameter", "batch_id")
        if param is None:
            continue
        pwhat = f"parameter `{name}` of {what}"
        r.keys(param, pwhat, ("in",), TYPE_KEYS + COMMON_FIELD_KEYS + ("default",))
        where = r.text(param, "in", pwhat)
        if where and where not in LOCATIONS:
            r.error(param.value_at("in"), "E105", f"`in` of {pwhat} must be path, query, body or header",
                    "path parameters fill the template; query ones go in the URL; body ones in JSON; "
                    "header ones (format 2) are sent as the header their name says")
        elif where == "header" and r.format_2(param, "in", pwhat, "in: header") and not HEADER_NAME.match(name):
            r.error(at, "E205", f"`{name}` is not an HTTP header name", "a header parameter is named as the "
                    "header it sends, e.g. `OpenAI-Beta`")
        if where == "body" and http_method in METHODS_WITHOUT_BODY:
            r.error(param.value_at("in"), "E210", f"{http_method} requests have no body, but {pwhat} is "
                    "declared `in: body`", "use `in: query`, or a method that takes a body (POST, PUT, PATCH)")
        required = r.flag(param, "required", pwhat) if "required" in param else where == "path"
        if where == "path" and not required:
            r.error(param.value_at("required"), "E105", f"path {pwhat} cannot be optional",
                    "remove `required: false`; a path template always needs its value")
        param_type = read_type(r, param, pwhat, (name,))
        _check_parameter_type(r, param, param_type, where, encoding, pwhat)
        found.append(Parameter(
            name=name, location=where if where in LOCATIONS else "query",  # type: ignore[arg-type]
            type=param_type, required=required,
            nullable=r.flag(param, "nullable", pwhat), description=r.text(param, "description", pwhat),
            deprecated=r.flag(param, "deprecated", pwhat), source=at,
            default=_default(r, param, pwhat),
        ))
    return tuple(found)


def _check_path_parameters(r: Reader, method: Method, entry: YMap, what: str) -> None:
    in_template = path_template_names(method.path)
    declared = {p.name: p for p in method.params_in("path")}
    for name in in_template:
        if name not in declared:
            r.error(entry.value_at("http"), "E209", f"the path of {what} names `{{{name}}}`, "
                    "which is not a declared path parameter",
                    f"declare `{name}` under `params` with `in: path`")
    for name, param in declared.items():
        if name not in in_template:
            r.error(param.source, "E208", f"path parameter `{name}` of {what} is not in the path template",
                    f"add `{{{name}}}` to `{method.path}`, or declare it `in: query`")
        if not (isinstance(param.type, Primitive) and param.type.kind in ("string", "integer")):
            r.error(param.source, "E105", f"path parameter `{name}` of {what} must be a string or integer",
                    "path segments hold scalar values only")


def _http_line_hint(line: str) -> str:
    verb = line.split(" ", 1)[0]
    if verb.upper() in HTTP_METHODS and verb != verb.upper():
        return f"write the HTTP method in upper case: `{verb.upper()} ...`"
    if " " not in line.strip():
        return "separate the HTTP method and the path with one space, e.g. `GET /batches/{batch_id}`"
    return "e.g. `http: POST /batches/{batch_id}/cancel`; the path starts with `/`"


def _encoding(r: Reader, entry: YMap, what: str) -> str:
    if "encoding" not in entry or not r.format_2(entry, "encoding", what):
        return "json"
    encoding = r.text(entry, "encoding", what, "json")
    if encoding not in ENCODINGS:
        r.error(entry.value_at("encoding"), "E105", f"unknown `encoding` `{encoding}` of {what}",
                "`json` (the default) or `multipart` (a form with file parts)")
        return "json"
    return encoding


def _timeout(r: Reader, entry: YMap, what: str) -> float | None:
    if "timeout" not in entry or not r.format_2(entry, "timeout", what):
        return None
    timeout = r.scalar(entry, "timeout", (int, float), what, None)
    if timeout is None:
        return None
    if not math.isfinite(timeout) or timeout <= 0:
        r.error(entry.value_at("timeout"), "E105", f"`timeout` of {what} must be a positive number of seconds",
                "seconds, e.g. 30")
        return None
    return float(timeout)


def _auth(r: Reader, entry: YMap, what: str) -> str | None:
    """The auth scheme the method names (`api_key`, the default, is None)."""
    if "auth" not in entry or not r.format_2(entry, "auth", what):
        return None
    name = r.text(entry, "auth", what)
    if name == DEFAULT_SCHEME or not name:
        return None
    if name not in r.auth_schemes:
        known = ", ".join(f"`{n}`" for n in [DEFAULT_SCHEME, *r.auth_schemes])
        r.error(entry.value_at("auth"), "E202", f"{what} names the auth scheme `{name}`, which `api.auth_schemes` "
                "does not declare", f"declared schemes: {known}")
        return None
    return name


def _page_style(r: Reader, entry: YMap, what: str) -> PageStyle | None:
    if "paginated" not in entry or not r.format_2(entry, "paginated", what):
        return None
    name = r.text(entry, "paginated", what)
    style: PageStyle | None = r.page_styles.get(name)
    if name and style is None:
        declared = ", ".join(f"`{n}`" for n in r.page_styles) or "none"
        r.error(entry.value_at("paginated"), "E202", f"{what} is paginated with `{name}`, which `api.pagination` "
                "does not declare", f"declared page styles: {declared}")
    return style


def _default(r: Reader, param: YMap, what: str) -> Default | None:
    if "default" not in param or not r.format_2(param, "default", what):
        return None
    value = param["default"]
    if value is not None and not isinstance(value, (str, int, float, bool)):
        r.error(param.value_at("default"), "E103", f"`default` of {what} must be a scalar",
                "write the value the server assumes, e.g. `default: 20`")
        return None
    return Default(value)


def _check_returns(r: Reader, node: YMap, returns: Type, what: str) -> None:
    if isinstance(returns, FileUpload) or first_of(returns, (Binary,)) not in (None, returns):
        r.error(node.value_at("type") if "type" in node else node.owner_location, "E213",
                f"`returns` of {what} cannot be a file upload, or hold `binary` inside an array or map",
                "`returns: {type: binary}` returns the raw response bytes")


def _check_parameter_type(r: Reader, param: YMap, t: Type, where: str, encoding: str, what: str) -> None:
    at = param.value_at("type") if "type" in param else param.owner_location
    if first_of(t, (Binary,)) is not None:
        r.error(at, "E213", f"{what} cannot be of type `binary`", "`binary` is for a method's `returns`; "
                "send a file with `type: file` in a multipart method")
    if first_of(t, (FileUpload,)) is not None and (where != "body" or encoding != "multipart"):
        r.error(at, "E213", f"{what} is a `file`, which only a body parameter of a multipart method can be",
                "declare it `in: body` and give the method `encoding: multipart`")


def _check_paging(r: Reader, method: Method, entry: YMap, what: str) -> None:
    style = method.page
    if style is None:
        return
    at = entry.value_at("paginated")
    if method.http_method != "GET":
        r.error(at, "E212", f"{what} is paginated but is a {method.http_method}",
                "pages are fetched with GET; remove `paginated`")
    if method.returns is None or isinstance(method.returns, (Binary, FileUpload)):
        r.error(at, "E212", f"{what} is paginated but returns no items",
                "give `returns:` the type of one item of a page, e.g. `returns: {ref: Batch}`")
    if not any(p.name == style.cursor_param and p.location == "query" for p in method.parameters):
        r.error(at, "E212", f"{what} is paginated with `{style.name}` but has no query parameter "
                f"`{style.cursor_param}`", f"declare `{style.cursor_param}: {{in: query, type: string}}`: "
                "the SDKs send it to fetch the next page")
