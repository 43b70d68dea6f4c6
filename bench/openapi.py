"""A spec in our format -> the same API as an OpenAPI 3.0 document, for the generators we compare with.

Works on the plain data of a spec (what yaml.safe_load gives), already validated by `gen validate`.
Models become component schemas, resources and methods become paths and operations (tagged by
resource, operationId `<resource>_<method>`), parameters keep their place (path, query, JSON body).
Where OpenAPI 3.0 has no direct equivalent the closest construct is used: a const is an enum of
one value, a map is an object with additionalProperties, unix-time is int64.
"""

from __future__ import annotations

from typing import Any

_FORMATS = {"unix-time": "int64"}


def to_openapi(spec: dict[str, Any]) -> dict[str, Any]:
    api = spec["api"]
    doc: dict[str, Any] = {
        "openapi": "3.0.3",
        "info": {"title": api["title"], "version": str(api["version"]), "description": api.get("description", "")},
        "servers": [{"url": api["base_url"]}],
        "security": [{"bearer": []}],
        "paths": {},
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            "schemas": {name: _object(body.get("properties", {}), body.get("description", ""))
                        for name, body in (spec.get("models") or {}).items()},
        },
    }
    for name, resource in (spec.get("resources") or {}).items():
        _resource(doc["paths"], name, resource)
    return doc


def _resource(paths: dict[str, Any], name: str, resource: dict[str, Any]) -> None:
    for method_name, method in (resource.get("methods") or {}).items():
        verb, path = method["http"].split(" ", 1)
        operation: dict[str, Any] = {"operationId": f"{name}_{method_name}", "tags": [name],
                                     "summary": method.get("summary", ""),
                                     "description": method.get("description", "")}
        parameters, body_props, body_required = [], {}, []
        for param_name, param in (method.get("params") or {}).items():
            where = param["in"]
            required = param.get("required", where == "path")
            if where == "body":
                body_props[param_name] = _schema(param)
                if required:
                    body_required.append(param_name)
                continue
            parameters.append({"name": param_name, "in": where, "required": required,
                               "description": param.get("description", ""), "schema": _schema(param)})
        if parameters:
            operation["parameters"] = parameters
        if body_props:
            body: dict[str, Any] = {"type": "object", "properties": body_props}
            if body_required:
                body["required"] = body_required
            operation["requestBody"] = {"required": bool(body_required),
                                        "content": {"application/json": {"schema": body}}}
        if method.get("returns"):
            operation["responses"] = {"200": {"description": "OK", "content": {
                "application/json": {"schema": _schema(method["returns"])}}}}
        else:
            operation["responses"] = {"204": {"description": "No content"}}
        if method.get("deprecated"):
            operation["deprecated"] = True
        paths.setdefault(path, {})[verb.lower()] = operation
    for child_name, child in (resource.get("resources") or {}).items():
        _resource(paths, child_name, child)


def _object(properties: dict[str, Any], description: str) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "object", "properties": {n: _property(p) for n, p in properties.items()}}
    required = [n for n, p in properties.items() if p.get("required")]
    if required:
        schema["required"] = required
    if description:
        schema["description"] = description
    return schema


def _property(prop: dict[str, Any]) -> dict[str, Any]:
    schema = _schema(prop)
    if "$ref" in schema:
        return schema  # siblings of $ref are ignored in OpenAPI 3.0
    if prop.get("nullable"):
        schema["nullable"] = True
    if prop.get("description"):
        schema["description"] = prop["description"]
    if prop.get("deprecated"):
        schema["deprecated"] = True
    return schema


def _schema(node: dict[str, Any]) -> dict[str, Any]:
    if "ref" in node:
        return {"$ref": f"#/components/schemas/{node['ref']}"}
    kind = node["type"]
    if kind in ("string", "integer", "number", "boolean"):
        schema: dict[str, Any] = {"type": kind}
        if node.get("format"):
            schema["format"] = _FORMATS.get(node["format"], node["format"])
        return schema
    if kind == "const":
        value = node["value"]
        json_type = "boolean" if isinstance(value, bool) else "integer" if isinstance(value, int) else "string"
        return {"type": json_type, "enum": [value]}
    if kind == "enum":
        return {"type": "string", "enum": list(node["values"])}
    if kind == "array":
        return {"type": "array", "items": _schema(node["items"])}
    if kind == "map":
        return {"type": "object", "additionalProperties": _schema(node["values"])}
    return _object(node.get("properties") or {}, node.get("description", ""))
