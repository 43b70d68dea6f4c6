"""Converting one operation to a method: parameters, request body, response, pages, auth."""

from __future__ import annotations

import re
from typing import Any

from generator.openapi.document import Document, Json, as_dict, as_list, child
from generator.openapi.naming import pascal
from generator.openapi.notes import Notes
from generator.openapi.schemas import Schemas
from generator.openapi.shapes import merge_all_of, object_schema

VERBS = ("get", "post", "put", "patch", "delete")
JSON_TYPES = ("application/json",)
SSE = "text/event-stream"
SCALAR_DEFAULTS = (str, int, float, bool)


class Operations:
    """Turns operations into method mappings, asking `Schemas` for the types they reach."""

    def __init__(self, doc: Document, notes: Notes, schemas: Schemas, primary_auth: str | None,
                 schemes: dict[str, str]) -> None:
        self.doc, self.notes, self.schemas = doc, notes, schemas
        self.primary_auth, self.schemes = primary_auth, schemes
        self.used_schemes: set[str] = set()
        self.paginated = False

    def method(self, path: str, verb: str, item: dict[str, Any], dotted: str) -> dict[str, Any]:
        op = item[verb]
        where = child("#/paths", path, verb)
        context = "".join(pascal(p) for p in dotted.split("."))
        clean = path
        if "?" in path:
            clean = path.split("?", 1)[0]
            self.notes.warn("W02", child("#/paths", path), f"the query `?{path.split('?', 1)[1]}` of the path "
                                                           "is dropped (not in the format yet)")
        out: dict[str, Any] = {}
        meta = op.get("x-oaiMeta") if isinstance(op.get("x-oaiMeta"), dict) else {}
        summary = meta.get("name") if isinstance(meta.get("name"), str) else op.get("summary")
        if isinstance(summary, str) and summary.strip():
            out["summary"] = " ".join(summary.split())
        description = op.get("description") or op.get("summary")
        if isinstance(description, str) and description.strip():
            out["description"] = description.rstrip()
        out["http"] = f"{verb.upper()} {clean}"
        params: dict[str, Any] = {}
        self._parameters(as_list(item.get("parameters")), child("#/paths", path, "parameters"), params, context)
        self._parameters(as_list(op.get("parameters")), child(where, "parameters"), params, context)
        placeholders = re.findall(r"\{([^{}/]+)\}", clean)
        for name in [n for n, p in params.items() if p.get("in") == "path" and n not in placeholders]:
            self.notes.warn("W11", where, f"the path parameter `{name}` is not in the path: left out")
            del params[name]
        for name in placeholders:
            if params.get(name, {}).get("in") != "path":
                self.notes.warn("W11", where, f"the path placeholder `{{{name}}}` has no path parameter: "
                                              "declared as a string")
                params[name] = {"in": "path", "type": "string", "required": True}
        encoding = self._body(op, where, params, context)
        if params.get("stream", {}).get("type") == "boolean" and params["stream"]["in"] in ("body", "query"):
            self.notes.warn("W01", where, "streaming (server-sent events) is not in the format yet: the "
                                          "`stream` parameter is left out, the non-stream form imported")
            del params["stream"]
        returns, paginated = self._returns(op, where, verb, params, context)
        if params:
            out["params"] = params
        if returns is not None:
            out["returns"] = returns
        if op.get("deprecated") is True:
            out["deprecated"] = True
        auth = self._auth(op, where)
        if auth:
            out["auth"] = auth
        if paginated:
            out["paginated"] = "cursor"
            self.paginated = True
        if encoding == "multipart":
            out["encoding"] = "multipart"
        return out

    def _parameters(self, raw: list[Json], where: str, params: dict[str, Any], context: str) -> None:
        for i, entry in enumerate(raw):
            param, at = self.doc.deref(entry, child(where, i))
            if not isinstance(param, dict) or not isinstance(param.get("name"), str):
                continue
            place = param.get("in")
            if place not in ("path", "query", "header"):
                self.notes.warn("W06", at, f"a `{place}` parameter is not in the format: left out")
                continue
            if param.get("style") == "deepObject":
                self.notes.warn("W06", at, "a deepObject query parameter is sent as a plain parameter")
            schema = param.get("schema", {})
            field = self.schemas.field(schema, child(at, "schema"), context + pascal(param["name"]),
                                       required=place == "path" or param.get("required") is True)
            if place == "path" and field.get("type") not in ("string", "integer"):
                field = {"type": "string", "required": True}
            if isinstance(param.get("description"), str) and param["description"].strip():
                field["description"] = param["description"].rstrip()
            if param.get("deprecated") is True:
                field["deprecated"] = True
            default = schema.get("default") if isinstance(schema, dict) else None
            if isinstance(default, SCALAR_DEFAULTS) and field.get("type") in ("string", "integer", "number",
                                                                              "boolean", "enum"):
                if field.get("type") != "enum" or default in field.get("values", ()):
                    field["default"] = default
            params[param["name"]] = {"in": place, **field}

    def _body(self, op: dict[str, Any], where: str, params: dict[str, Any], context: str) -> str:
        if "requestBody" not in op:
            return "json"
        body, at = self.doc.deref(op["requestBody"], child(where, "requestBody"))
        content = as_dict(as_dict(body).get("content"))
        kind = next((k for k in ("application/json", "multipart/form-data") if k in content), None)
        if kind is None:
            self.notes.warn("W03", child(at, "content"), f"a `{', '.join(content)}` request body is not "
                                                         "in the format: left out")
            return "json"
        schema_at = child(at, "content", kind, "schema")
        schema = content[kind].get("schema") if isinstance(content[kind], dict) else None
        obj = object_schema(self.doc, schema)
        if obj is None:
            self.notes.warn("W03", schema_at, "a request body that is not an object: left out")
            return "json"
        if obj.get("allOf"):
            obj = merge_all_of(self.doc, obj, schema_at, self.notes)
        required = {r for r in as_list(obj.get("required")) if isinstance(r, str)}
        for name, prop in as_dict(obj.get("properties")).items():
            if name in params:
                continue
            field = self.schemas.field(prop, child(schema_at, "properties", name), context + pascal(name),
                                       name in required, files=kind == "multipart/form-data")
            params[name] = {"in": "body", **field}
        return "multipart" if kind == "multipart/form-data" else "json"

    def _returns(self, op: dict[str, Any], where: str, verb: str, params: dict[str, Any],
                 context: str) -> tuple[dict[str, Any] | None, bool]:
        responses = as_dict(op.get("responses"))
        codes = sorted(c for c in responses if str(c).startswith("2"))
        if not codes:
            return None, False
        response, at = self.doc.deref(responses[codes[0]], child(where, "responses", codes[0]))
        content = as_dict(as_dict(response).get("content"))
        if not content:
            return None, False
        json_type = next((k for k in content if k in JSON_TYPES or k.endswith("+json")), None)
        if json_type is None:
            if set(content) == {SSE}:
                self.notes.warn("W01", child(at, "content", SSE), "a response of server-sent events only: "
                                                                  "imported as `any`")
                return {"type": "any"}, False
            return {"type": "binary"}, False
        schema_at = child(at, "content", json_type, "schema")
        schema = content[json_type].get("schema") if isinstance(content[json_type], dict) else None
        if isinstance(schema, dict) and schema.get("type") == "string" and len(schema) <= 2 \
                and "enum" not in schema and "const" not in schema:
            return {"type": "binary"}, False  # a bare JSON "string" response is a file's raw content
        page = self._page_items(schema) if verb == "get" and "after" in params else None
        if page is not None:
            items = self.schemas.convert(page, child(schema_at, "properties", "data", "items"),
                                         context + "Item", inline_ok=False)[0]
            return items, True
        kind = self.schemas.convert(schema, schema_at, context + "Response", inline_ok=False)[0]
        return kind, False

    def _page_items(self, schema: Json) -> Json | None:
        obj = object_schema(self.doc, schema)
        if obj is None:
            return None
        props = as_dict(obj.get("properties"))
        data, _ = self.doc.deref(props.get("data"), "")
        if "has_more" in props and isinstance(data, dict) and data.get("type") == "array":
            return data.get("items", {})
        return None

    def _auth(self, op: dict[str, Any], where: str) -> str | None:
        security = op.get("security")
        if not isinstance(security, list) or not security:
            return None
        names = [n for entry in security if isinstance(entry, dict) for n in entry]
        if not names or self.primary_auth in names:
            return None
        if names[0] in self.schemes:
            self.used_schemes.add(names[0])
            return self.schemes[names[0]]
        self.notes.warn("W10", child(where, "security"), f"security scheme `{names[0]}` is not a bearer "
                                                         "key: the API key is used")
        return None
