"""Typed contexts of the Ruby templates: one class per template (or included part), built from the IR.

Attributes rather than dict keys: Jinja reads `f.label` as an attribute first, and on a dict each of
those reads fails first (about a sixth of the Ruby rendering time of a 1,000-model spec). Every name
comes from names.py, every type from types.py, every literal from literals.py.
"""

from __future__ import annotations

from dataclasses import field, fields
from typing import Any

from generator.ir import (
    Api, Binary, Enum, FileUpload, InlineObject, Method, Model, Package, PageStyle, Parameter, Property, Resource, Type,
    keyword_params, resources_with_paths,
)
from generator.targets.base import template_context
import generator.targets.ruby.names as names
from generator.targets.ruby.auth import CredentialContext, credentials, missing_key_message
from generator.targets.ruby.params import rooted
from generator.targets.ruby.literals import (
    invisible_in_symbol, number, string_array, string_literal, symbol_label, symbol_literal,
)
from generator.targets.ruby.types import (
    CLIENT_OPTION_RBS, RubyTypes, TypeNames, client_init_params, enum_module_of, enum_rbs_types, enum_rbs_values,
    inner_type,
    page_methods_rbs,
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
    # A params class: (wire name as a Hash label, argument Symbol) of each argument named otherwise.
    arguments: list[tuple[str, str]] = field(default_factory=list)


@template_context(slots=True)
class ParamContext:
    name: str
    symbol: str  # the name as a Symbol literal, the key of the method's params Hash
    wire: str
    location: str
    required: bool
    nullable: bool
    yard: str
    rbs: str
    description: str
    first_value: str | None = None  # an enum's first value, as a Symbol literal (the README's example)


@template_context(slots=True)
class MethodContext:
    name: str
    params: list[str]  # the `def` line's parameters, as written
    known: str  # the Symbols of its parameters (not the path's), as a Ruby array
    required: str  # those that must be given
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
    headers: list[ParamContext]
    body: list[ParamContext]
    has_body: bool
    multipart: bool
    files: str  # the wire names of its file parameters, as a Ruby array
    returns: TypeNames | None
    page: str | None  # the page class of a paginated method
    binary: bool
    timeout: str | None  # the method's own default timeout, seconds as a Ruby Float
    params_class: str | None  # the class of its parameters (`::OpenAI::Models::BatchCreateParams`)
    auth: str | None = None  # the Symbol of the client option whose key it sends, when not the API key


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
class PageContext:
    """A page class (internal/page.rb.j2, sig/internal/page.rbs.j2), one per page style."""

    name: str  # `CursorPage`
    file: str  # `cursor_page`, under internal/
    items: str  # the reader of the page's items
    has_more: str  # the reader of its `has_more`
    items_key: str  # the items' wire name, as a Symbol literal
    has_more_key: str  # `has_more`'s wire name, as written (for comments)
    has_more_key_symbol: str
    cursor_param: str  # the query parameter of the next page's request, as written (for comments)
    cursor_param_literal: str  # the same, as a String literal
    cursor_field: str  # the item's property that is the cursor, as written (for comments)
    cursor_field_key: str  # the same, as a Symbol literal
    methods_rbs: list[tuple[str, str]]  # (name, RBS) of the methods api-surface.txt lists


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
    file_part_init: str  # the RBS of FilePart#initialize
    license: str  # the gemspec's SPDX license

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
    credentials: list[CredentialContext]  # the API key first, then the auth schemes'
    option_rbs: str
    init_params: list[str]


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


@template_context()
class PageFileContext(GemContext):
    page: PageContext


# ---------------------------------------------------------------- builders

#: The gem's license when the spec names none (`packages:` has no license field yet): the official
#: gem's, Apache-2.0.
LICENSE = "Apache-2.0"



def gem_context(api: Api, types: RubyTypes) -> GemContext:
    package = api.package("ruby")
    return GemContext(api, package, types.module, types.root, names.library_name(package.name),
                      api.request_id_header, types.file_part_init, getattr(package, "license", None) or LICENSE)


def page_context(style: PageStyle, types: RubyTypes) -> PageContext:
    return PageContext(
        name=names.page_class(style.name), file=names.page_file(style.name), items=names.page_reader(style.items),
        has_more=names.page_reader(style.has_more), items_key=symbol_literal(style.items),
        has_more_key=style.has_more, has_more_key_symbol=symbol_literal(style.has_more),
        cursor_param=style.cursor_param, cursor_param_literal=string_literal(style.cursor_param),
        cursor_field=style.cursor_field, cursor_field_key=symbol_literal(style.cursor_field),
        methods_rbs=page_methods_rbs(names.page_class(style.name, types.module)),
    )


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
        module = enum_module_of(p.type)  # a string enum: its values are strings
        if module is not None:
            values = tuple(str(v) for v in module.values)
            out.enums.append(EnumContext(names.constant(p.name), p.description, enum_constants(values),
                                         enum_rbs_types(values), list(values), enum_rbs_values(values)))
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
        methods=[method_context(m, path, types) for m in resource.methods],
    )


def method_context(method: Method, path: tuple[str, ...], types: RubyTypes) -> MethodContext:
    positional = [param_context(p, types) for p in method.path_params]
    # Required keywords first: reads naturally in the signature and in the docs.
    keywords = [param_context(rooted(path, method, p), types) for p in keyword_params(method)]
    by_location = {where: [p for p in keywords if p.location == where] for where in ("query", "header", "body")}
    params_class = None
    if keywords:
        params_class = "::" + names.model_class(names.params_class(path, method.name), types.module)
    return MethodContext(
        name=names.identifier(method.name),
        # Keywords, or one Hash of them given positionally, as the official gem takes them.
        params=[p.name for p in positional] + ["params = {}"],
        known=symbol_array([p.name for p in keywords]),
        required=symbol_array([p.name for p in keywords if p.required]),
        nullable_query=string_array([p.wire for p in by_location["query"] if p.nullable]),
        nullable_body=string_array([p.wire for p in by_location["body"] if p.nullable]),
        http_method=method.http_method,
        path=method.path,
        summary=method.summary,
        description=method.description,
        deprecated=method.deprecated,
        positional=positional,
        keywords=keywords,
        query=by_location["query"],
        headers=by_location["header"],
        body=by_location["body"],
        has_body=any(p.location == "body" for p in method.parameters),
        multipart=method.body_encoding == "multipart",
        files=string_array([p.name for p in method.parameters if p.location == "body" and is_file(p.type)]),
        returns=types.method_result(method.returns, method.page),
        page=types.page_path(method.page) if method.page is not None else None,
        binary=isinstance(method.returns, Binary),
        timeout=number(float(method.timeout_seconds)) if method.timeout_seconds is not None else None,
        params_class=params_class,
        auth=symbol_literal(names.client_reader(method.auth)) if method.auth else None,
    )


def is_file(t: Type) -> bool:
    """A file parameter, or an array of files."""
    return isinstance(inner_type(t), FileUpload)


def symbol_array(words: list[str]) -> str:
    """`%i[a b]` for identifiers (every argument name is one), `[]` for none."""
    return f"%i[{' '.join(words)}]" if words else "[]"


def param_context(p: Parameter, types: RubyTypes) -> ParamContext:
    spelled = types.param(p)
    name = names.param_name(p)
    first = p.type.values[0] if isinstance(p.type, Enum) and p.type.values else None
    if not isinstance(first, str):  # an integer enum's example is not a Symbol
        first = None
    return ParamContext(name, symbol_literal(name), p.name, p.location, p.required or p.location == "path",
                        p.nullable, spelled.yard, spelled.rbs, p.description,
                        symbol_literal(first) if first is not None and not invisible_in_symbol(first) else None)


def client_context(api: Api, types: RubyTypes, resources: list[ResourceContext]) -> ClientContext:
    options = [OptionContext(names.client_reader(o.name), o.header.lower(), o.header, o.env, o.description)
               for o in api.client_options]
    return ClientContext(
        **gem_context(api, types).mapping(),
        options=options,
        resources=[r for r in resources if len(r.chain) == 1],
        timeout=number(float(api.timeout_seconds)),
        max_retries=number(api.max_retries),
        missing_key_message=missing_key_message(api),
        credentials=credentials(api),
        option_rbs=CLIENT_OPTION_RBS,
        init_params=client_init_params([c.name for c in credentials(api)[1:]] + [o.name for o in options]),
    )
