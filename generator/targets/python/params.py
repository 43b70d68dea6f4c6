"""Typed contexts of the params modules of types/ (params.py.j2) and of pagination.py (pagination.py.j2).

A method with query or body parameters gets a module `types/<resource>_<method>_params.py`, as in the
official SDK: a TypedDict of all those parameters (`BatchCreateParams`) and one per inline object
(`OutputExpiresAfter`), which the method's signature names; a plain dict matches them.
"""

from __future__ import annotations


from generator.ir import Api, Parameter, Property, Type, alias_references, model_references, resources_with_paths
from generator.targets.base import template_context
from generator.targets.python import layout
from generator.targets.python.literals import attribute_docstring, docstring, string_literal
from generator.targets.python.names import (
    SHARED_PARAMS,
    ParamsNames,
    class_name,
    method_params_names,
    model_module,
    module_name,
    page_attribute,
    page_class_name,
    param_objects,
    typed_dict_keys_are_names,
)
from generator.targets.python.types import FILE_TYPES, optional, param_annotation, typing_names


@template_context(frozen=True)
class TypedDictField:
    line: str  # `name: annotation` (class form, indented) or `"name": annotation,` (functional form)
    doc: str


@template_context(frozen=True)
class TypedDictContext:
    name: str
    doc: str
    fields: list[TypedDictField]
    functional: bool  # keys that are not identifiers: `Name = TypedDict("Name", {...}, total=False)`
    head: str  # the functional form's first line


@template_context(frozen=True)
class ParamsModuleContext:
    module: str
    doc: str
    all: str
    typing: list[str]
    imports: list[str]
    uses_files: bool
    dicts: list[TypedDictContext]


def _typed_dict(
    name: str, doc: str, entries: list[tuple[str, str, bool, str]], functional: bool
) -> TypedDictContext:
    """entries: (wire name, annotation, required, description)."""
    fields = []
    for wire, annotation, required, description in entries:
        text = f"Required[{annotation}]" if required else annotation
        if functional:
            fields.append(TypedDictField(f"{layout.INDENT * 2}{string_literal(wire)}: {text},", ""))
        else:
            fields.append(
                TypedDictField(
                    layout.expression(text, layout.INDENT, prefix=f"{wire}: "),
                    attribute_docstring(description, layout.INDENT),
                )
            )
    return TypedDictContext(
        name=name,
        doc=layout.docstring(docstring(doc), layout.INDENT) if doc and not functional else "",
        fields=fields,
        functional=functional,
        head=f"{name} = TypedDict(",
    )


def params_module_context(
    api: Api, names: ParamsNames, params: list[Parameter], summary: str, call: str
) -> ParamsModuleContext:
    objects = [obj for p in params for obj in param_objects(p.type)]
    functional = not typed_dict_keys_are_names(
        [p.name for p in params] + [prop.name for obj in objects for prop in obj.properties]
    )

    def ann(t: Type, nullable: bool) -> str:
        return optional(param_annotation(t, names, qualified=False), nullable)

    def entry(p: Parameter | Property) -> tuple[str, str, bool, str]:
        return (p.name, ann(p.type, p.nullable), p.required, p.description)

    main = _typed_dict(names.cls, summary, [entry(p) for p in params], functional)
    nested = [
        _typed_dict(names.objects[obj.path], obj.description, [entry(p) for p in obj.properties], functional)
        for obj in objects
        if obj.path in names.objects
    ]
    # The functional form evaluates its types at once: the innermost dicts come first.
    dicts = [*reversed(nested), main] if functional else [main, *nested]
    refs = sorted({n for p in params for n in model_references(p.type)})
    aliases = sorted({n for p in params for n in alias_references(p.type)})
    annotations = [f.line for d in dicts for f in d.fields]
    return ParamsModuleContext(
        module=names.module,
        doc=layout.docstring(docstring(f"Parameters of `{call}`."), ""),
        all=layout.bracketed(
            "__all__ = [", [string_literal(d.name) for d in [main, *nested]], "]", kind="collection"
        ),
        typing=typing_names(annotations),
        imports=[layout.import_from(f".{model_module(n)}", [class_name(n)]) for n in refs]
        + [layout.import_from(f".{SHARED_PARAMS}.{module_name(n)}", [class_name(n)]) for n in aliases],
        uses_files=FILE_TYPES in " ".join(annotations),
        dicts=dicts,
    )


def params_modules(api: Api) -> list[ParamsModuleContext]:
    out = []
    for path, resource in resources_with_paths(api):
        for method in resource.methods:
            names = method_params_names(api, path, method)
            if names is not None:
                params = [p for p in method.parameters if p.location in ("query", "body")]
                call = ".".join([*path, method.name])
                out.append(params_module_context(api, names, params, method.summary, call))
    return out


# ---------------------------------------------------------------- pagination.py


@template_context(frozen=True)
class PageContext:
    sync: str
    async_: str
    items_key: str
    has_more_key: str
    cursor_param: str
    cursor_field: str
    items_attr: str
    has_more_attr: str


def page_contexts(api: Api) -> list[PageContext]:
    return [
        PageContext(
            sync=page_class_name(style),
            async_=page_class_name(style, is_async=True),
            items_key=string_literal(style.items),
            has_more_key=string_literal(style.has_more),
            cursor_param=string_literal(style.cursor_param),
            cursor_field=string_literal(style.cursor_field),
            items_attr=page_attribute(style.items),
            has_more_attr=page_attribute(style.has_more),
        )
        for style in api.page_styles
    ]
