"""Typed contexts of the Python templates for the models and types/__init__.py (the client's: client.py).

Lines whose length depends on spec names are laid out as black formats them (layout.py) and carry
their own indentation, so the templates only place them.
"""

from __future__ import annotations

from typing import Mapping

from generator.ir import Api, InlineObject, Model, Property, Type, all_inline_objects, direct_inline_objects
from generator.ir import referenced_models_of
from generator.targets.base import template_context
from generator.targets.python import layout
from generator.targets.python.literals import (
    attribute_docstring,
    string_literal,
    wrapped_docstring_body,
)
from generator.targets.python.names import (
    SHARED,
    class_name,
    field_identifier,
    model_classes,
    model_module,
    nested_class_name,
    params_names,
)
from generator.targets.python.shared import alias_import, model_aliases, shared_reexport
from generator.targets.python.types import PROPERTY_INFO, annotation, typing_names


@template_context(frozen=True)
class ModelEntry:
    """A model as types/__init__.py imports it and api.md lists it."""

    module: str
    name: str
    description: str


def model_list(api: Api) -> list[ModelEntry]:
    return [ModelEntry(model_module(m.name), class_name(m.name), m.description) for m in api.models]


def alias_list(api: Api) -> list[ModelEntry]:
    """The aliases as api.md lists them (types/__init__.py re-exports them from types.shared)."""
    return [ModelEntry(SHARED, class_name(a.name), a.description) for a in api.aliases]


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
    aliases = [string_literal(class_name(a.name)) for a in api.aliases]
    params = sorted(params_names(api).values(), key=lambda p: p.module)
    shared = shared_reexport(api)
    return TypesInitContext(
        rebuild=rebuild,
        lines=TypesInitLines(
            imports=([shared] if shared else [])
            + [layout.import_from(f".{m.module}", [f"{m.name} as {m.name}"]) for m in models]
            + [layout.import_from(f".{p.module}", [f"{p.cls} as {p.cls}"]) for p in params],
            all=layout.bracketed(
                "__all__ = [",
                aliases + names + [string_literal(p.cls) for p in params],
                "]",
                magic_comma=bool(names or params or aliases),
            ),
            models=layout.bracketed(
                "_MODELS = {", [f"{n}: {m.name}" for n, m in zip(names, models)], "}", magic_comma=bool(names)
            ),
            rebuild=[
                layout.expression(f"{path}.model_rebuild(_types_namespace=_MODELS)", "") for path in rebuild
            ],
        ),
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
    runtime_import: str  # what it imports from _models: BaseModel (and PropertyInfo)
    imports: list[str]
    lazy_imports: list[str]  # models that lead back to this one, imported for type checkers only
    all: str
    typing: list[str]
    uses_field: bool


def model_context(api: Api, model: Model, deferred: frozenset[str]) -> ModelContext:
    aliases = model_aliases(api, [p.type for p in _all_properties(model)], deferred)
    imports = sorted((referenced_models_of(model) | set(aliases.models)) - {model.name})
    cls = class_context(
        class_name(model.name),
        model.description,
        model.deprecated,
        model.properties,
        deferred,
        model_classes(api),
        aliases.in_place,
    )
    fields = cls.all_fields()
    runtime = ["BaseModel"]
    if any(PROPERTY_INFO + "(" in f.annotation for f in fields):
        runtime.append(PROPERTY_INFO)
    return ModelContext(
        cls=cls,
        runtime_import=layout.import_from(".._models", runtime),
        imports=[
            layout.import_from(f".{model_module(n)}", [class_name(n)]) for n in imports if n not in deferred
        ]
        + [alias_import(name) for name in aliases.imported],
        lazy_imports=[
            layout.import_from(f".{model_module(n)}", [class_name(n)], layout.INDENT)
            for n in imports
            if n in deferred
        ],
        all=layout.bracketed("__all__ = [", [string_literal(cls.name)], "]", kind="collection"),
        typing=typing_names(
            [f.annotation for f in fields] + (["TYPE_CHECKING["] if deferred - {model.name} else [])
        ),
        uses_field=any(f.alias for f in fields),
    )


def _all_properties(model: Model) -> list[Property]:
    """The properties of a model and of its inline objects (their fields are in the model's module)."""
    return [*model.properties, *(p for obj in all_inline_objects(model.properties) for p in obj.properties)]


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
    in_place: Mapping[str, Type] | None = None,
    depth: int = 0,
) -> ClassContext:
    """A model class (or a nested class of one, `depth` levels in); the aliases of `in_place` are
    spelled as their types (see shared.model_aliases)."""
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
            in_place,
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
        field_annotation = annotation(p.type, optional, deferred, models, in_place)
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
