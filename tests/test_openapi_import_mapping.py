"""`gen import-openapi` construct by construct, on small documents: each mapping, each warning code,
names files, and untrusted text that must survive the YAML emitter."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from generator.ir import (AnyValue, Api, Array, Binary, Const, Enum, FileUpload, InlineObject, Map, Method,
                          ModelRef, Primitive, Union)
from generator.openapi import ImportResult, import_openapi
from generator.openapi.document import Document, DocumentError
from generator.openapi.importer import convert
from generator.spec.loader import load_spec_text
from generator.spec.validator import build_api


def document(paths: dict[str, Any], schemas: dict[str, Any] | None = None, version: str = "3.1.0",
             **extra: Any) -> dict[str, Any]:
    return {"openapi": version, "info": {"title": "Acme API", "version": "1.2.3"},
            "servers": [{"url": "https://acme.example.test/v1"}], "paths": paths,
            "components": {"schemas": schemas or {}, **extra}}


def run(tmp_path: Path, doc: dict[str, Any], names: dict[str, str] | None = None) -> tuple[ImportResult, Api]:
    path = tmp_path / "doc.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    names_path = None
    if names is not None:
        names_path = tmp_path / "names.yaml"
        names_path.write_text(json.dumps(names), encoding="utf-8")
    result = import_openapi(path, names_path)
    api = build_api(load_spec_text(result.text.encode("utf-8"), "out.yaml"), "out.yaml")
    return result, api


def json_response(schema: dict[str, Any]) -> dict[str, Any]:
    return {"200": {"description": "ok", "content": {"application/json": {"schema": schema}}}}


def only_method(api: Api) -> Method:
    (method,) = [m for r in api.all_resources() for m in r.methods]
    return method


def ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def test_nullable_forms_consts_formats_maps_and_free_form(tmp_path: Path) -> None:
    schemas = {"Widget": {"type": "object", "required": ["id", "kind"], "properties": {
        "id": {"type": "string"},
        "kind": {"type": "string", "enum": ["widget"]},
        "note": {"anyOf": [{"type": "string"}, {"type": "null"}]},
        "old": {"type": "integer", "nullable": True},
        "when": {"type": "integer", "format": "unixtime"},
        "labels": {"type": "object", "additionalProperties": {"type": "string"}},
        "extra": {"type": "object"},
        "blob": {},
        "size": {"type": "integer", "enum": [1, 2, 4]},
        "parent": {"type": "object", "properties": {"id": {"type": "string"}}},
    }}}
    _, api = run(tmp_path, document({"/widgets/{widget_id}": {"get": {
        "parameters": [{"name": "widget_id", "in": "path", "required": True, "schema": {"type": "string"}}],
        "responses": json_response(ref("Widget"))}}}, schemas))
    widget = api.model("Widget")
    assert widget.property("kind").type == Const("widget") and widget.property("kind").required
    assert widget.property("note").nullable and widget.property("note").type == Primitive("string")
    assert widget.property("old").nullable
    assert widget.property("when").type == Primitive("integer", "unix-time")
    assert widget.property("labels").type == Map(Primitive("string"))
    assert widget.property("extra").type == Map(AnyValue())
    assert widget.property("blob").type == AnyValue()
    assert widget.property("size").type == Enum((1, 2, 4))
    assert isinstance(widget.property("parent").type, InlineObject)
    method = only_method(api)
    assert (method.name, method.returns) == ("retrieve", ModelRef("Widget"))


def test_unions_discriminated_with_hoisted_variants_and_all_of(tmp_path: Path) -> None:
    schemas = {
        "Base": {"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}}},
        "Shape": {"oneOf": [
            {"type": "object", "required": ["type", "r"],
             "properties": {"type": {"type": "string", "enum": ["circle"]}, "r": {"type": "number"}}},
            {"allOf": [ref("Base"), {"type": "object", "required": ["type"],
                                     "properties": {"type": {"type": "string", "const": "square"}}}]},
        ]},
        "Input": {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]},
    }
    _, api = run(tmp_path, document({"/shapes": {"post": {
        "requestBody": {"content": {"application/json": {"schema": {"type": "object", "properties": {
            "input": ref("Input"), "count": {"type": "integer", "default": 3}}}}}},
        "responses": json_response(ref("Shape"))}}}, schemas))
    shape = api.alias("Shape").type
    assert isinstance(shape, Union) and shape.discriminator == "type"
    assert shape.variants == (ModelRef("ShapeCircle"), ModelRef("ShapeSquare"))
    assert [p.name for p in api.model("ShapeSquare").properties] == ["id", "type"]
    assert api.alias("Input").type == Union((Primitive("string"), Array(Primitive("string"))))
    method = only_method(api)
    assert (method.name, method.http_method) == ("create", "POST")
    assert {p.name: p.location for p in method.parameters} == {"input": "body", "count": "body"}


def test_multipart_binary_header_params_pages_and_admin_auth(tmp_path: Path) -> None:
    schemas = {"Item": {"type": "object", "properties": {"id": {"type": "string"}}},
               "ItemList": {"type": "object", "properties": {
                   "data": {"type": "array", "items": ref("Item")}, "has_more": {"type": "boolean"}}}}
    paths = {
        "/items": {
            "get": {"parameters": [{"name": "after", "in": "query", "schema": {"type": "string"}},
                                   {"name": "OpenAI-Beta", "in": "header", "schema": {"type": "string"}}],
                    "security": [{"AdminKey": []}], "responses": json_response(ref("ItemList"))},
            "post": {"requestBody": {"content": {"multipart/form-data": {"schema": {
                "type": "object", "required": ["file"], "properties": {
                    "file": {"type": "string", "format": "binary"},
                    "purpose": {"type": "string"}}}}}},
                "responses": json_response(ref("Item"))}},
        "/items/{item_id}/content": {"get": {
            "parameters": [{"name": "item_id", "in": "path", "required": True, "schema": {"type": "string"}}],
            "responses": {"200": {"description": "bytes",
                                  "content": {"application/octet-stream": {"schema": {"type": "string"}}}}}}},
    }
    doc = document(paths, schemas, securitySchemes={"ApiKey": {"type": "http", "scheme": "bearer"},
                                                    "AdminKey": {"type": "http", "scheme": "bearer"}})
    doc["security"] = [{"ApiKey": []}]
    result, api = run(tmp_path, doc)
    assert result.notes == ()
    items = {m.name: m for m in api.resources[0].methods}
    assert set(items) == {"list", "create", "content"}
    assert items["list"].page is not None and items["list"].returns == ModelRef("Item")
    assert items["list"].auth == "admin_key"  # `AdminKey`; OpenAI's `AdminApiKeyAuth` is `admin_api_key`
    assert [(s.name, s.env) for s in api.auth_schemes] == [("admin_key", "ACME_ADMIN_KEY")]
    assert items["list"].params_in("header")[0].name == "OpenAI-Beta"
    assert items["create"].body_encoding == "multipart"
    assert items["create"].params_in("body")[0].type == FileUpload()
    assert items["content"].returns == Binary()


def test_warnings_are_coded_and_located(tmp_path: Path) -> None:
    paths = {
        "/chat": {"post": {"requestBody": {"content": {"application/json": {"schema": {
            "type": "object", "properties": {"stream": {"type": "boolean"}, "q": {"type": "string"}}}}}},
            "responses": {"200": {"description": "ok", "content": {
                "application/json": {"schema": {"type": "object", "properties": {"a": {"type": "string"}}}},
                "text/event-stream": {"schema": {"type": "string"}}}}}}},
        "/chat?beta=true": {"get": {"responses": json_response({"type": "integer"})}},
    }
    result, api = run(tmp_path, document(paths, version="3.0.3"))
    assert [(n.code, n.location) for n in result.notes] == [
        ("W01", "#/paths/~1chat/post"), ("W02", "#/paths/~1chat?beta=true")]
    assert [p.name for m in api.all_resources() for x in m.methods for p in x.parameters] == ["q"]
    beta = next(r for r in api.resources if r.name == "beta")
    assert beta.resources[0].methods[0].path == "/chat"


def test_names_file_gives_method_names(tmp_path: Path) -> None:
    paths = {"/threads/runs": {"post": {"responses": json_response({"type": "integer"})}},
             "/threads/{thread_id}/runs": {"post": {
                 "parameters": [{"name": "thread_id", "in": "path", "required": True,
                                 "schema": {"type": "string"}}],
                 "responses": json_response({"type": "integer"})}}}
    result, api = run(tmp_path, document(paths))
    assert [n.code for n in result.notes] == ["W08"]
    result, api = run(tmp_path, document(paths), {"POST /threads/runs": "beta.threads.create_and_run",
                                                  "post /threads/{thread_id}/runs": "beta.threads.runs.create"})
    assert result.notes == ()
    beta = api.resources[0]
    assert beta.name == "beta" and [m.name for m in beta.resources[0].methods] == ["create_and_run"]
    assert beta.resources[0].resources[0].methods[0].name == "create"


def test_schema_names_become_pascal_case_and_unique(tmp_path: Path) -> None:
    schemas = {"Error-2": {"type": "object", "properties": {"m": {"type": "string"}}},
               "error_2": {"type": "object", "properties": {"n": {"type": "string"}}}}
    _, api = run(tmp_path, document({"/e": {"get": {"responses": json_response(
        {"type": "array", "items": {"anyOf": [ref("Error-2"), ref("error_2")]}})}}}, schemas))
    assert sorted(m.name for m in api.models) == ["Error2", "Error22"]


HOSTILE = "line one\n\"quoted\" 'single' #not-a-comment\n- item: {x}\n  indented: [y]\n*alias &anchor !tag %x @y `z`"


def test_untrusted_text_round_trips(tmp_path: Path) -> None:
    schemas = {"W": {"type": "object", "description": HOSTILE, "properties": {
        "k": {"type": "string", "enum": ["yes", "no", "null", "1.0", "- x", "a: b"], "description": HOSTILE + " "},
    }}}
    doc = document({"/w": {"get": {"summary": "x: y", "description": HOSTILE, "responses": json_response(ref("W"))}}},
                   schemas)
    result, api = run(tmp_path, doc)
    assert api.model("W").description == HOSTILE
    assert api.model("W").property("k").type == Enum(("yes", "no", "null", "1.0", "- x", "a: b"))
    assert only_method(api).description == HOSTILE
    again = import_openapi(tmp_path / "doc.json")
    assert again.text == result.text


def test_yaml_and_gzip_inputs_and_refusals(tmp_path: Path) -> None:
    import gzip

    import yaml

    doc = document({"/w": {"get": {"responses": json_response({"type": "integer"})}}})
    (tmp_path / "doc.yaml").write_text(yaml.safe_dump(doc), encoding="utf-8")
    (tmp_path / "doc.json.gz").write_bytes(gzip.compress(json.dumps(doc).encode()))
    assert import_openapi(tmp_path / "doc.yaml").text == import_openapi(tmp_path / "doc.json.gz").text
    (tmp_path / "swagger.json").write_text('{"swagger": "2.0"}', encoding="utf-8")
    with pytest.raises(DocumentError, match="not an OpenAPI 3.0 or 3.1"):
        import_openapi(tmp_path / "swagger.json")
    with pytest.raises(DocumentError, match="cannot be read"):
        import_openapi(tmp_path / "missing.json")


def test_malformed_documents_import_to_valid_specs() -> None:
    """Untrusted documents: a node replaced by a value of the wrong kind never crashes the import, and
    the spec it writes still validates (what cannot be kept is left out, with a warning)."""
    import copy
    import random

    import yaml

    base = yaml.safe_load((Path(__file__).parent / "specs" / "openapi" / "batch-excerpt.yaml").read_text())

    def slots(node: Any, out: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
        keys = list(node) if isinstance(node, dict) else range(len(node)) if isinstance(node, list) else []
        for key in keys:
            out.append((node, key))
            slots(node[key], out)
        return out

    junk: list[Any] = [None, 1, "x", [], {}, [1], {"a": 1}, True, {"$ref": "#/nope"}, {"type": "null"},
                       {"$ref": "#"}, {"type": ["null"]}, {"enum": [[1], {"a": 2}]}]
    rng = random.Random(15)
    for _ in range(150):
        doc = copy.deepcopy(base)
        places = slots(doc, [])
        for _ in range(3):
            parent, key = rng.choice(places)
            parent[key] = copy.deepcopy(rng.choice(junk))
        result = convert(Document(doc), {})
        build_api(load_spec_text(result.text.encode("utf-8"), "out.yaml"), "out.yaml")
