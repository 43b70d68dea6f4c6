"""Typed contexts of the Ruby templates: one class per template (or included part), built from the IR.

Attributes rather than dict keys: Jinja reads `f.label` as an attribute first, and on a dict each of
those reads fails first (about a sixth of the Ruby rendering time of a 1,000-model spec). Every name
comes from names.py, every type from types.py, every literal from literals.py.
"""

from __future__ import annotations

from dataclasses import field, fields
from typing import Any

from generator.ir import (
    Api, Enum, InlineObject, Method, Model, Package, Parameter, Property, Resource, keyword_params, resources_with_paths,
)
from generator.targets.base import template_context
import generator.targets.ruby.names as names
from generator.targets.ruby.literals import (
    example_call, invisible_in_symbol, number, string_array, string_literal, symbol_label, symbol_literal,
)
from generator.targets.ruby.types import (
    CLIENT_OPTION_RBS, RubyTypes, TypeNames, client_init_params, enum_rbs_types, enum_rbs_values, inner_type,
)


@template_context(slots=True)
class FieldContext:
    reader: str
    key: str  # the Symbol literal of the wire name
    label: str  # the same Symbol as a Hash label
    descriptor: str
    yard: str
    rbs: str
    description: str
    deprecated: bool


@template_context(slots=True)
class EnumContext:
    name: str
    description: str
    constants: list[tuple[str, str]]  # (constant, its value as Ruby source)
    rbs_types: list[str]
    raw: list[str]
    rbs_values: str


@template_context(slots=True)
class ClassContext:
    """A model class (model_class.rb.j2, sig/model_class.rbs.j2), with its enums and nested classes."""

    path: str
    name: str
    description: str
    deprecated: bool
    fields: list[FieldContext]
    enums: list[EnumContext]
    nested: list["ClassContext"]


@template_context(slots=True)
class ParamContext:
    name: str
    wire: str
    location: str
    required: bool
    nullable: bool
    default: str | None  # None (required), "nil", or "OMIT" for a nullable one
    yard: str
    rbs: str
    description: str


@template_context(slots=True)
class MethodContext:
    name: str
    params: list[str]  # the `def` line's parameters, as written
    one_line: bool  # whether the `def` line fits in RuboCop's 120 columns
    nullable_query: str
    nullable_body: str
    http_method: str
    path: str
    summary: str
    description: str
    deprecated: bool
    positional: list[ParamContext]
    keywords: list[ParamContext]  # required ones first
    query: list[ParamContext]
    body: list[ParamContext]
    has_body: bool
    returns: TypeNames | None


@template_context(slots=True)
class ResourceContext:
    """A resource class (resource.rb.j2, sig/resource.rbs.j2) and how a user reaches it."""

    name: str
    attr: str  # the reader on its parent
    accessor: str  # `client.widgets.parts`
    chain: tuple[str, ...]  # the class names from Resources down
    class_path: str
    file: str
    description: str
    methods: list[MethodContext]
    children: list["ResourceContext"] = field(default_factory=list)


@template_context(slots=True)
class OptionContext:
    name: str
    header: str
    header_display: str
    env: str | None
    description: str


@template_context(slots=True)
class ExampleContext:
    call: str  # the README's example call, `client.batches.cancel('batch_id')`


# ---------------------------------------------------------------- one class per template


@template_context()
class GemContext:
    """What every template of the gem reads."""

    api: Api
    package: Package
    module: str
    root: str
    lib: str
    request_id_header: str

    def mapping(self) -> dict[str, Any]:
        """The template's variables (shallow: nested contexts stay objects)."""
        return {f.name: getattr(self, f.name) for f in fields(self)}


@template_context()
class ClientContext(GemContext):
    """client.rb.j2 and sig/client.rbs.j2."""

    options: list[OptionContext]
    resources: list[ResourceContext]
    timeout: str
    max_retries: str
    missing_key_message: list[str]
    option_rbs: str
    init_params: list[str]


@template_context()
class ReadmeContext(ClientContext):
    example: ExampleContext | None
    all_resources: list[ResourceContext]


@template_context()
class EntryContext(GemContext):
    """entry.rb.j2 and sig/entry.rbs.j2."""

    requires: list[str]
    aliases: list[str]


@template_context()
class ModelFileContext(GemContext):
    model: ClassContext


@template_context()
class ResourceFileContext(GemContext):
    resource: ResourceContext


# ---------------------------------------------------------------- builders


def gem_context(api: Api, types: RubyTypes) -> GemContext:
    package = api.package("ruby")
    return GemContext(api, package, types.module, types.root, names.library_name(package.name),
                      api.request_id_header)


def model_context(model: Model, types: RubyTypes) -> ClassContext:
    return class_context(types.model_path(model.name), names.constant(model.name), model.description,
                         model.deprecated, model.properties, types)


def class_context(path: str, name: str, description: str, deprecated: bool, props: tuple[Property, ...],
                  types: RubyTypes) -> ClassContext:
    out = ClassContext(path, name, description, deprecated, [], [], [])
    for p in props:
        spelled = types.field(p, path)
        out.fields.append(FieldContext(names.identifier(p.name), symbol_literal(p.name), symbol_label(p.name),
                                       spelled.descriptor, spelled.yard, spelled.rbs, p.description, p.deprecated))
        enum = inner_type(p.type)
        if isinstance(enum, Enum):
            out.enums.append(EnumContext(names.constant(p.name), p.description, enum_constants(enum.values),
                                         enum_rbs_types(enum.values), list(enum.values),
                                         enum_rbs_values(enum.values)))
        elif isinstance(enum, InlineObject):
            nested = names.constant(enum.path[-1])
            out.nested.append(class_context(f"{path}::{nested}", nested, enum.description or p.description, False,
                                            enum.properties, types))
    return out


def enum_constants(values: tuple[str, ...]) -> list[tuple[str, str]]:
    """(CONSTANT_NAME, Symbol literal) per enum value. Invisible characters stay escaped in the
    source: such a value is built from a String."""
    return [(name, f"symbol({string_literal(value)})" if invisible_in_symbol(value) else symbol_literal(value))
            for name, value in zip(names.enum_constant_names(values), values)]


def resource_contexts(api: Api, types: RubyTypes) -> list[ResourceContext]:
    """Every resource, parents before children (generator.ir's order), each linked to its children."""
    by_path: dict[tuple[str, ...], ResourceContext] = {}
    for path, resource in resources_with_paths(api):
        owner = by_path[path[:-1]].accessor if len(path) > 1 else "client"
        context = resource_context(resource, path, types, owner)
        by_path[path] = context
        if len(path) > 1:
            by_path[path[:-1]].children.append(context)
    return list(by_path.values())


def resource_context(resource: Resource, path: tuple[str, ...], types: RubyTypes, owner: str) -> ResourceContext:
    """`owner` is how a user reaches the parent: `client`, then `client.widgets`, ..."""
    attr = names.resource_reader(path)
    return ResourceContext(
        name=names.constant(resource.name),
        attr=attr,
        accessor=f"{owner}.{attr}",
        chain=tuple(names.constant(part) for part in path),
        class_path=types.resource_path(path),
        file=names.resource_file(path),
        description=resource.description,
        # The `def` lines stand in the class body: 4 columns of modules, 2 per enclosing class, 2.
        methods=[method_context(m, types, 4 + 2 * len(path)) for m in resource.methods],
    )


def method_context(method: Method, types: RubyTypes, indent: int) -> MethodContext:
    positional = [param_context(p, types) for p in method.path_params]
    # Required keywords first: reads naturally in the signature and in the docs.
    keywords = [param_context(p, types) for p in keyword_params(method)]
    omit = f"{types.root}::Internal::Params::OMIT"
    params = [p.name for p in positional] + [
        f"{p.name}:" + (f" {omit}" if p.default == "OMIT" else f" {p.default}" if p.default else "")
        for p in keywords] + ["request_options: {}"]
    name = names.identifier(method.name)
    query = [p for p in keywords if p.location == "query"]
    body = [p for p in keywords if p.location == "body"]
    return MethodContext(
        name=name,
        params=params,
        one_line=indent + len(f"def {name}({', '.join(params)})") <= 120,
        nullable_query=string_array([p.wire for p in query if p.nullable]),
        nullable_body=string_array([p.wire for p in body if p.nullable]),
        http_method=method.http_method,
        path=method.path,
        summary=method.summary,
        description=method.description,
        deprecated=method.deprecated,
        positional=positional,
        keywords=keywords,
        query=query,
        body=body,
        has_body=any(p.location == "body" for p in method.parameters),
        returns=types.result(method.returns) if method.returns is not None else None,
    )


def param_context(p: Parameter, types: RubyTypes) -> ParamContext:
    spelled = types.param(p)
    required = p.required or p.location == "path"
    # nil leaves a parameter out of the request; a nullable one needs a distinct default so that nil
    # can be sent as JSON null.
    default = None if required else ("OMIT" if p.nullable else "nil")
    return ParamContext(names.param_name(p), p.name, p.location, required, p.nullable, default, spelled.yard,
                        spelled.rbs, p.description)


def client_context(api: Api, types: RubyTypes, resources: list[ResourceContext]) -> ClientContext:
    options = [OptionContext(names.client_reader(o.name), o.header.lower(), o.header, o.env, o.description)
               for o in api.client_options]
    return ClientContext(
        **gem_context(api, types).mapping(),
        options=options,
        resources=[r for r in resources if len(r.chain) == 1],
        timeout=number(float(api.timeout_seconds)),
        max_retries=number(api.max_retries),
        missing_key_message=[
            "The api_key client option must be set either by passing api_key to the client ",
            f"or by setting the {api.api_key_env} environment variable",
        ],
        option_rbs=CLIENT_OPTION_RBS,
        init_params=client_init_params([o.name for o in options]),
    )


def readme_context(client: ClientContext, resources: list[ResourceContext]) -> ReadmeContext:
    first = next(((r, m) for r in resources for m in r.methods), None)
    example = None
    if first is not None:
        resource, method = first
        # The README's values (a number, `true`, the argument's name) differ from the docs' (the
        # reference pages' rules); the call is written by the same function.
        example = ExampleContext(example_call(
            f"{resource.accessor}.{method.name}", [string_literal(p.name) for p in method.positional],
            [(p.name, readme_value(p)) for p in method.keywords if p.required], parentheses=True))
    return ReadmeContext(**client.mapping(), example=example, all_resources=resources)


def readme_value(param: ParamContext) -> str:
    """The README example's value for a required argument: a number, `true`, or its name as a String."""
    if param.yard.startswith("Integer"):
        return "1"
    if param.yard.startswith("Float"):
        return "1.0"
    if param.yard.startswith("Boolean"):
        return "true"
    return string_literal(param.name)
