"""Typed contexts of the Python templates for the runtime modules, the client and the models.

Lines whose length depends on spec names are laid out as black formats them (layout.py) and carry
their own indentation, so the templates only place them.
"""

from __future__ import annotations


from generator.ir import Api, InlineObject, Model, Property, direct_inline_objects, referenced_models_of
from generator.targets.base import template_context
from generator.targets.python import layout
from generator.targets.python.literals import (
    attribute_docstring,
    docstring,
    string_literal,
    wrapped_docstring_body,
)
from generator.targets.python.names import (
    class_name,
    client_class_name,
    error_class_name,
    field_identifier,
    model_classes,
    module_name,
    nested_class_name,
    option_identifier,
    package_module,
    params_names,
)
from generator.targets.python.resources import ResourceContext
from generator.targets.python.types import API_KEY, CLIENT_OPTIONS, OPTION, annotation, typing_names


@template_context(frozen=True)
class OptionContext:
    """A client option (an argument of the constructor, an attribute, a header)."""

    name: str
    header: str
    env: str | None
    description: str
    copy_argument: str  # copy(): keeps the client's value unless given one


@template_context(frozen=True)
class NamesContext:
    """Names and settings every runtime module and the README need."""

    client: str
    async_client: str
    client_import: str
    error: str
    package_doc: str  # __init__.py's docstring
    user_agent: str
    logger: str
    log_env: str
    options: list[OptionContext]
    api_key: tuple[str, str]  # the annotation of `api_key`: sync, async
    option_type: str  # of each spec option
    constructor: list[tuple[str, str, str, str]]  # the other options: name, sync and async types, default


def names_context(api: Api) -> NamesContext:
    client = client_class_name(api)
    return NamesContext(
        client=client,
        async_client=f"Async{client}",
        client_import=layout.import_from(
            "._client", [f"Async{client} as Async{client}", f"{client} as {client}"]
        ),
        error=error_class_name(api),
        package_doc=layout.docstring(docstring(api.description), ""),
        user_agent=f"{client}/Python {api.package('python').version}",
        logger=package_module(api),
        log_env=f"{api.api_key_env.split('_')[0]}_LOG" if "_" in api.api_key_env else f"{client.upper()}_LOG",
        options=[
            _option(option_identifier(o.name), o.header, o.env, o.description) for o in api.client_options
        ],
        api_key=API_KEY,
        option_type=OPTION,
        constructor=list(CLIENT_OPTIONS),
    )


def _option(name: str, header: str, env: str | None, description: str) -> OptionContext:
    # copy()'s argument, laid out as black formats it
    copy_argument = layout.keyword_argument(
        name, f"{name} if {name} is not None else self.{name}", layout.INDENT * 3, conditional=True
    )
    return OptionContext(name, header, env, description, copy_argument)


def constants_all_line(api: Api) -> str:
    """_constants.py's `__all__` (the base error class) laid out as black formats it."""
    return layout.bracketed("__all__ = [", [string_literal(error_class_name(api))], "]", kind="collection")


@template_context(frozen=True)
class ModelEntry:
    """A model as types/__init__.py imports it and api.md lists it."""

    module: str
    name: str
    description: str


def model_list(api: Api) -> list[ModelEntry]:
    return [ModelEntry(module_name(m.name), class_name(m.name), m.description) for m in api.models]


@template_context(frozen=True)
class TypesInitLines:
    imports: list[str]
    all: str
    models: str
    rebuild: list[str]


@template_context(frozen=True)
class TypesInitContext:
    """types/__init__.py: its lines laid out as black formats them (the lists end with a comma)."""

    rebuild: list[str]  # classes (nested ones as `Outer.Inner`) whose forward references are resolved there
    lines: TypesInitLines


def types_init_context(api: Api, cycles: dict[str, frozenset[str]]) -> TypesInitContext:
    models = model_list(api)
    rebuild = [
        path for m in api.models if cycles[m.name] for path in model_context(api, m, cycles[m.name]).cls.paths
    ]
    names = [string_literal(m.name) for m in models]
    params = sorted(params_names(api).values(), key=lambda p: p.module)
    return TypesInitContext(
        rebuild=rebuild,
        lines=TypesInitLines(
            imports=[layout.import_from(f".{m.module}", [f"{m.name} as {m.name}"]) for m in models]
            + [layout.import_from(f".{p.module}", [f"{p.cls} as {p.cls}"]) for p in params],
            all=layout.bracketed(
                "__all__ = [",
                names + [string_literal(p.cls) for p in params],
                "]",
                magic_comma=bool(names or params),
            ),
            models=layout.bracketed(
                "_MODELS = {", [f"{n}: {m.name}" for n, m in zip(names, models)], "}", magic_comma=bool(names)
            ),
            rebuild=[
                layout.expression(f"{path}.model_rebuild(_types_namespace=_MODELS)", "") for path in rebuild
            ],
        ),
    )


@template_context(frozen=True)
class ClientResource:
    """A top-level resource as _client.py imports and exposes it."""

    attr: str
    class_name: str
    module: str
    description: str
    sync_raw: str  # the body of its accessor on the raw-response client
    async_raw: str


@template_context(frozen=True)
class ClientContext:
    resources: list[ClientResource]


def client_context(resources: list[ResourceContext]) -> ClientContext:
    def raw(prefix: str, r: ResourceContext) -> str:
        return layout.expression(
            f"{prefix}{r.class_name}WithRawResponse(self._client.{r.attr})", layout.INDENT * 2, "return "
        )

    return ClientContext(
        [
            ClientResource(r.attr, r.class_name, r.module, r.description, raw("", r), raw("Async", r))
            for r in resources
        ]
    )


# ---------------------------------------------------------------- models


@template_context(frozen=True)
class FieldContext:
    name: str
    alias: str | None  # the wire name, when the identifier differs
    annotation: str
    line: str
    doc: str


@template_context(frozen=True)
class ClassContext:
    """A model class or a nested class of one; its lines carry their own indentation."""

    name: str
    pad: str
    doc: str
    fields: list[FieldContext]
    nested: list[ClassContext]
    paths: list[str]  # this class and its nested ones, as `Outer.Inner`

    def all_fields(self) -> list[FieldContext]:
        return [*self.fields, *(f for nested in self.nested for f in nested.all_fields())]


@template_context(frozen=True)
class ModelContext:
    cls: ClassContext
    imports: list[str]
    lazy_imports: list[str]  # models that lead back to this one, imported for type checkers only
    all: str
    typing: list[str]
    uses_field: bool


def model_context(api: Api, model: Model, deferred: frozenset[str]) -> ModelContext:
    imports = sorted(referenced_models_of(model) - {model.name})
    cls = class_context(
        class_name(model.name),
        model.description,
        model.deprecated,
        model.properties,
        deferred,
        model_classes(api),
    )
    fields = cls.all_fields()
    return ModelContext(
        cls=cls,
        imports=[
            layout.import_from(f".{module_name(n)}", [class_name(n)]) for n in imports if n not in deferred
        ],
        lazy_imports=[
            layout.import_from(f".{module_name(n)}", [class_name(n)], layout.INDENT)
            for n in imports
            if n in deferred
        ],
        all=layout.bracketed("__all__ = [", [string_literal(cls.name)], "]", kind="collection"),
        typing=typing_names(
            [f.annotation for f in fields] + (["TYPE_CHECKING["] if deferred - {model.name} else [])
        ),
        uses_field=any(f.alias for f in fields),
    )


def _nested_objects(props: tuple[Property, ...]) -> list[InlineObject]:
    """The inline objects a class declares as nested classes: those of its properties first, then those
    that are the items of an array or the values of a map (the order of the class body)."""
    direct = [p.type for p in props if isinstance(p.type, InlineObject)]
    inside = [
        obj for p in props if not isinstance(p.type, InlineObject) for obj in direct_inline_objects([p])
    ]
    return direct + inside


def class_context(
    name: str,
    description: str,
    deprecated: bool,
    props: tuple[Property, ...],
    deferred: frozenset[str],
    models: frozenset[str],
    depth: int = 0,
) -> ClassContext:
    """A model class (or a nested class of one, `depth` levels in)."""
    # A property's own object falls back to the property's description.
    described = {id(p.type): p.description for p in props if isinstance(p.type, InlineObject)}
    nested = [
        class_context(
            nested_class_name(obj.path[-1], models),
            obj.description or described.get(id(obj), ""),
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
            FieldContext(
                name=ident,
                alias=alias,
                annotation=field_annotation,
                line=layout.annotated(ident, field_annotation, _field_default(alias, optional), body),
                doc=attribute_docstring(p.description + (" Deprecated." if p.deprecated else ""), body),
            )
        )
    description = description + ("\n\nDeprecated." if deprecated else "")
    return ClassContext(
        name=name,
        pad=layout.INDENT * depth,
        doc=layout.docstring(wrapped_docstring_body(description, body), body) if description else "",
        fields=fields,
        nested=nested,
        paths=[name, *(f"{name}.{path}" for n in nested for path in n.paths)],
    )


def _field_default(alias: str | None, optional: bool) -> str | None:
    """What a model field is assigned: its wire name (when the identifier differs) and its default."""
    if alias is not None:
        return f"Field({'default=None, ' if optional else ''}alias={string_literal(alias)})"
    return "None" if optional else None
