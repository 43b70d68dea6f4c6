"""Escape-or-refuse: the spec names that would clash once spelled in TypeScript, reported as E204.

A name that takes one the package or the language already uses is escaped (names.py); two spec
names that become the same identifier in one scope are refused, never merged. The scopes are listed
declaratively: the package's exports, the members of each class, the parameters of each method and
the namespace of each interface's inline objects.
"""

from __future__ import annotations

from typing import Iterable, Iterator

from generator.diagnostics import Diagnostic
from generator.ir import NOWHERE, Api, Location, Parameter, Property, direct_inline_objects
from generator.targets.collisions import collisions
from generator.targets.typescript.modules import SHARED, model_homes, resource_files
from generator.targets.typescript.pages import page_alias_homes, uses_pages
from generator.targets.typescript.names import (
    alias_ident, auth_option_name, base_error_name, binding, client_name, client_option_name, method_name, model_ident, page_class_name,
    params_type_name,
    type_ident, type_name,
)
from generator.targets.typescript.types import params_fields, returned_objects

#: (TypeScript name, what it is, where the spec says it)
Named = tuple[str, str, Location]
#: (what the names are, [(spec name, TypeScript name, where)]): names of one scope must stay distinct.
Scope = tuple[str, list[tuple[str, str, Location]]]


def check(api: Api) -> list[Diagnostic]:
    problems = _exports(api) + _shared_module(api)
    for what, names in scopes(api):
        problems += collisions("typescript", names, what)
    return problems


def exports(api: Api) -> Iterator[Named]:
    """Every type and class the package exports, but the client and its base error."""
    for model in api.models:
        yield model_ident(model.name), f"model `{model.name}`", model.location
    for named in api.aliases:
        yield alias_ident(named.name), f"alias `{named.name}`", named.location
    rfiles = resource_files(api)
    for alias, home in page_alias_homes(rfiles).items():
        yield alias, f"the page type `{alias}` of `{home}`", NOWHERE
    for rf in rfiles:
        where = ".".join(rf.path)
        yield rf.class_name, f"resource `{where}`", rf.resource.location
        for m in rf.resource.methods:
            if params_fields(m):
                yield params_type_name(rf.path, m), f"the parameters of `{where}.{m.name}`", m.location
            for obj in returned_objects(rf.path, m):
                yield type_name(obj.path), f"the response of `{where}.{m.name}`", m.location


def _exports(api: Api) -> list[Diagnostic]:
    # Names the package itself uses never collide: a spec name taking one is escaped (model_ident, type_ident).
    taken = {base_error_name(api): "the base error class", client_name(api): "the client class"}
    if uses_pages(resource_files(api)):  # the page classes and PagePromise, imported by resource modules
        taken.update({page_class_name(style.name): "a page class" for style in api.page_styles})
    problems = []
    for ident, what, where in exports(api):
        if ident in taken:
            problems.append(Diagnostic(where, "E204", f"{what} becomes `{ident}` in typescript, "
                                       f"which is already {taken[ident]}", "rename it in the spec"))
        else:
            taken[ident] = what
    return problems


def _shared_module(api: Api) -> list[Diagnostic]:
    """A top resource named `shared` would be the module that declares the aliases and shared models."""
    rfiles = resource_files(api)
    if not model_homes(api, rfiles).has_shared():
        return []
    return [Diagnostic(rf.resource.location, "E204", f"resource `{rf.path[-1]}` becomes the module `{SHARED}` "
                       "in typescript, which already declares the shared types (aliases, models no method uses)",
                       "rename it in the spec") for rf in rfiles if rf.module == SHARED]


def scopes(api: Api) -> list[Scope]:
    found: list[Scope] = []
    for model in api.models:
        _add_inline_scopes(model.name, model.properties, found)
    rfiles = resource_files(api)
    for rf in rfiles:
        members = [(c.path[-1], c.field, c.resource.location) for c in rfiles if c.path[:-1] == rf.path]
        members += [(m.name, method_name(m.name), m.location) for m in rf.resource.methods]
        found.append((f"member of `{rf.resource.name}`", members))
        for m in rf.resource.methods:
            found.append((f"parameter of `{m.name}`", [(p.name, binding(p.name), p.source) for p in m.path_params]))
            for obj in returned_objects(rf.path, m):
                _add_inline_scopes(type_name(obj.path), obj.properties, found)
            for params in (m.params_in("query"), m.params_in("body"), params_fields(m)):
                _add_inline_scopes(params_type_name(rf.path, m), params, found)
    # Options first: a clash is reported at the second name, and only resources carry a position.
    first = rfiles[0].resource.location if rfiles else NOWHERE
    client = [(f"{s.name} (auth scheme)", auth_option_name(s.name), first) for s in api.auth_schemes]
    client += [(f"{o.name} (client option)", client_option_name(o.name), first) for o in api.client_options]
    client += [(f"{rf.path[-1]} (resource)", rf.field, rf.resource.location) for rf in rfiles if len(rf.path) == 1]
    found.append(("member of the client", client))
    return found


def _add_inline_scopes(owner: str, fields: Iterable[Property | Parameter], found: list[Scope]) -> None:
    """Inline objects of one interface share its namespace: their names must stay distinct, recursively."""
    objects = [(obj, f) for f in fields for obj in direct_inline_objects([f])]
    found.append((f"inline object in `{owner}`", [
        (obj.path[-1], type_ident(obj.path[-1]), f.source if isinstance(f, Parameter) else f.location)
        for obj, f in objects]))
    for obj, _ in objects:
        _add_inline_scopes(type_name(obj.path), obj.properties, found)
