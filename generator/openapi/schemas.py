"""Converting JSON schemas to spec types: models, aliases, unions, enums, maps, arrays, formats."""

from __future__ import annotations

from typing import Any

from generator.openapi.document import Document, Json, as_dict, as_list, child, schema_name
from generator.openapi.naming import Namer
from generator.openapi.notes import Notes
from generator.openapi.shapes import const_of, has_shape, is_nullable, merge_all_of, strip_null, variant_label

Type = dict[str, Any]
FORMATS = {"string": {"date-time", "date", "uri", "email", "binary"}, "integer": {"int64", "int32"},
           "number": {"float", "double"}}
PRIMITIVES = ("string", "integer", "number", "boolean")


class Schemas:
    """The models and aliases of an import, filled on demand as operations reach schemas."""

    def __init__(self, doc: Document, notes: Notes, namer: Namer) -> None:
        self.doc, self.notes, self.namer = doc, notes, namer
        self.models: dict[str, dict[str, Any]] = {}
        self.aliases: dict[str, dict[str, Any]] = {}
        self._spec_names = {c: namer.component(c) for c in doc.schemas}
        self._queued: set[str] = set()
        self._queue: list[str] = []
        self._current: str | None = None

    # ------------------------------------------------------------------ components

    def component_ref(self, component: str) -> Type:
        """`ref:` to a component, converted once (later, in `drain`)."""
        if component not in self._queued:
            self._queued.add(component)
            self._queue.append(component)
        return {"ref": self._spec_names[component]}

    def drain(self) -> None:
        """Convert every component reached so far (and those they reach)."""
        while self._queue:
            component = self._queue.pop(0)
            self._convert_component(component)

    def _convert_component(self, component: str) -> None:
        name = self._spec_names[component]
        self._current = component
        where = child("#/components/schemas", component)
        schema, _ = strip_null(self.doc.schemas[component])
        if not isinstance(schema, dict):
            schema = {}
        if schema.get("allOf") and not any(k in schema for k in ("anyOf", "oneOf")):
            if len(schema["allOf"]) > 1 or schema.get("properties"):
                schema = merge_all_of(self.doc, schema, where, self.notes)
        if schema.get("properties"):
            self.models[name] = self.model(schema, where, name)
            return
        alias: dict[str, Any] = {}
        if isinstance(schema.get("description"), str):
            alias["description"] = schema["description"].rstrip()
        if schema.get("deprecated") is True:
            alias["deprecated"] = True
        alias.update(self.convert(schema, where, name, inline_ok=False)[0])
        self.aliases[name] = alias

    def model(self, schema: dict[str, Any], where: str, name: str) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if isinstance(schema.get("description"), str):
            out["description"] = schema["description"].rstrip()
        if schema.get("deprecated") is True:
            out["deprecated"] = True
        out["properties"] = self.properties(schema, where, name)
        return out

    def properties(self, schema: dict[str, Any], where: str, owner: str) -> dict[str, Any]:
        if schema.get("additionalProperties") not in (None, False, True, {}):
            self.notes.warn("W05", child(where, "additionalProperties"),
                            "an object with properties and additionalProperties: the extra properties "
                            "are not typed")
        required = {r for r in as_list(schema.get("required")) if isinstance(r, str)}
        return {str(prop): self.field(sub, child(where, "properties", str(prop)),
                                      owner + self.namer.pascal(str(prop)), prop in required)
                for prop, sub in as_dict(schema.get("properties")).items()}

    def field(self, schema: Json, where: str, context: str, required: bool,
              files: bool = False) -> dict[str, Any]:
        """A property or parameter: its type keys and required/nullable/description/deprecated."""
        kind, nullable = self.convert(schema, where, context, inline_ok=True, files=files)
        out: dict[str, Any] = dict(kind)
        if required:
            out["required"] = True
        if nullable:
            out["nullable"] = True
        if isinstance(schema, dict):
            if isinstance(schema.get("description"), str) and schema["description"].strip():
                out["description"] = schema["description"].rstrip()
            if schema.get("deprecated") is True:
                out["deprecated"] = True
        return out

    # ------------------------------------------------------------------ types

    def convert(self, schema: Json, where: str, context: str, inline_ok: bool,
                files: bool = False) -> tuple[Type, bool]:
        """The spec type of `schema` and whether it is nullable. `context` names what would be hoisted."""
        if schema is True or schema == {} or schema is None:
            return {"type": "any"}, False
        if not isinstance(schema, dict):
            return {"type": "any"}, False
        if isinstance(schema.get("$ref"), str):
            return self._reference(schema["$ref"], where, context, inline_ok, files)
        schema, nullable = strip_null(schema)
        if isinstance(schema.get("$ref"), str):
            kind, inner = self._reference(schema["$ref"], where, context, inline_ok, files)
            return kind, nullable or inner
        if schema.get("$recursiveRef") == "#" and self._current is not None:  # the enclosing component
            return self.component_ref(self._current), nullable
        if "$recursiveRef" in schema or "$dynamicRef" in schema or "not" in schema:
            self.notes.warn("W09", where, "`$recursiveRef`/`$dynamicRef`/`not` cannot be expressed: `any`")
            return {"type": "any"}, nullable
        if schema.get("type") == "null":
            return {"type": "any"}, True
        if schema.get("allOf"):
            members = [m for m in schema["allOf"] if not isinstance(m, dict) or has_shape(m)]
            if len(members) < len(schema["allOf"]):  # `{nullable: true}`, `{description: ...}` parts
                nullable = nullable or any(isinstance(m, dict) and m.get("nullable") is True
                                           for m in schema["allOf"])
                schema = {**schema, "allOf": members}
            if len(members) == 1 and not schema.get("properties") and not schema.get("oneOf") \
                    and not schema.get("anyOf"):
                kind, inner = self.convert(members[0], child(where, "allOf", 0), context, inline_ok, files)
                return kind, nullable or inner
            if not schema.get("oneOf") and not schema.get("anyOf"):
                return self._object(merge_all_of(self.doc, schema, where, self.notes), where, context,
                                    inline_ok), nullable
        for key in ("oneOf", "anyOf"):
            if isinstance(schema.get(key), list) and schema[key]:
                kind, inner = self._union(schema[key], child(where, key), context, files)
                return kind, nullable or inner
        value = schema.get("const", const_of(schema))
        if "const" in schema or value is not None:
            if isinstance(value, (str, int, bool)) and not isinstance(value, float):
                return {"type": "const", "value": value}, nullable
        if isinstance(schema.get("enum"), list):
            return self._enum(schema, where), nullable
        kind = schema.get("type")
        if isinstance(kind, list):
            variants = [{**schema, "type": k} for k in kind]
            return self._union(variants, where, context, files)[0], nullable
        if kind == "object" or "properties" in schema or "additionalProperties" in schema:
            return self._object(schema, where, context, inline_ok), nullable
        if kind == "array" or "items" in schema:
            items = self.convert(schema.get("items", True), child(where, "items"), context + "Item",
                                 inline_ok=False, files=files)[0]
            return {"type": "array", "items": items}, nullable
        if kind in PRIMITIVES:
            return self._primitive(kind, schema, files), nullable
        return {"type": "any"}, nullable

    def _reference(self, ref: str, where: str, context: str, inline_ok: bool,
                   files: bool) -> tuple[Type, bool]:
        component = schema_name(ref)
        if component is not None and component in self.doc.schemas:
            target = self.doc.schemas[component]
            if files and isinstance(target, dict) and target.get("format") == "binary":
                return {"type": "file"}, False
            return self.component_ref(component), is_nullable(self.doc, target)
        target = self.doc.lookup(ref)
        if target is None:
            self.notes.warn("W07", where, f"`$ref: {ref}` cannot be resolved: `any`")
            return {"type": "any"}, False
        return self.convert(target, ref, context, inline_ok, files)

    def _primitive(self, kind: str, schema: dict[str, Any], files: bool) -> Type:
        fmt = schema.get("format")
        if kind == "string" and fmt == "binary" and files:
            return {"type": "file"}
        out: Type = {"type": kind}
        if kind == "integer" and fmt == "unixtime":
            out["format"] = "unix-time"
        elif isinstance(fmt, str) and fmt in FORMATS.get(kind, ()):
            out["format"] = fmt
        return out

    def _enum(self, schema: dict[str, Any], where: str) -> Type:
        unique: list[Any] = []
        for value in schema["enum"]:
            if value is not None and value not in unique:
                unique.append(value)
        if unique and all(isinstance(v, str) for v in unique):
            return {"type": "enum", "values": unique}
        if unique and all(isinstance(v, int) and not isinstance(v, bool) and abs(v) < 2 ** 53 for v in unique):
            return {"type": "enum", "values": unique}
        self.notes.warn("W04", child(where, "enum"), "an enum of mixed or non-string values: its base type")
        kind = schema.get("type")
        return {"type": kind if kind in PRIMITIVES else "any"}

    def _object(self, schema: dict[str, Any], where: str, context: str, inline_ok: bool) -> Type:
        if not schema.get("properties"):
            extra = schema.get("additionalProperties")
            if isinstance(extra, dict) and extra:
                values = self.convert(extra, child(where, "additionalProperties"), context + "Value",
                                      inline_ok=False)[0]
                return {"type": "map", "values": values}
            return {"type": "map", "values": {"type": "any"}}
        if inline_ok:
            return {"type": "object", "properties": self.properties(schema, where, context)}
        name = self.namer.hoisted(context)
        self.models[name] = {}  # reserve the place: properties may refer back to it
        self.models[name] = self.model(schema, where, name)
        return {"ref": name}

    def _union(self, members: list[Json], where: str, context: str, files: bool) -> tuple[Type, bool]:
        variants: list[Type] = []
        nullable = False
        for i, member in enumerate(members):
            label = variant_label(self.doc, member) or f"Variant{i + 1}"
            kind, inner = self.convert(member, child(where, i), context + label, inline_ok=False, files=files)
            nullable = nullable or inner
            for variant in kind["variants"] if kind.get("type") == "union" else [kind]:
                if variant not in variants:
                    variants.append(variant)
        if not variants:
            return {"type": "any"}, nullable
        if len(variants) == 1:
            return variants[0], nullable
        if any(v == {"type": "any"} for v in variants):
            return {"type": "any"}, nullable
        return {"type": "union", "variants": variants}, nullable
