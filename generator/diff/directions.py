"""Which way each named type travels: requests, responses or both (models and aliases alike).

A model or alias is a request type if a method's parameters reach it, a response type if a method's
result reaches it, through refs, arrays, maps, unions, inline objects, other models' properties and
other aliases' types. Models and aliases share one namespace, so one table holds both. The usage of
every API given is combined.
"""

from __future__ import annotations

from generator.diff.model import Direction
from generator.ir import Api, Type, alias_references, model_references

DIRECTIONS: tuple[Direction, ...] = ("request", "response")


def named_references(t: Type | None) -> list[str]:
    """The models and aliases `t` names directly (not those inside them)."""
    return model_references(t) + alias_references(t)


def model_directions(*apis: Api) -> dict[str, tuple[Direction, ...]]:
    """For each model or alias name, the directions it travels in, in any of the APIs."""
    reached: dict[str, set[Direction]] = {}
    for api in apis:
        inside: dict[str, list[Type]] = {m.name: [p.type for p in m.properties] for m in api.models}
        inside.update({a.name: [a.type] for a in api.aliases})
        for resource in api.all_resources():
            for method in resource.methods:
                seeds: dict[Direction, set[str]] = {
                    "request": {name for p in method.parameters for name in named_references(p.type)},
                    "response": set(named_references(method.returns)),
                }
                for direction, names in seeds.items():
                    for name in _closure(names, inside):
                        reached.setdefault(name, set()).add(direction)
    return {name: tuple(d for d in DIRECTIONS if d in found) for name, found in reached.items()}


def _closure(names: set[str], inside: dict[str, list[Type]]) -> set[str]:
    seen: set[str] = set()
    todo = list(names)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        for t in inside.get(name, []):
            todo.extend(named_references(t))
    return seen
