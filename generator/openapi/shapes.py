"""Looking at a schema's shape: nullability, `allOf` merging, const values, hoisted names."""

from __future__ import annotations

from typing import Any

from generator.openapi.document import Document, Json, as_dict, as_list, child, schema_name
from generator.openapi.notes import Notes
from generator.text.case import pascal_case

NULL_TYPES = ({"type": "null"}, {"enum": [None]}, {"const": None})


def is_null(schema: Json) -> bool:
    return isinstance(schema, dict) and any(
        all(k in schema and schema[k] == v for k, v in null.items()) for null in NULL_TYPES)


def strip_null(schema: Json) -> tuple[Json, bool]:
    """The schema without its `null` alternative, and whether it had one (3.0 `nullable`, 3.1 type
    lists, `anyOf`/`oneOf` members that are `null`, `null` in an enum)."""
    if not isinstance(schema, dict):
        return schema, False
    nullable = schema.get("nullable") is True
    out = schema
    kind = schema.get("type")
    if isinstance(kind, list) and "null" in kind:
        rest = [k for k in kind if k != "null"]
        out = {**out, "type": rest[0] if len(rest) == 1 else rest}
        nullable = True
    for key in ("anyOf", "oneOf"):
        members = out.get(key)
        if isinstance(members, list) and any(is_null(m) for m in members):
            rest = [m for m in members if not is_null(m)]
            nullable = True
            out = {k: v for k, v in out.items() if k != key}
            if len(rest) == 1 and not has_shape(out):
                merged = dict(rest[0]) if isinstance(rest[0], dict) else {}
                for k in ("description", "default", "deprecated", "title"):
                    if k in out and k not in merged:
                        merged[k] = out[k]
                out = merged
            elif rest:
                out[key] = rest
    values = out.get("enum")
    if isinstance(values, list) and None in values:
        out = {**out, "enum": [v for v in values if v is not None]}
        nullable = True
    return out, nullable


def has_shape(schema: dict[str, Any]) -> bool:
    return any(k in schema for k in ("type", "properties", "allOf", "anyOf", "oneOf", "enum", "const",
                                     "$ref", "items", "additionalProperties"))


def is_nullable(doc: Document, schema: Json) -> bool:
    """Whether a (component) schema admits `null` at its top level."""
    return strip_null(schema)[1]


def merge_all_of(doc: Document, schema: dict[str, Any], where: str, notes: Notes) -> dict[str, Any]:
    """One object schema from an `allOf` (and the schema's own properties): properties in order, the
    union of the `required` lists; a part that is not an object is noted (W09)."""
    properties: dict[str, Any] = {}
    required: list[str] = []
    extra: Json = None

    def add(part: Json, at: str, depth: int) -> None:
        nonlocal extra
        if depth > 16 or not isinstance(part, dict):
            return
        if isinstance(part.get("$ref"), str):
            target = doc.lookup(part["$ref"])
            add(target, part["$ref"], depth + 1)
            return
        part, _ = strip_null(part)
        for i, sub in enumerate(as_list(part.get("allOf"))):
            add(sub, child(at, "allOf", i), depth + 1)
        if any(k in part for k in ("anyOf", "oneOf")) and not part.get("properties"):
            notes.warn("W09", at, "an `allOf` part that is a union cannot be merged into an object; "
                                  "its properties are left out")
        for name, prop in as_dict(part.get("properties")).items():
            properties[name] = prop
        for name in as_list(part.get("required")):
            if isinstance(name, str) and name not in required:
                required.append(name)
        if part.get("additionalProperties") not in (None, False, True):
            extra = part["additionalProperties"]

    add({k: v for k, v in schema.items() if k != "allOf"} | {"allOf": as_list(schema.get("allOf"))}, where, 0)
    merged: dict[str, Any] = {"type": "object", "properties": properties, "required": required}
    for key in ("description", "title", "deprecated"):
        if key in schema:
            merged[key] = schema[key]
    if extra is not None and not properties:
        merged["additionalProperties"] = extra
    return merged


def object_schema(doc: Document, schema: Json, depth: int = 0) -> dict[str, Any] | None:
    """The object schema `schema` is (through `$ref` and `allOf`), or None if it is not an object."""
    if not isinstance(schema, dict) or depth > 16:
        return None
    if isinstance(schema.get("$ref"), str):
        return object_schema(doc, doc.lookup(schema["$ref"]), depth + 1)
    schema, _ = strip_null(schema)
    if isinstance(schema, dict) and (schema.get("properties") or schema.get("allOf")):
        return schema
    return None


def const_of(schema: Json) -> object:
    """The single value a schema allows (`const`, or an enum of one value), else None."""
    if not isinstance(schema, dict):
        return None
    if "const" in schema and isinstance(schema["const"], (str, int, bool)):
        return schema["const"]
    values = schema.get("enum")
    if isinstance(values, list) and len(values) == 1 and isinstance(values[0], (str, int, bool)):
        return values[0]
    return None


def variant_label(doc: Document, schema: Json) -> str:
    """A name for a hoisted union variant: the value of its const property (`type` first), or its
    title, or "" when it has neither."""
    obj = object_schema(doc, schema)
    if obj is not None:
        if obj.get("allOf"):
            obj = merge_all_of(doc, obj, "", Notes())  # only to read the properties: no warnings
        props = as_dict(obj.get("properties"))
        for key in ["type", "object", *sorted(props)]:
            value = const_of(props.get(key))
            if isinstance(value, str) and pascal_case(value):
                return pascal_case(value)
    title = schema.get("title") if isinstance(schema, dict) else None
    return pascal_case(title) if isinstance(title, str) else ""


def component_of(schema: Json) -> str | None:
    if isinstance(schema, dict) and isinstance(schema.get("$ref"), str):
        return schema_name(schema["$ref"])
    return None
