"""Finishing unions once every model is known: flattening nested unions, finding discriminators."""

from __future__ import annotations

from typing import Any, Iterator

Type = dict[str, Any]
PREFERRED = ("type", "object", "event", "role", "kind")


def walk(node: Any) -> Iterator[Type]:
    """Every type mapping inside a spec subtree (models, aliases, params, returns), innermost first."""
    if isinstance(node, dict):
        for value in node.values():
            yield from walk(value)
        yield node
    elif isinstance(node, list):
        for value in node:
            yield from walk(value)


def finish_unions(spec: dict[str, Any]) -> None:
    models: dict[str, Any] = spec.get("models") or {}
    aliases: dict[str, Any] = spec.get("aliases") or {}
    for node in list(walk(spec)):
        if node.get("type") == "union" and isinstance(node.get("variants"), list):
            _finish(node, models, aliases)


def _flatten(variants: list[Type], aliases: dict[str, Any], depth: int = 0) -> list[Type]:
    out: list[Type] = []
    for variant in variants:
        target = aliases.get(variant.get("ref", "")) if set(variant) == {"ref"} else None
        if target is not None and target.get("type") == "union" and depth < 8:
            inner = _flatten(target["variants"], aliases, depth + 1)
        elif variant.get("type") == "union":
            inner = _flatten(variant["variants"], aliases, depth + 1)
        else:
            inner = [variant]
        out.extend(v for v in inner if v not in out)
    return out


def _finish(node: Type, models: dict[str, Any], aliases: dict[str, Any]) -> None:
    variants = _flatten(node["variants"], aliases)
    key = discriminator(variants, models)
    rest = {k: v for k, v in node.items() if k not in ("type", "discriminator", "variants")}
    node.clear()
    if len(variants) == 1:
        node.update(variants[0])
    else:
        node["type"] = "union"
        if key is not None:
            node["discriminator"] = key
        node["variants"] = variants
    node.update(rest)


def discriminator(variants: list[Type], models: dict[str, Any]) -> str | None:
    """The property that tells the variants apart: every variant is a model with it as a required,
    non-nullable string const, each with its own value."""
    if not all(set(v) == {"ref"} and v["ref"] in models for v in variants):
        return None
    candidates: set[str] | None = None
    consts: list[dict[str, Any]] = []
    for variant in variants:
        props = models[variant["ref"]].get("properties") or {}
        mine = {name: p["value"] for name, p in props.items()
                if p.get("type") == "const" and isinstance(p.get("value"), str)
                and p.get("required") and not p.get("nullable")}
        consts.append(mine)
        candidates = set(mine) if candidates is None else candidates & set(mine)
    for key in [*PREFERRED, *sorted(candidates or ())]:
        if key in (candidates or ()) and len({c[key] for c in consts}) == len(consts):
            return key
    return None
