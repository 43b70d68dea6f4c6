"""Validating `aliases:` (format 2): named types that are not objects, and cycles among them."""

from __future__ import annotations

from generator.ir import Alias, InlineObject, alias_references
from generator.spec.models import TYPE_KEYS, first_of, read_type
from generator.spec.nodes import YMap
from generator.spec.reader import MODEL_NAME, Reader


def alias_names(root: YMap) -> set[str]:
    """The names `aliases:` declares, known before any `ref:` is read (a ref may name a model or an alias)."""
    node = root.get("aliases")
    return set(node) if isinstance(node, YMap) else set()


def read_aliases(r: Reader, root: YMap, model_names: set[str]) -> tuple[Alias, ...]:
    if "aliases" not in root or not r.format_2(root, "aliases", "the spec"):
        return ()
    node = r.value_mapping(root, "aliases", "`aliases`")
    if node is None:
        return ()
    aliases = []
    for name in node:
        where = node.key_at(name)
        r.identifier(name, where, MODEL_NAME, "alias", "Metadata")
        if name in model_names:
            r.error(where, "E203", f"`{name}` is both a model and an alias",
                    "models and aliases share one namespace (`ref:` names either); rename one")
        entry = r.value_mapping(node, name, f"alias `{name}`")
        if entry is None:
            continue
        what = f"alias `{name}`"
        r.keys(entry, what, (), TYPE_KEYS + ("description", "deprecated"))
        alias_type = read_type(r, entry, what, (name,))
        # Through arrays and maps; a union's variants are never inline objects (read_union refuses them).
        if first_of(alias_type, (InlineObject,)) is not None:
            r.error(where, "E214", f"{what} holds an inline object",
                    "declare the object as a model under `models:` and write `ref: ThatModel`")
        aliases.append(Alias(name=name, type=alias_type, description=r.text(entry, "description", what),
                             deprecated=r.flag(entry, "deprecated", what), location=where))
    _alias_cycles(r, aliases)
    return tuple(aliases)


def _alias_cycles(r: Reader, aliases: list[Alias]) -> None:
    """E211 for an alias that reaches itself through aliases alone: its type would be infinite (a cycle
    that passes through a model is a recursive type, which the targets generate)."""
    edges = {alias.name: alias_references(alias.type) for alias in aliases}
    for alias in aliases:
        chain = _path_back(alias.name, edges)
        if chain is not None and alias.name == min(chain):  # each cycle once, from its smallest name
            shown = " -> ".join(f"`{name}`" for name in chain + [alias.name])
            r.error(alias.location, "E211", f"aliases refer to each other in a cycle: {shown}",
                    "an alias cannot contain itself; put a model on the way (a model may refer to itself)")


def _path_back(start: str, edges: dict[str, list[str]]) -> list[str] | None:
    """The aliases from `start` back to it, breadth first; None when it does not come back."""
    todo: list[list[str]] = [[start]]
    seen: set[str] = set()
    while todo:
        path = todo.pop(0)
        for name in edges.get(path[-1], []):
            if name == start:
                return path
            if name not in seen:
                seen.add(name)
                todo.append(path + [name])
    return None
