"""Method names: `METHOD /path` -> `resource.sub.method`, from a names file or from verb and path."""

from __future__ import annotations

import re
from pathlib import Path

import yaml  # type: ignore[import-untyped]  # no stubs: types-PyYAML is not a dependency

from generator.openapi.document import DocumentError

_WORD = re.compile(r"[A-Za-z0-9]+")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
LOWER_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


def snake(text: str) -> str:
    """`fine-tuning` -> `fine_tuning`, `vectorStores` -> `vector_stores`; a leading digit gets `v`."""
    name = "_".join(w.lower() for w in _WORD.findall(_CAMEL.sub("_", text)))
    if not name or not name[0].isalpha():
        name = "v" + name
    return name


def read_names(path: str | Path) -> dict[str, str]:
    """A names file: a YAML mapping of `METHOD /path` to `resource.sub.method`."""
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise DocumentError(f"{path}: cannot read the names file: {exc}") from exc
    if not isinstance(data, dict):
        raise DocumentError(f"{path}: a names file is a mapping of `METHOD /path` to `resource.method`")
    names: dict[str, str] = {}
    for key, value in data.items():
        parts = str(value).split(".")
        if len(parts) < 2 or not all(LOWER_NAME.match(p) for p in parts):
            raise DocumentError(f"{path}: `{key}`: `{value}` is not `resource.method` in snake_case")
        verb, _, route = str(key).partition(" ")
        names[f"{verb.upper()} {route.strip()}"] = str(value)
    return names


def collections(paths: list[str]) -> set[tuple[str, ...]]:
    """The literal path prefixes that are followed by a `{param}` somewhere: collections of items."""
    found: set[tuple[str, ...]] = set()
    for path in paths:
        segments = [s for s in path.split("?")[0].split("/") if s]
        for i, segment in enumerate(segments):
            if segment.startswith("{") and i:
                found.add(tuple(s for s in segments[:i] if not s.startswith("{")))
    return found


def default_name(verb: str, path: str, known: set[tuple[str, ...]], pages: bool, verbs: int = 1) -> str:
    """create/retrieve/update/list/delete from the verb and whether the path ends in an item; a POST
    (or a GET that does not page) on a literal segment after an item is an action of the item's resource."""
    segments = [s for s in path.split("?")[0].split("/") if s]
    literals = tuple(s for s in segments if not s.startswith("{"))
    item = bool(segments) and segments[-1].startswith("{")
    resource = [snake(s) for s in literals] or ["root"]
    if "?" in path:  # `/responses?beta=true`: the beta form of a method, under `beta`
        resource.insert(0, "beta")
    verb = verb.lower()
    singleton = verbs > 1 and len(segments) > 1 and not item and literals not in known
    if singleton:  # GET/POST/DELETE /projects/{id}/spend_limit: a resource of its own
        method = {"get": "list" if pages else "retrieve", "delete": "delete"}.get(verb, "update")
    elif item:
        method = {"get": "retrieve", "delete": "delete"}.get(verb, "update")
    elif verb == "get":
        method = "list" if pages or literals in known or len(segments) < 2 else ""
    elif verb == "post":
        method = "create" if literals in known or len(segments) < 2 or not segments[-2].startswith("{") else ""
    else:
        method = {"delete": "delete"}.get(verb, "update")
    if not method:  # an action on an item: POST /batches/{id}/cancel -> batches.cancel
        method = resource.pop() if len(resource) > 1 else verb
    return ".".join([*resource, method])
