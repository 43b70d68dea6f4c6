"""Validating models and the types of their properties: primitive, const, enum, array, map, object, union, ref."""

from __future__ import annotations

import difflib

from generator.ir import (
    AliasRef, AnyValue, Array, Binary, Const, Enum, FileUpload, InlineObject, Map, Model, ModelRef, Primitive,
    Property, Type, Union,
)
from generator.spec.nodes import YList, YMap
from generator.spec.reader import MODEL_NAME, WIRE_NAME, Reader, value_kind

PRIMITIVES = ("string", "integer", "number", "boolean")
# Format 2 adds `any` (any JSON value), `file` (a multipart part) and `binary` (raw response bytes).
FORMAT_2_TYPES: dict[str, Type] = {"any": AnyValue(), "file": FileUpload(), "binary": Binary()}
TYPE_NAMES = PRIMITIVES + ("const", "enum", "array", "map", "object", "union") + tuple(FORMAT_2_TYPES)
FORMATS = {"string": ("date-time", "date", "uri", "email", "binary"), "integer": ("unix-time", "int64", "int32"),
           "number": ("float", "double"), "boolean": ()}

#: JavaScript numbers hold integers exactly only up to 2**53 - 1.
MAX_SAFE_INTEGER = 2**53 - 1

# Type names from other languages and formats, and how to say them here.
FOREIGN_TYPES = {
    "datetime": "`type: string, format: date-time`", "date": "`type: string, format: date`",
    "timestamp": "`type: integer, format: unix-time`, or `type: string, format: date-time`",
    "uuid": "`type: string`", "str": "`type: string`", "text": "`type: string`",
    "int": "`type: integer`", "long": "`type: integer, format: int64`", "int64": "`type: integer, format: int64`",
    "float": "`type: number`", "double": "`type: number`", "decimal": "`type: number`", "bool": "`type: boolean`",
    "list": "`type: array, items: {...}`", "dict": "`type: map, values: {...}`, or `type: object, properties: {...}`",
    "null": "`nullable: true` on the property",
}

# Keys each kind of mapping accepts; the first group is required.
TYPE_KEYS = ("type", "ref", "format", "value", "values", "items", "properties", "variants", "discriminator")
_EXTRA_KEYS = TYPE_KEYS[2:]  # the keys besides `type` and `ref`
COMMON_FIELD_KEYS = ("required", "nullable", "description", "deprecated")
PROPERTY_KEYS = TYPE_KEYS + COMMON_FIELD_KEYS
# The keys besides `type` each type takes (primitives take `format`).
_KEYS_OF_TYPE = {"const": ("value",), "enum": ("values",), "array": ("items",), "map": ("values",),
                 "object": ("properties",), "union": ("variants", "discriminator")}


def read_models(r: Reader, node: YMap) -> tuple[Model, ...]:
    models = []
    for name in node:
        where = node.key_at(name)
        r.identifier(name, where, MODEL_NAME, "model", "BatchError")
        entry = r.value_mapping(node, name, f"model `{name}`")
        if entry is None:
            continue
        what = f"model `{name}`"
        r.keys(entry, what, ("properties",), ("description", "deprecated"))
        properties = read_properties(r, entry, (name,), what)
        models.append(Model(name=name, properties=properties, description=r.text(entry, "description", what),
                            deprecated=r.flag(entry, "deprecated", what), location=where))
    return tuple(models)


def read_properties(r: Reader, parent: YMap, path: tuple[str, ...], owner: str) -> tuple[Property, ...]:
    """The properties `parent` (a model or an inline object) lists under `properties`."""
    if parent.get("properties") is None:
        return ()
    props = r.value_mapping(parent, "properties", f"`properties` of {owner}")
    if props is None:
        return ()
    found = []
    for name in props:
        at = props.key_at(name)
        r.identifier(name, at, WIRE_NAME, "property", "created_at")
        entry = r.value_mapping(props, name, f"property `{name}`")
        if entry is None:
            continue
        what = f"property `{name}` of {owner}"
        r.keys(entry, what, (), PROPERTY_KEYS)
        prop_type = read_type(r, entry, what, path + (name,))
        misplaced = first_of(prop_type, (FileUpload, Binary))
        if misplaced is not None:
            r.error(entry.value_at("type") if "type" in entry else at, "E213",
                    f"{what} cannot be of type `{'file' if isinstance(misplaced, FileUpload) else 'binary'}`",
                    "`file` is for body parameters of a multipart method, `binary` for a method's `returns`")
        found.append(Property(
            name=name,
            type=prop_type,
            required=r.flag(entry, "required", what),
            nullable=r.flag(entry, "nullable", what),
            description=r.text(entry, "description", what),
            deprecated=r.flag(entry, "deprecated", what),
            location=at,
        ))
    return tuple(found)


def read_type(r: Reader, node: YMap, what: str, path: tuple[str, ...]) -> Type:
    """A type is `ref: Model` or `type: NAME` with the keys that type takes."""
    fallback: Type = Primitive("string")
    if "ref" in node:
        if "type" in node:
            r.error(node.key_at("type"), "E105", f"{what} has both `ref` and `type`",
                    "use `ref: ModelName` alone to refer to a model")
        for extra in _EXTRA_KEYS:
            if extra in node:
                r.error(node.key_at(extra), "E101", f"`{extra}` does not apply to a `ref` in {what}",
                        "remove it, or declare it on the referenced model")
        ref = r.text(node, "ref", what)
        if not ref:
            return fallback
        r.refs.append((ref, node.value_at("ref"), what))
        return AliasRef(ref) if ref in r.alias_names else ModelRef(ref)
    if "type" not in node and "schema" in node:
        return fallback  # the unknown key `schema` is reported, with a hint that says where the type goes
    if "type" not in node:
        r.error(node.owner_location, "E102", f"{what} is missing `type`",
                f"add `type:` ({', '.join(TYPE_NAMES)}) or `ref: ModelName`")
        return fallback
    kind = r.text(node, "type", what)
    if kind not in TYPE_NAMES:
        close = difflib.get_close_matches(kind, TYPE_NAMES, n=1)
        if kind.lower() in FOREIGN_TYPES:
            hint = f"write {FOREIGN_TYPES[kind.lower()]}"
        elif close:
            hint = f"did you mean `{close[0]}`?"
        else:
            hint = f"types are {', '.join(TYPE_NAMES)}; refer to a model with `ref: Name`"
        r.error(node.value_at("type"), "E201", f"unknown type `{kind}` in {what}", hint)
        return fallback
    if kind in FORMAT_2_TYPES:
        if r.format < 2:
            r.error(node.value_at("type"), "E104", f"type `{kind}` in {what} needs spec format 2",
                    "write `format: 2` at the top of the spec (format 2 reads every format 1 spec)")
        for extra in _EXTRA_KEYS:
            if extra in node:
                r.error(node.key_at(extra), "E101", f"`{extra}` does not apply to type `{kind}` in {what}",
                        f"type `{kind}` takes no other keys")
        return FORMAT_2_TYPES[kind]
    allowed = _KEYS_OF_TYPE.get(kind, ("format",))
    for extra in _EXTRA_KEYS:
        if extra in node and extra not in allowed:
            r.error(node.key_at(extra), "E101", f"`{extra}` does not apply to type `{kind}` in {what}",
                    f"type `{kind}` takes: {', '.join(allowed)}")
    if kind in PRIMITIVES:
        fmt = r.text(node, "format", what) or None
        if fmt is not None and fmt not in FORMATS[kind]:
            r.error(node.value_at("format"), "E105", f"unknown format `{fmt}` for type `{kind}`",
                    f"formats of `{kind}`: {', '.join(FORMATS[kind]) or 'none'}")
            fmt = None
        return Primitive(kind, fmt)  # type: ignore[arg-type]
    if kind == "const":
        if "value" not in node:
            r.error(node.owner_location, "E102", f"{what} is missing `value`", "a const needs `value: literal`")
            return fallback
        value = r.scalar(node, "value", (str, int, bool), what)
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_SAFE_INTEGER:
            r.error(node.value_at("value"), "E105", f"the const value of {what} is too large to be exact "
                    "in JavaScript", f"integers up to {MAX_SAFE_INTEGER} are exact; write a larger one as text")
        return Const(value) if value is not None else fallback
    if kind == "enum":
        return _read_enum(r, node, what)
    if kind == "union":
        return read_union(r, node, what, path)
    if kind in ("array", "map"):
        key = "items" if kind == "array" else "values"
        if key not in node:
            r.error(node.owner_location, "E102", f"{what} is missing `{key}`", f"add `{key}: {{type: string}}`")
            return Array(fallback) if kind == "array" else Map(fallback)
        inner = r.value_mapping(node, key, f"`{key}` of {what}")
        element = read_type(r, inner, f"`{key}` of {what}", path) if inner is not None else fallback
        return Array(element) if kind == "array" else Map(element)
    if "properties" not in node:
        r.error(node.owner_location, "E102", f"{what} is missing `properties`", "an object lists its properties")
    props = read_properties(r, node, path, what)
    return InlineObject(path=path, properties=props, description=r.text(node, "description", what))


def _read_enum(r: Reader, node: YMap, what: str) -> Type:
    values = node.get("values")
    if not isinstance(values, YList):
        if "values" in node:
            r.error(node.value_at("values"), "E103", f"`values` of {what} must be a list",
                    "write `values: [a, b]`")
        else:
            r.error(node.owner_location, "E102", f"{what} is missing `values`", "write `values: [a, b]`")
        return Enum(())
    if not values:
        r.error(node.value_at("values"), "E206", f"the enum of {what} has no values",
                "list at least one value, or use `type: string`")
    # Strings, or (format 2) integers: the kind of the first value is the kind of the enum.
    integers = bool(values) and _is_integer(values[0])
    if integers and r.format < 2:
        r.error(values.item_at(0), "E104", f"integer enum values in {what} need spec format 2",
                "write `format: 2` at the top of the spec, or quote the values")
    kind, wanted = (int, "integers") if integers else (str, "strings")
    seen: set[str | int] = set()
    for index, value in enumerate(values):
        if not (_is_integer(value) if integers else isinstance(value, str)):
            r.error(values.item_at(index), "E103", f"enum values must be {wanted}, not {value_kind(value)}",
                    "an enum's values are all strings or all integers" if integers else "quote the value")
        elif integers and abs(value) > MAX_SAFE_INTEGER:
            r.error(values.item_at(index), "E105", f"the enum value {value} of {what} is too large to be exact "
                    "in JavaScript", f"integers up to {MAX_SAFE_INTEGER} are exact")
        elif value in seen:
            r.error(values.item_at(index), "E207", f"duplicated enum value `{value}` in {what}",
                    "remove the repeated value")
        else:
            seen.add(value)
    return Enum(tuple(v for v in values if isinstance(v, kind) and not isinstance(v, bool)))


def _is_integer(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def read_union(r: Reader, node: YMap, what: str, path: tuple[str, ...]) -> Type:
    """`type: union` (format 2): `variants`, a list of types, and an optional `discriminator`.

    The variants are checked here on their own (see ir.Union for what they may be); the discriminator
    needs the models, and is checked once they are known (unions.py).
    """
    fallback: Type = Primitive("string")
    if not r.format_2(node, "type", what, "type: union"):
        return fallback
    variants_node = node.get("variants")
    if not isinstance(variants_node, YList):
        if "variants" in node:
            r.error(node.value_at("variants"), "E103", f"`variants` of {what} must be a list",
                    "write one `- {type: ...}` or `- {ref: Model}` per variant")
        else:
            r.error(node.owner_location, "E102", f"{what} is missing `variants`",
                    "write `variants: [{type: string}, {ref: Model}]`")
        return fallback
    variants: list[Type] = []
    for index, item in enumerate(variants_node):
        at = variants_node.item_at(index)
        entry = r.mapping(item, at, f"variant {index + 1} of {what}")
        if entry is None:
            continue
        vwhat = f"variant {index + 1} of {what}"
        r.keys(entry, vwhat, (), TYPE_KEYS + ("description",))
        variant = read_type(r, entry, vwhat, path)
        problem = _variant_problem(variant)
        if problem:
            r.error(at, "E214", f"{vwhat} is {problem}", _VARIANT_HINTS[problem])
        elif variant in variants:
            r.error(at, "E214", f"{vwhat} repeats an earlier variant", "remove the repeated variant")
        else:
            variants.append(variant)
    if len(variants_node) < 2:
        r.error(node.value_at("variants"), "E214", f"the union of {what} has fewer than two variants",
                "a union needs two variants or more; for one type, write that type")
    discriminator = r.text(node, "discriminator", what) or None
    union = Union(tuple(variants), discriminator)
    if variants:
        r.unions.append((union, node.value_at("discriminator") if discriminator else node.value_at("variants"),
                         what))
    return union


_VARIANT_HINTS = {
    "a union": "list its variants in this union instead",
    "an inline object": "declare the object as a model under `models:` and write `ref: ThatModel`: every "
                        "variant needs a name each SDK can spell",
    "a file or binary": "a union holds JSON values; `file` and `binary` stand alone",
}


def _variant_problem(t: Type) -> str:
    """Why `t` cannot be a variant of a union ("" when it can)."""
    if isinstance(t, Union):
        return "a union"
    if first_of(t, (InlineObject,)) is not None:
        return "an inline object"
    if first_of(t, (FileUpload, Binary)) is not None:
        return "a file or binary"
    return ""


def first_of(t: Type, kinds: tuple[type, ...]) -> Type | None:
    """The first node of one of `kinds` in `t`, looking through arrays and maps (not into objects)."""
    while isinstance(t, (Array, Map)):
        t = t.items if isinstance(t, Array) else t.values
    return t if isinstance(t, kinds) else None
