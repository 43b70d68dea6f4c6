"""The contexts of the Python SDK's templates: names, types and lines each template lays out, computed here.

Lines whose length depends on spec names are laid out as black formats them (layout.py) and carry
their own indentation, so the templates only place them.
"""

from __future__ import annotations

from typing import Any

from generator.ir import (
    Api, InlineObject, Method, Model, ModelRef, Parameter, Primitive, Property, Resource, direct_inline_objects,
    keyword_params, referenced_models_of, model_references,
)
from generator.targets.python import layout
from generator.targets.python.literals import (
    attribute_docstring, comment, docstring, string_literal, wrapped_docstring_body,
)
from generator.targets.python.names import (
    REQUEST_OPTIONS, class_name, client_class_name, error_class_name, field_identifier, member_identifier,
    model_classes, module_name, nested_class_name, option_identifier, package_module, param_identifier,
    resource_access, resource_attribute, resource_class_name, resource_module,
)
from generator.targets.python.types import (
    annotation, parameter_annotation, return_annotation, typing_names, union,
)


def names_context(api: Api) -> dict[str, Any]:
    """Names and settings every runtime module needs."""
    client = client_class_name(api)
    package = api.package("python")
    return {
        "client": client,
        "async_client": f"Async{client}",
        "client_import": layout.import_from("._client", [f"Async{client} as Async{client}", f"{client} as {client}"]),
        "error": error_class_name(api),
        "package_doc": layout.docstring(docstring(api.description), ""),  # __init__.py's docstring
        "user_agent": f"{client}/Python {package.version}",
        "logger": package_module(api),
        "log_env": f"{api.api_key_env.split('_')[0]}_LOG" if "_" in api.api_key_env else f"{client.upper()}_LOG",
        "options": [
            {
                "name": option_identifier(o.name),
                "header": o.header,
                "env": o.env,
                "description": o.description,
                # copy(): keeps the client's value unless given one (laid out as black formats it)
                "copy_argument": layout.keyword_argument(
                    option_identifier(o.name),
                    f"{option_identifier(o.name)} if {option_identifier(o.name)} is not None"
                    f" else self.{option_identifier(o.name)}",
                    layout.INDENT * 3,
                    conditional=True,
                ),
            }
            for o in api.client_options
        ],
    }


def constants_context(api: Api) -> dict[str, Any]:
    """_constants.py: its `__all__` (the base error class) laid out as black formats it."""
    return {"all_line": layout.bracketed("__all__ = [", [string_literal(error_class_name(api))], "]", kind="collection")}


def model_list(api: Api) -> list[dict[str, str]]:
    return [
        {"module": module_name(m.name), "name": class_name(m.name), "description": m.description} for m in api.models
    ]


def types_init_context(api: Api, cycles: dict[str, frozenset[str]]) -> dict[str, Any]:
    """types/__init__.py: its lines laid out as black formats them (the lists end with a comma)."""
    models = model_list(api)
    rebuild = rebuild_list(api, cycles)
    names = [string_literal(m["name"]) for m in models]
    return {
        "rebuild": rebuild,
        "lines": {
            "imports": [layout.import_from(f".{m['module']}", [f"{m['name']} as {m['name']}"]) for m in models],
            "all": layout.bracketed("__all__ = [", names, "]", magic_comma=bool(names)),
            "models": layout.bracketed(
                "_MODELS = {", [f"{n}: {m['name']}" for n, m in zip(names, models)], "}", magic_comma=bool(names)
            ),
            "rebuild": [layout.expression(f"{path}.model_rebuild(_types_namespace=_MODELS)", "") for path in rebuild],
        },
    }


def rebuild_list(api: Api, cycles: dict[str, frozenset[str]]) -> list[str]:
    """Classes (nested ones as `Outer.Inner`) whose forward references are resolved once every model is imported."""
    out: list[str] = []
    for model in api.models:
        if cycles[model.name]:
            out += model_context(api, model, cycles[model.name])["class"]["paths"]
    return out


def client_context(resources: list[dict[str, Any]]) -> dict[str, Any]:
    """_client.py: the top-level resources, with their raw-response accessors laid out."""

    def raw(prefix: str, r: dict[str, Any]) -> str:
        return layout.expression(
            f"{prefix}{r['class_name']}WithRawResponse(self._client.{r['attr']})", layout.INDENT * 2, "return "
        )

    return {"resources": [{**r, "sync_raw": raw("", r), "async_raw": raw("Async", r)} for r in resources]}


# ---------------------------------------------------------------- models


def model_context(api: Api, model: Model, deferred: frozenset[str]) -> dict[str, Any]:
    imports = sorted(referenced_models_of(model) - {model.name})
    cls = class_context(
        class_name(model.name), model.description, model.deprecated, model.properties, deferred, model_classes(api)
    )
    return {
        "class": cls,
        "imports": [layout.import_from(f".{module_name(n)}", [class_name(n)]) for n in imports if n not in deferred],
        "lazy_imports": [
            layout.import_from(f".{module_name(n)}", [class_name(n)], layout.INDENT) for n in imports if n in deferred
        ],
        "all": layout.bracketed("__all__ = [", [string_literal(cls["name"])], "]", kind="collection"),
        "typing": typing_names(
            [f["annotation"] for f in _all_fields(cls)] + (["TYPE_CHECKING["] if deferred - {model.name} else [])
        ),
        "uses_field": any(f["alias"] for f in _all_fields(cls)),
    }


def _nested_objects(props: tuple[Property, ...]) -> list[InlineObject]:
    """The inline objects a class declares as nested classes: those of its properties first, then those
    that are the items of an array or the values of a map (the order of the class body)."""
    direct = [p.type for p in props if isinstance(p.type, InlineObject)]
    inside = [obj for p in props if not isinstance(p.type, InlineObject) for obj in direct_inline_objects([p])]
    return direct + inside


def class_context(
    name: str,
    description: str,
    deprecated: bool,
    props: tuple[Property, ...],
    deferred: frozenset[str],
    models: frozenset[str],
    depth: int = 0,
) -> dict[str, Any]:
    """A model class (or a nested class of one, `depth` levels in), its lines laid out as black
    formats them: they carry their own indentation."""
    direct = {id(p.type): p.description for p in props if isinstance(p.type, InlineObject)}
    nested = [
        class_context(
            nested_class_name(obj.path[-1], models),
            # A property's own object falls back to the property's description.
            obj.description or direct.get(id(obj), ""),
            False,
            obj.properties,
            deferred,
            models,
            depth + 1,
        )
        for obj in _nested_objects(props)
    ]
    body = layout.INDENT * (depth + 1)
    fields = []
    for p in props:
        optional = p.nullable or not p.required
        ident = field_identifier(p.name)
        alias = p.name if ident != p.name else None
        field_annotation = annotation(p.type, optional, deferred, models)
        fields.append(
            {
                "name": ident,
                "alias": alias,
                "annotation": field_annotation,
                "line": layout.annotated(ident, field_annotation, _field_default(alias, optional), body),
                "doc": attribute_docstring(p.description + (" Deprecated." if p.deprecated else ""), body),
            }
        )
    description = description + ("\n\nDeprecated." if deprecated else "")
    return {
        "name": name,
        "pad": layout.INDENT * depth,
        "doc": layout.docstring(wrapped_docstring_body(description, body), body) if description else "",
        "fields": fields,
        "nested": nested,
        "paths": [name, *(f"{name}.{path}" for n in nested for path in n["paths"])],
    }


def _field_default(alias: str | None, optional: bool) -> str | None:
    """What a model field is assigned: its wire name (when the identifier differs) and its default."""
    if alias is not None:
        return f"Field({'default=None, ' if optional else ''}alias={string_literal(alias)})"
    return "None" if optional else None


def _all_fields(cls: dict[str, Any]) -> list[dict[str, Any]]:
    return [*cls["fields"], *(f for nested in cls["nested"] for f in _all_fields(nested))]


# ---------------------------------------------------------------- resources


def resource_context(api: Api, path: tuple[str, ...], resource: Resource) -> dict[str, Any]:
    """A resource module (resource.py.j2), and its line in api.md and the resources and client modules."""
    attr = member_identifier(resource.name) if len(path) > 1 else resource_attribute(api, resource.name)
    models = sorted({n for m in resource.methods for n in model_references(m.returns)})
    models += sorted({n for m in resource.methods for p in m.parameters for n in model_references(p.type)} - set(models))
    methods = [method_context(m) for m in resource.methods]
    return {
        "name": resource.name,
        "attr": attr,
        "access": resource_access(api, path),
        "module": resource_module(path),
        "class_name": resource_class_name(api, path),
        "description": resource.description,
        "methods": methods,
        "children": [
            {
                "attr": member_identifier(child.name),
                "class_name": resource_class_name(api, (*path, child.name)),
                "module": resource_module((*path, child.name)),
            }
            for child in resource.resources
        ],
        "imports": [class_name(n) for n in models],
        "imports_line": layout.import_from("..types", [class_name(n) for n in models]),
        "doc": layout.docstring(docstring(resource.description), "") if resource.description else "",
        "class_doc": layout.docstring(docstring(resource.description), layout.INDENT) if resource.description else "",
        "typing": typing_names(
            ["Optional[object]", "Union[object]"]
            + [m["returns"] for m in methods]
            + [p["annotation"] for m in methods for p in m["positional"] + m["keyword"]]
        ),
    }


def method_context(method: Method) -> dict[str, Any]:
    context: dict[str, Any] = {
        "name": member_identifier(method.name),
        "wire_name": method.name,
        "http_method": method.http_method,
        "path": method.path,
        "summary": method.summary,
        "description": method.description,
        "deprecated": method.deprecated,
        "positional": [param_context(p) for p in method.path_params],
        # Required keyword parameters first, as the official SDK orders them.
        "keyword": [param_context(p) for p in keyword_params(method)],
        "path_params": [param_context(p) for p in method.path_params],
        "query_params": [param_context(p) for p in method.params_in("query")],
        "body_params": [param_context(p) for p in method.params_in("body")],
        "has_body": bool(method.params_in("body")),
        "returns": return_annotation(method.returns),
        "returns_model": isinstance(method.returns, ModelRef),
    }
    context["lines"] = _method_lines(context)
    return context


def param_context(p: Parameter) -> dict[str, Any]:
    base = parameter_annotation(p)
    return {
        "name": param_identifier(p.name),
        "wire": p.name,
        "annotation": base if p.required else union(base, "NotGiven"),
        "default": "" if p.required else " = NOT_GIVEN",
        "required": p.required,
        "is_string": isinstance(p.type, Primitive) and p.type.kind == "string",
        "description": p.description,
    }


#: The keyword arguments every method takes after its own (REQUEST_OPTIONS), as declared.
_REQUEST_OPTION_PARAMS = (
    ("extra_headers", "Optional[Headers]", " = None"),
    ("extra_query", "Optional[Query]", " = None"),
    ("extra_body", "Optional[Body]", " = None"),
    ("timeout", "Union[TimeoutTypes, NotGiven]", " = NOT_GIVEN"),
)
_BODY = layout.INDENT * 2  # statements inside a method of a class


def _method_lines(m: dict[str, Any]) -> dict[str, Any]:
    """The lines of a method's functions (resource.py.j2) whose length depends on spec names, laid
    out as black formats them, each with its indentation."""
    name, returns = m["name"], m["returns"]
    arguments = [p["name"] for p in m["positional"]]
    arguments += [f"{p['name']}={p['name']}" for p in m["keyword"]]
    arguments += [f"{option}={option}" for option in REQUEST_OPTIONS]
    options_call = f"_{name}_options({', '.join(arguments)})"
    request = f"self._client.request({returns}, {options_call})"
    raw_request = f"self._resource._client.request({returns}, {options_call})"
    return {
        "doc": _method_docstring(m),
        "options_params": _parameters(m, layout.INDENT),
        "method_params": f"{_BODY}self,\n{_parameters(m, _BODY)}",
        "returns": f"    ) -> {returns}:",
        "raw_returns": f"    ) -> APIResponse[{returns}]:",
        "async_raw_returns": f"    ) -> AsyncAPIResponse[{returns}]:",
        "path_checks": [
            f"{layout.INDENT}if not {p['name']}:\n"
            + layout.expression(
                f"ValueError(f\"Expected a non-empty value for `{p['name']}` but received {{{p['name']}!r}}\")",
                _BODY,
                prefix="raise ",
            )
            for p in m["path_params"]
            if p["is_string"]
        ],
        "path": layout.keyword_argument(
            "path", f"build_path({string_literal(m['path'])}, {_dict(m['path_params'])})", _BODY
        ),
        "query": layout.keyword_argument("query", f"drop_not_given({_dict(m['query_params'])})", _BODY),
        "body": layout.keyword_argument("body", f"drop_not_given({_dict(m['body_params'])})", _BODY),
        "sync_call": layout.assignment(f"response: APIResponse[{returns}]", request, _BODY),
        "async_call": layout.assignment(f"response: AsyncAPIResponse[{returns}]", f"await {request}", _BODY),
        "raw_call": layout.expression(raw_request, _BODY, prefix="return "),
        "async_raw_call": layout.expression(raw_request, _BODY, prefix="return await "),
    }


#: The end of every method's docstring: the request options it takes after its own parameters.
_REQUEST_OPTIONS_DOC = """
  extra_headers: Headers sent with this request in addition to the client's.

  extra_query: Query parameters added to the URL.

  extra_body: Properties added to the JSON body.

  timeout: Seconds to wait for this request, overriding the client's timeout.
"""


def _method_docstring(m: dict[str, Any]) -> str:
    """A method's docstring (the sync and async methods share it): summary, description, `Args:`,
    laid out as black rewrites it inside a method."""
    parts = [docstring(m["summary"])]
    if m["description"]:
        parts += ["", layout.wordwrap(docstring(m["description"]))]
    if m["deprecated"]:
        parts += ["", "Deprecated."]
    params = m["positional"] + m["keyword"]
    if params:
        parts += ["", "Args:", *(f"  {p['name']}: {comment(p['description'])}" for p in params)]
    return layout.docstring("\n".join(parts) + "\n" + _REQUEST_OPTIONS_DOC, _BODY)


def _parameters(m: dict[str, Any], indent: str) -> str:
    """The parameters of a method after `self` (the signature ends with a comma: one per line)."""
    params = [(p["name"], p["annotation"], p["default"]) for p in m["positional"]]
    params.append(("*", "", ""))
    params += [(p["name"], p["annotation"], p["default"]) for p in m["keyword"]]
    params += _REQUEST_OPTION_PARAMS
    return "\n".join(
        f"{indent}*," if name == "*" else layout.expression(type_, indent, prefix=f"{name}: ", suffix=f"{default},")
        for name, type_, default in params
    )


def _dict(params: list[dict[str, Any]]) -> str:
    """A dict literal from wire names to the parameters' identifiers."""
    return "{" + ", ".join(f"{string_literal(p['wire'])}: {p['name']}" for p in params) + "}"
