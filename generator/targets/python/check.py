"""Which Python names must be unique in which scope: names are escaped rather than refused (names.py),
so what is left to report is two spec names whose escaped forms are one identifier in one scope.

Each scope is declared as (what the names are, [(spec name, Python name, where)]); `check` reports
the collisions of every scope, in the order declared.
"""

from __future__ import annotations

from typing import Iterator

from generator.diagnostics import Diagnostic
from generator.ir import Api, Location, direct_inline_objects, inline_objects, resources_with_paths
from generator.targets.collisions import collisions
from generator.targets.python.names import (
    class_name,
    field_identifier,
    member_identifier,
    model_classes,
    model_module,
    module_name,
    nested_class_name,
    option_identifier,
    param_identifier,
    resource_attribute,
    resource_class_name,
    resource_module,
)

Scope = tuple[str, list[tuple[str, str, Location]]]


def scopes(api: Api) -> Iterator[Scope]:
    """Every scope of the SDK whose names must differ, with the names the SDK gives in it."""
    models = model_classes(api)
    # Models and aliases are both names of the types module (which re-exports the aliases).
    yield "model", [
        *((m.name, class_name(m.name), m.location) for m in api.models),
        *((a.name, class_name(a.name), a.location) for a in api.aliases),
    ]
    yield "model module", [(m.name, model_module(m.name), m.location) for m in api.models]
    yield "alias module", [(a.name, module_name(a.name), a.location) for a in api.aliases]
    for model in api.models:
        owners = [(model.name, model.properties)]
        owners += [(".".join(obj.path), obj.properties) for obj in inline_objects(model)]
        for owner, props in owners:
            yield f"property of `{owner}`", [(p.name, field_identifier(p.name), p.location) for p in props]
            yield f"nested class of `{owner}`", [
                (p.name, nested_class_name(obj.path[-1], models), p.location)
                for p in props
                for obj in direct_inline_objects([p])
            ]
    paths = resources_with_paths(api)
    yield "resource class", [
        (".".join(path), resource_class_name(api, path), r.location) for path, r in paths
    ]
    # Resource modules are named by their path (widgets.parts -> widgets_parts.py).
    yield "resource module", [(".".join(path), resource_module(path), r.location) for path, r in paths]
    spec_location = Location(api.source or "<spec>", 1, 1)
    # Client options and top-level resources are both attributes of the client: one scope.
    yield "client attribute", [
        *((f"{s.name} (auth scheme)", option_identifier(s.name), s.location) for s in api.auth_schemes),
        *((f"{o.name} (client option)", option_identifier(o.name), spec_location) for o in api.client_options),
        *((r.name, resource_attribute(api, r.name), r.location) for r in api.resources),
    ]
    for resource in api.all_resources():
        members = [(m.name, member_identifier(m.name), m.location) for m in resource.methods]
        members += [(r.name, member_identifier(r.name), r.location) for r in resource.resources]
        yield f"member of `{resource.name}`", members
        for method in resource.methods:
            yield (
                f"parameter of `{resource.name}.{method.name}`",
                [(p.name, param_identifier(p.name), p.source) for p in method.parameters],
            )


def check(api: Api) -> list[Diagnostic]:
    problems: list[Diagnostic] = []
    for what, names in scopes(api):
        problems += collisions("python", names, what)
    return problems
