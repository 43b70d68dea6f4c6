"""Validating the reference graph: dangling refs (E202) and cycles of required references (E211).

A model may refer to itself or to models that refer back to it (a tree, a linked list) as long as
the cycle passes through an optional or nullable property, an array or a map, where a value can
stop. All three languages can express such types (Python through forward references), so the
validator accepts them and the targets must generate them. Rejected (E211) is only a cycle of
required, non-nullable references: it describes a value that would have to be infinitely deep,
which no server can send and no client can build.
"""

from __future__ import annotations

import difflib

from generator.ir import Api, InlineObject, ModelRef, Property
from generator.spec.reader import Reader


def dangling_references(r: Reader, api: Api) -> None:
    """E202 for each `ref:` met (see Reader.refs) that names no model or alias."""
    names = {m.name for m in api.models} | {a.name for a in api.aliases}
    for ref, where, what in r.refs:
        if ref not in names:
            close = difflib.get_close_matches(ref, sorted(names), n=1)
            r.error(where, "E202", f"{what} refers to `{ref}`, which is not a model or an alias",
                    f"did you mean `{close[0]}`?" if close else "declare it under `models:`")


def required_cycles(r: Reader, api: Api) -> None:
    """E211 for each cycle of models that require each other (see the module docstring)."""
    names = {m.name for m in api.models}
    edges = {m.name: [(ref, prop) for prop in m.properties for ref in _required_refs(prop) if ref in names]
             for m in api.models}
    reported: set[frozenset[tuple[str, str]]] = set()
    for model in api.models:
        for first in edges[model.name]:
            cycle = _cycle_through(model.name, first, edges)
            key = frozenset((name, prop.name) for name, prop in cycle or ())
            if cycle is None or key in reported:
                continue
            reported.add(key)
            chain = " -> ".join([f"`{name}.{prop.name}`" for name, prop in cycle] + [f"`{model.name}`"])
            r.error(cycle[0][1].location, "E211", f"models require each other in a cycle: {chain}",
                    "no finite value satisfies a cycle of required properties; make one of them optional "
                    "(drop `required: true`) or `nullable: true`")


def _required_refs(prop: Property) -> list[str]:
    """Models a value of `prop` must contain: through required, non-nullable properties only."""
    if not prop.required or prop.nullable:
        return []
    if isinstance(prop.type, ModelRef):
        return [prop.type.name]
    if isinstance(prop.type, InlineObject):
        return [ref for inner in prop.type.properties for ref in _required_refs(inner)]
    return []  # an array or a map may be empty: the cycle stops there


def _cycle_through(start: str, first: tuple[str, Property],
                   edges: dict[str, list[tuple[str, Property]]]) -> list[tuple[str, Property]] | None:
    """A cycle from `start` back to it that begins with the edge `first`, as (model, property) steps."""
    path: list[tuple[str, Property]] = [(start, first[1])]
    return path if _walk_to(start, first[0], edges, path, set()) else None


def _walk_to(start: str, name: str, edges: dict[str, list[tuple[str, Property]]], path: list[tuple[str, Property]],
             visited: set[str]) -> bool:
    """Depth first from `name` back to `start`, the steps taken kept in `path` (a module function: a
    nested one calling itself is a reference cycle, garbage only the cycle collector frees)."""
    if name == start:
        return True
    if name in visited:
        return False
    visited.add(name)
    for target, prop in edges.get(name, []):
        path.append((name, prop))
        if _walk_to(start, target, edges, path, visited):
            return True
        path.pop()
    return False
