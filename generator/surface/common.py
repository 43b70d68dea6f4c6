"""IR walks the surface listings of every language share."""

from __future__ import annotations

import re
from typing import Iterator

from generator.ir import direct_inline_objects  # noqa: F401  (re-exported for the surface modules)
from generator.ir import Api, Array, InlineObject, Map, Method, Parameter, Property, Resource, Type


def resources_with_paths(api: Api) -> Iterator[tuple[tuple[str, ...], Resource]]:
    """Every resource with its path of names from the client down, parents first."""

    def walk(prefix: tuple[str, ...], resources: tuple[Resource, ...]) -> Iterator[tuple[tuple[str, ...], Resource]]:
        for resource in resources:
            path = (*prefix, resource.name)
            yield path, resource
            yield from walk(path, resource.resources)

    yield from walk((), api.resources)


def all_inline_objects(properties: tuple[Property, ...]) -> list[InlineObject]:
    """Inline objects declared anywhere below these properties, outermost first."""
    out: list[InlineObject] = []
    for obj in direct_inline_objects(properties):
        out.append(obj)
        out.extend(all_inline_objects(obj.properties))
    return out


def keyword_params(method: Method) -> list[Parameter]:
    """Query and body parameters, required ones first (the order the SDKs take them in), stable otherwise."""
    others = [p for p in method.parameters if p.location != "path"]
    return sorted(others, key=lambda p: not p.required)


def sort_key(line: str) -> tuple[str, str]:
    # By symbol first, so that `Batch: class` comes right before `Batch.id: str`.
    symbol = re.match(r"(.*?)(?:: |\(| -> |$)", line)
    return (symbol.group(1) if symbol else line, line)


def render(title: str, lines: list[str]) -> str:
    """The file: a comment line naming what it lists, then the lines sorted by symbol, without duplicates."""
    body = sorted(set(lines), key=sort_key)
    return f"# {title}\n" + "".join(f"{line}\n" for line in body)
