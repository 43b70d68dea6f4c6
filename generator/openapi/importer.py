"""The import: OpenAPI document in, format 2 spec text and located warnings out."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.openapi.document import Document, Json, as_dict, as_list, read_document
from generator.openapi.emit import dump
from generator.openapi.methods import collections, default_name, read_names, snake
from generator.openapi.naming import Namer, pascal
from generator.openapi.notes import Note, Notes, pointer
from generator.openapi.operations import VERBS, Operations
from generator.openapi.schemas import Schemas
from generator.openapi.unions import finish_unions

SEMVER = re.compile(r"^\d+\.\d+\.\d+([-+][0-9A-Za-z.-]+)?$")


@dataclass(frozen=True)
class ImportResult:
    text: str
    notes: tuple[Note, ...]
    operations: int
    methods: int


def import_openapi(path: str | Path, names_path: str | Path | None = None) -> ImportResult:
    doc = Document(read_document(path))
    names = read_names(names_path) if names_path else {}
    return convert(doc, names)


def convert(doc: Document, names: dict[str, str]) -> ImportResult:
    notes = Notes()
    schemas = Schemas(doc, notes, Namer())
    api = api_block(doc.doc)
    primary, schemes = security(doc.doc, api)
    ops = Operations(doc, notes, schemas, primary, {k: v["name"] for k, v in schemes.items()})
    paths: dict[str, Any] = as_dict(doc.doc.get("paths"))
    known = collections(list(paths))
    resources: dict[str, Any] = {}
    count = 0
    for path, item in paths.items():
        if not isinstance(item, dict):
            continue
        for verb in [k for k in item if k in VERBS]:
            if not isinstance(item.get(verb), dict):
                continue
            count += 1
            clean = path.split("?", 1)[0]
            dotted = names.get(f"{verb.upper()} {path}") or names.get(f"{verb.upper()} {clean}") or \
                default_name(verb, path, known, _pages(item[verb]),
                             sum(1 for v in VERBS if isinstance(item.get(v), dict)))
            method = ops.method(path, verb, item, dotted)
            _place(resources, dotted, method, notes, pointer("paths", path, verb))
    schemas.drain()
    if ops.paginated:
        api["pagination"] = {"cursor": {"kind": "cursor", "items": "data", "has_more": "has_more",
                                        "cursor_param": "after", "cursor_field": "id"}}
    used = {v["name"]: {k: x for k, x in v.items() if k != "name"}
            for k, v in schemes.items() if k in ops.used_schemes}
    if used:
        api["auth_schemes"] = used
    spec: dict[str, Any] = {"format": 2, "api": api}
    if schemas.aliases:
        spec["aliases"] = schemas.aliases
    spec["models"] = schemas.models
    spec["resources"] = _tidy(resources)
    finish_unions(spec)
    methods = sum(1 for _ in _methods(resources))
    return ImportResult(dump(spec), tuple(notes.items), count, methods)


def _pages(op: dict[str, Any]) -> bool:
    params = as_list(op.get("parameters"))
    return any(isinstance(p, dict) and p.get("name") == "after" for p in params)


def _methods(resources: dict[str, Any]) -> Any:
    for res in resources.values():
        yield from (res.get("methods") or {}).values()
        yield from _methods(res.get("resources") or {})


def _place(resources: dict[str, Any], dotted: str, method: dict[str, Any], notes: Notes, where: str) -> None:
    *chain, name = dotted.split(".")
    level = resources
    node: dict[str, Any] = {}
    for part in chain:
        node = level.setdefault(part, {})
        level = node.setdefault("resources", {})
    methods = node.setdefault("methods", {})
    final = name
    n = 2
    while final in methods or final in (node.get("resources") or {}):
        final, n = f"{name}_{n}", n + 1
    if final != name:
        notes.warn("W08", where, f"`{dotted}` is taken: named `{final}` (give it a name in a names file)")
    methods[final] = method


def _tidy(resources: dict[str, Any]) -> dict[str, Any]:
    """Each resource as `methods` then `resources`, without empty mappings."""
    out: dict[str, Any] = {}
    for name, res in resources.items():
        node: dict[str, Any] = {}
        if res.get("methods"):
            node["methods"] = res["methods"]
        if res.get("resources"):
            node["resources"] = _tidy(res["resources"])
        out[name] = node
    return out


def api_block(doc: Json) -> dict[str, Any]:
    info = as_dict(doc.get("info"))
    title = str(info.get("title") or "API").strip() or "API"
    first = title.split()[0] if title.split() else "Api"
    name = first if re.match(r"^[A-Z][A-Za-z0-9]*$", first) else pascal(title)
    version = str(info.get("version") or "")
    servers = as_list(doc.get("servers"))
    base_url = servers[0].get("url") if servers and isinstance(servers[0], dict) else None
    block: dict[str, Any] = {"name": name, "title": " ".join(title.split())[:200],
                             "version": version if SEMVER.match(version) else "0.0.0"}
    description = info.get("description")
    if isinstance(description, str) and description.strip():
        block["description"] = " ".join(description.split())
    block["base_url"] = base_url if isinstance(base_url, str) and base_url.startswith("http") \
        else "https://api.example.com"
    block["base_url_env"] = f"{name.upper()}_BASE_URL"
    block["auth"] = {"type": "bearer", "env": f"{name.upper()}_API_KEY"}
    package = snake(name).replace("_", "")
    block["packages"] = {t: {"name": package, "version": "0.1.0"} for t in ("python", "ruby", "typescript")}
    return block


def security(doc: Json, api: dict[str, Any]) -> tuple[str | None, dict[str, dict[str, str]]]:
    """The document's default scheme, and every other bearer scheme as a spec auth scheme."""
    declared = as_dict(as_dict(doc.get("components")).get("securitySchemes"))
    default = as_list(doc.get("security"))
    primary = next((n for entry in default if isinstance(entry, dict) for n in entry), None)
    prefix = api["name"].upper()
    schemes: dict[str, dict[str, str]] = {}
    for key, scheme in declared.items():
        if key == primary or not isinstance(scheme, dict):
            continue
        if scheme.get("type") == "http" and str(scheme.get("scheme", "")).lower() == "bearer":
            name = re.sub(r"_auth$", "", snake(key))
            env = f"{prefix}_{name.upper()}"
            env = env[:-len("_API_KEY")] + "_KEY" if env.endswith("_API_KEY") else env
            schemes[key] = {"name": name, "type": "bearer", "env": env}
    return primary, schemes
