"""The contexts of the package's own documentation: README.md (its example and renamed names) and api.md."""

from __future__ import annotations

from dataclasses import dataclass

from generator.ir import Api, FileUpload, Primitive, all_inline_objects
from generator.ir.examples import example_value
from generator.targets.typescript.auth import method_auth
from generator.targets.typescript.contexts import module_types
from generator.targets.typescript.docs import TypeScript
from generator.targets.typescript.literals import string_literal
from generator.targets.typescript.modules import SHARED, ModelHomes, ResourceFile
from generator.targets.typescript.names import (
    accessor, alias_ident, auth_option_name, binding, client_option_name, invocation, method_name, model_ident,
    property_key, singular, type_ident, type_name,
)
from generator.targets.typescript.types import method_types
from generator.text.case import camel_case


@dataclass(frozen=True)
class ApiMethod:
    http: str  # `get /widgets/{id}`, the title of the line
    call: str  # `client.widgets.`
    name: str
    args: str
    returns: str
    file: str
    auth: str | None = None  # the client option whose key it sends, when not the API key


@dataclass(frozen=True)
class ApiSection:
    title: str
    level: str
    types: list[tuple[str, str]]  # (type name, the file that declares it)
    methods: list[ApiMethod]


@dataclass(frozen=True)
class Example:
    call: str  # `client.widgets.retrieve('id_123')`
    result: str  # the variable the README assigns the result to


def api_sections(rfiles: list[ResourceFile], homes: ModelHomes) -> list[ApiSection]:
    """api.md: per resource, the types its module declares and its methods."""
    sections = []
    for rf in rfiles:
        file = f"./src/{rf.module}.ts"
        methods = []
        for m in rf.resource.methods:
            types = method_types(rf.path, m)
            args = [name for name, _ in types.path_args] + (["{ ...params }"] if types.params_type else [])
            methods.append(ApiMethod(http=f"{m.http_method.lower()} {m.path}", call=f"client.{accessor(rf.path)}.",
                                     name=method_name(m.name), args=", ".join(args),
                                     returns=types.page_alias or types.returns,
                                     file=file, auth=method_auth(m)))
        sections.append(ApiSection(title=" > ".join(type_ident(p) for p in rf.path),
                                   level="#" * min(len(rf.path), 5),
                                   types=[(t, file) for t in module_types(rf.module, rf, homes)], methods=methods))
    shared = [(name, f"./src/{SHARED}.ts") for name in module_types(SHARED, None, homes)]  # aliases, models
    if shared:
        sections.append(ApiSection(title="Shared", level="#", types=shared, methods=[]))
    return sections


def renamed(api: Api, rfiles: list[ResourceFile]) -> list[tuple[str, str, str]]:
    """(what, spec name, TypeScript name) for every name that was escaped or transliterated, for the
    README. Case conversion never makes a `_`, so a `_` in the result marks an escape."""
    found: list[tuple[str, str, str]] = []

    def note(what: str, spec_name: str, ident: str) -> None:
        if ("_" in ident or not spec_name.isascii()) and (what, spec_name, ident) not in found:
            found.append((what, spec_name, ident))

    for model in api.models:
        note("model", model.name, model_ident(model.name))
        for obj in all_inline_objects(model.properties):
            note("inline object", ".".join(obj.path), type_name(obj.path))
    for rf in rfiles:
        note("resource", ".".join(rf.path), f"{accessor(rf.path)} ({rf.class_name})")
        for m in rf.resource.methods:
            note("method", f"{'.'.join(rf.path)}.{m.name}", method_name(m.name))
            for param in m.path_params:
                note("path parameter", f"{m.name}({param.name})", binding(param.name))
            for obj in all_inline_objects(method_types(rf.path, m).params):  # type: ignore[arg-type]
                note("inline object", ".".join(obj.path), type_name(obj.path))
    for option in api.client_options:
        note("client option", option.name, client_option_name(option.name))
    for scheme in api.auth_schemes:
        note("auth scheme", scheme.name, auth_option_name(scheme.name))
    for alias in api.aliases:
        note("alias", alias.name, alias_ident(alias.name))
    return found


def example(rfiles: list[ResourceFile]) -> Example | None:
    """The first method that takes only path parameters, for the README's usage example."""
    for rf in rfiles:
        for m in rf.resource.methods:
            if not method_types(rf.path, m).params_type and m.returns is not None:
                args = [string_literal(f"{p.name}_123") if isinstance(p.type, Primitive) and p.type.kind == "string"
                        else "1" for p in m.path_params]
                result = camel_case(singular(rf.path[-1])) if rf.path[-1] != singular(rf.path[-1]) else "result"
                return Example(call=invocation("client", rf.path, m, args), result=result)
    return None


def list_example(rfiles: list[ResourceFile]) -> Example | None:
    """The first paginated method that can be called without arguments, for the README's "Pagination"."""
    for rf in rfiles:
        for m in rf.resource.methods:
            types = method_types(rf.path, m)
            if m.page is not None and types.page_alias and not m.path_params and not types.params_required:
                return Example(call=invocation("client", rf.path, m, []), result=camel_case(singular(rf.path[-1])))
    return None


def upload_example(api: Api, rfiles: list[ResourceFile]) -> Example | None:
    """The first method with a file parameter (not in an array) and no path parameters, called with its
    required parameters and `fs.createReadStream` for the file, for the README's "File uploads"."""
    for rf in rfiles:
        for m in rf.resource.methods:
            files = [p for p in m.parameters if isinstance(p.type, FileUpload)]
            if not files or m.path_params:
                continue
            fields = [f"{property_key(p.name)}: fs.createReadStream('input.jsonl')" if p in files
                      else f"{property_key(p.name)}: {TypeScript().literal(example_value(api, p.type, p.name))}"
                      for p in m.params_in("body") if p.required or p in files]
            return Example(call=invocation("client", rf.path, m, ["{ " + ", ".join(fields) + " }"]), result="file")
    return None
