"""Synthetic specs in our format, of a chosen size, deterministic for a seed.

`synthetic_spec(models=100, methods=50, seed=1)` returns the spec as plain data (dicts, lists,
scalars) that `write_spec` dumps as YAML. Every model has 5 to 20 properties drawn from every type
construct of the format (primitives with formats, const, enum, array, map, nullable, inline objects
nested two deep, references); methods spread over resources of at most 8 methods each, with path,
query and body parameters, and every third resource has a nested sub-resource. Models are in five
layers and refer only to models of lower layers: no cycles, and no chain of references longer than
four, as in real APIs. The same arguments always give the same spec, byte for byte.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import yaml

NOUNS = (
    "account", "address", "agent", "alert", "answer", "asset", "audit", "badge", "balance", "bundle",
    "campaign", "card", "channel", "charge", "check", "claim", "comment", "contact", "coupon", "credit",
    "device", "dispute", "document", "domain", "draft", "event", "export", "feature", "feed", "file",
    "folder", "grant", "group", "invoice", "issue", "job", "key", "label", "ledger", "license",
    "message", "meter", "note", "order", "payment", "plan", "policy", "price", "profile", "project",
    "quote", "receipt", "refund", "region", "report", "review", "role", "rule", "schedule", "seat",
    "secret", "session", "shipment", "snapshot", "source", "station", "summary", "task", "team", "thread",
    "ticket", "token", "topic", "transfer", "upload", "usage", "vault", "vendor", "webhook", "window",
)
ADJECTIVES = (
    "active", "annual", "archived", "billing", "cached", "daily", "default", "draft", "external", "global",
    "hosted", "internal", "linked", "live", "managed", "monthly", "nested", "pending", "primary", "private",
    "public", "queued", "remote", "scheduled", "shared", "signed", "stored", "tagged", "trial", "verified",
)
# Property names: distinct in every target after case conversion; a few are reserved words in some
# language (type, object, class, default, end, from), so escaping is part of what is measured.
FIELDS = (
    "id", "name", "title", "status", "created_at", "updated_at", "expires_at", "amount", "currency", "count",
    "ratio", "enabled", "visible", "tags", "labels", "metadata", "owner", "parent", "children", "source",
    "target", "kind", "type", "object", "class", "default", "end", "from", "email", "url",
    "notes", "priority", "score", "weight", "limits", "settings", "history", "region", "locale", "version",
    "summary", "details", "dimensions", "flags", "quota", "usage", "reason", "attempts", "deleted", "position",
)
VERBS = ("list", "create", "retrieve", "update", "delete", "cancel", "archive", "search")
HTTP = {"list": "GET", "create": "POST", "retrieve": "GET", "update": "PATCH", "delete": "DELETE",
        "cancel": "POST", "archive": "POST", "search": "GET"}
# Descriptions carry quotes, backticks and a backslash: the targets must escape them everywhere.
SENTENCES = (
    "The {n} this object belongs to.",
    "When the {n} was last changed, in seconds since the Unix epoch.",
    "A `{n}` value; see the guide for \"{n}\" semantics.",
    "Up to 16 key-value pairs attached to the {n}.",
    "Whether the {n} is shown to end users (defaults to false).",
    "Path-like identifier such as a\\b of the {n}.",
)
PER_RESOURCE = 8
LAYERS = 5


def synthetic_spec(models: int, methods: int, seed: int = 1) -> dict[str, Any]:
    rng = random.Random(seed)
    names = _model_names(rng, models)
    spec: dict[str, Any] = {
        "format": 1,
        "api": {
            "name": "Synth",
            "title": f"Synthetic API ({models} models, {methods} methods)",
            "version": "1.0.0",
            "description": "A generated API used to benchmark the generator.",
            "base_url": "https://api.synth.example.test/v1",
            "base_url_env": "SYNTH_BASE_URL",
            "auth": {"type": "bearer", "env": "SYNTH_API_KEY"},
            "client_options": [{"name": "workspace", "header": "Synth-Workspace", "env": "SYNTH_WORKSPACE",
                                "description": "The workspace requests are billed to."}],
            "request_id_header": "x-request-id",
            "timeout": 60,
            "max_retries": 2,
            "packages": {"python": {"name": "synth", "version": "1.0.0"},
                         "ruby": {"name": "synth", "version": "1.0.0"},
                         "typescript": {"name": "synth", "version": "1.0.0"}},
        },
        "models": {},
        "resources": {},
    }
    for index, name in enumerate(names):
        # A model refers only to models of lower layers, so no chain of references is longer than
        # LAYERS - 1, as in real APIs (e.g. Batch -> BatchUsage -> its details).
        layer = index * LAYERS // models
        spec["models"][name] = _model(rng, names[: -(-layer * models // LAYERS)], name)
    spec["resources"] = _resources(rng, names, methods)
    return spec


def write_spec(path: Path, spec: dict[str, Any]) -> Path:
    dumper: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    path.write_text(yaml.dump(spec, Dumper=dumper, sort_keys=False, allow_unicode=True, width=120,
                                default_flow_style=None), encoding="utf-8")
    return path


def _model_names(rng: random.Random, count: int) -> list[str]:
    names: list[str] = []
    seen: set[str] = set()
    while len(names) < count:
        words = [rng.choice(ADJECTIVES), rng.choice(NOUNS)] if rng.random() < 0.6 else [rng.choice(NOUNS)]
        base = "".join(w.capitalize() for w in words)
        name = base if base not in seen else f"{base}{len(names)}"
        seen.add(name)
        names.append(name)
    return names


def _model(rng: random.Random, earlier: list[str], name: str) -> dict[str, Any]:
    fields = rng.sample(FIELDS, rng.randint(5, 20))
    properties = {field: _property(rng, earlier, field, depth=0) for field in fields}
    properties[fields[0]]["required"] = True  # every model has at least one required property
    return {"description": _sentence(rng, name), "properties": properties}


def _property(rng: random.Random, earlier: list[str], field: str, depth: int) -> dict[str, Any]:
    prop = _type(rng, earlier, depth)
    if rng.random() < 0.4:
        prop["required"] = True
    if rng.random() < 0.15:
        prop["nullable"] = True
    if rng.random() < 0.5:
        prop["description"] = _sentence(rng, field)
    if rng.random() < 0.03:
        prop["deprecated"] = True
    return prop


def _type(rng: random.Random, earlier: list[str], depth: int) -> dict[str, Any]:
    roll = rng.random()
    if roll < 0.40:
        kind = rng.choice(("string", "string", "integer", "number", "boolean"))
        fmt = {"string": ("date-time", "uri", "email", None, None), "integer": ("unix-time", "int64", None),
               "number": ("double", None), "boolean": (None,)}[kind]
        chosen = rng.choice(fmt)
        return {"type": kind, "format": chosen} if chosen else {"type": kind}
    if roll < 0.47:
        return {"type": "const", "value": rng.choice(NOUNS)}
    if roll < 0.57:
        return {"type": "enum", "values": sorted(set(rng.sample(ADJECTIVES, rng.randint(2, 6))))}
    if roll < 0.69:
        return {"type": "array", "items": _element(rng, earlier)}
    if roll < 0.77:
        return {"type": "map", "values": _element(rng, earlier)}
    if roll < 0.83 and depth < 2:
        fields = rng.sample(FIELDS, rng.randint(2, 5))
        return {"type": "object", "description": "A nested object.",
                "properties": {f: _property(rng, earlier, f, depth + 1) for f in fields}}
    if earlier:
        return {"ref": rng.choice(earlier)}
    return {"type": "string"}


def _element(rng: random.Random, earlier: list[str]) -> dict[str, Any]:
    if earlier and rng.random() < 0.5:
        return {"ref": rng.choice(earlier)}
    if rng.random() < 0.2:
        return {"type": "array", "items": {"type": "integer"}}
    return {"type": rng.choice(("string", "integer", "number", "boolean"))}


def _resources(rng: random.Random, models: list[str], methods: int) -> dict[str, Any]:
    resources: dict[str, Any] = {}
    remaining = methods
    index = 0
    while remaining > 0:
        count = min(PER_RESOURCE, remaining)
        noun = NOUNS[index % len(NOUNS)]
        name = f"{noun}s" if index < len(NOUNS) else f"{noun}s{index // len(NOUNS)}"
        nested = index % 3 == 2 and count >= 4
        own = count - 3 if nested else count
        resource: dict[str, Any] = {"description": _sentence(rng, name),
                                    "methods": _methods(rng, models, f"/{name}", own)}
        if nested:
            # Named after the parent: the docs target cannot yet tell apart two nested resources
            # of the same name under different parents (it plans the same page twice).
            resource["resources"] = {f"{noun}_items": {"description": f"Items of one of the {name}.",
                                                       "methods": _methods(rng, models, f"/{name}/{{{noun}_id}}/items",
                                                                           count - own, parent=f"{noun}_id")}}
        resources[name] = resource
        remaining -= count
        index += 1
    return resources


def _methods(rng: random.Random, models: list[str], base: str, count: int, parent: str | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for verb in VERBS[:count]:
        http = HTTP[verb]
        single = verb not in ("list", "create", "search")
        path = f"{base}/{{item_id}}" if single else base
        if verb in ("cancel", "archive"):
            path += f"/{verb}"
        params: dict[str, Any] = {}
        if parent:
            params[parent] = {"in": "path", "type": "string", "required": True, "description": "The parent."}
        if single:
            params["item_id"] = {"in": "path", "type": "string", "required": True, "description": "The item."}
        if http == "GET":
            params["limit"] = {"in": "query", "type": "integer", "description": "At most this many items."}
            params["after"] = {"in": "query", "type": "string"}
            if rng.random() < 0.5:
                params["order"] = {"in": "query", "type": "enum", "values": ["asc", "desc"]}
        elif http in ("POST", "PATCH"):
            for field in rng.sample(FIELDS[:30], rng.randint(1, 5)):
                body = _type(rng, models, depth=2)
                body.update({"in": "body", "description": _sentence(rng, field)})
                if rng.random() < 0.3:
                    body["required"] = True
                params[field] = body
        method: dict[str, Any] = {"summary": f"{verb.capitalize()} {base.rsplit('/', 1)[-1]}",
                                  "description": _sentence(rng, verb), "http": f"{http} {path}"}
        if params:
            method["params"] = params
        if http != "DELETE" and models:
            model = rng.choice(models)
            method["returns"] = {"type": "array", "items": {"ref": model}} if verb in ("list", "search") \
                else {"ref": model}
        out[verb] = method
    return out


def _sentence(rng: random.Random, noun: str) -> str:
    return rng.choice(SENTENCES).format(n=noun.replace("_", " "))
