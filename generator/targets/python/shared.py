"""The aliases of the Python SDK: their modules in types/shared/ and types/shared_params/, and how models reach them.

As in openai-python, an alias is declared once per side: `types/shared/metadata.py` holds the type a
response has (`Metadata: TypeAlias = Dict[str, str]`; a discriminated union keeps its discriminator for
the runtime), `types/shared_params/metadata.py` the type a request takes (models also as dicts). Both
packages re-export their aliases, and types/__init__.py re-exports the response side.
"""

from __future__ import annotations

from generator.ir import Alias, Api, AliasRef, Type, alias_references, model_references, models_through_aliases
from generator.targets.base import template_context
from generator.targets.python import layout
from generator.targets.python.literals import attribute_docstring, string_literal
from generator.targets.python.names import SHARED, class_name, model_module, module_name
from generator.targets.python.types import PROPERTY_INFO, alias_annotation, alias_param_annotation, typing_names


@template_context(frozen=True)
class AliasModuleContext:
    """One alias's module of types/shared/ (or of types/shared_params/, `params`)."""

    module: str
    params: bool
    typing: list[str]
    imports: list[str]  # the runtime's PropertyInfo, the models and other aliases its type names
    all: str
    line: str  # `Metadata: TypeAlias = Dict[str, str]`, laid out as black writes it
    doc: str


def alias_module(api: Api, alias: Alias, params: bool) -> AliasModuleContext:
    name = class_name(alias.name)
    text = alias_param_annotation(alias.type) if params else alias_annotation(alias.type)
    imports = []
    if PROPERTY_INFO + "(" in text:
        imports.append(layout.import_from("..._models", [PROPERTY_INFO]))
    for model in sorted(set(model_references(alias.type))):
        imports.append(layout.import_from(f"..{model_module(model)}", [class_name(model)]))
    for other in sorted(set(alias_references(alias.type))):
        imports.append(layout.import_from(f".{module_name(other)}", [class_name(other)]))
    description = alias.description + (" Deprecated." if alias.deprecated else "")
    return AliasModuleContext(
        module=module_name(alias.name),
        params=params,
        typing=typing_names([text]),
        imports=imports,
        all=layout.bracketed("__all__ = [", [string_literal(name)], "]", kind="collection"),
        line=layout.expression(text, "", prefix=f"{name}: TypeAlias = "),
        doc=attribute_docstring(description, ""),
    )


def shared_init_lines(api: Api) -> list[str]:
    """The imports of types/shared/__init__.py (and of shared_params'): every alias, re-exported."""
    return [
        layout.import_from(f".{module_name(a.name)}", [f"{class_name(a.name)} as {class_name(a.name)}"])
        for a in api.aliases
    ]


def shared_reexport(api: Api) -> str:
    """types/__init__.py's import of the aliases from types/shared/ (first of its imports: the aliases'
    modules import models, whose modules import aliases, and the shared package must be under way)."""
    names = [f"{class_name(a.name)} as {class_name(a.name)}" for a in api.aliases]
    return layout.import_from(f".{SHARED}", names) if names else ""


# ---------------------------------------------------------------- how a model module reaches aliases


@template_context(frozen=True)
class ModelAliases:
    """The aliases a model's fields name: those it imports from types/shared/, and those it spells in
    place (`in_place`): the aliases leading back to the model, whose modules import it."""

    in_place: dict[str, Type]
    imported: list[str]  # alias names
    models: list[str]  # the models named inside the aliases spelled in place


def model_aliases(api: Api, types: list[Type], deferred: frozenset[str]) -> ModelAliases:
    in_place: dict[str, Type] = {}
    imported: list[str] = []
    models: list[str] = []
    todo = [name for t in types for name in alias_references(t)]
    while todo:
        name = todo.pop(0)
        if name in in_place or name in imported:
            continue
        target = api.alias(name).type
        if deferred & set(models_through_aliases(api, AliasRef(name))):
            in_place[name] = target
            models += model_references(target)
            todo += alias_references(target)
        else:
            imported.append(name)
    return ModelAliases(in_place, sorted(imported), sorted(set(models)))


def alias_import(name: str, package: str = ".") -> str:
    """The import of an alias from a module of types/ (`package` "."), or from deeper (".." for resources)."""
    return layout.import_from(f"{package}{SHARED}.{module_name(name)}", [class_name(name)])
