"""Reading an OpenAPI document (JSON or YAML, optionally gzipped) and following its local `$ref`s."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import yaml  # type: ignore[import-untyped]  # no stubs: types-PyYAML is not a dependency

from generator.openapi.notes import escape

Json = Any  # a decoded JSON value: dict, list, str, int, float, bool or None


class DocumentError(Exception):
    """The document cannot be read as OpenAPI 3.0/3.1."""


def read_document(path: str | Path) -> Json:
    """The decoded document; JSON when it parses as JSON, YAML otherwise."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise DocumentError(f"{path}: cannot be read: {exc.strerror or exc}") from exc
    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as exc:
            raise DocumentError(f"{path}: not a valid gzip file: {exc}") from exc
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DocumentError(f"{path}: not UTF-8 text") from exc
    doc: Json
    try:
        doc = json.loads(text)
    except ValueError:
        try:
            loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
            doc = yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader
        except yaml.YAMLError as exc:
            raise DocumentError(f"{path}: neither JSON nor YAML: {exc}") from exc
    if not isinstance(doc, dict) or not str(doc.get("openapi", "")).startswith("3."):
        raise DocumentError(f"{path}: not an OpenAPI 3.0 or 3.1 document (no `openapi: 3.x` key)")
    return doc


class Document:
    """The decoded document with JSON pointer look-ups."""

    def __init__(self, doc: Json) -> None:
        self.doc = doc
        self.version = str(doc.get("openapi", ""))
        components = as_dict(doc.get("components"))
        self.schemas: dict[str, Json] = as_dict(components.get("schemas"))

    def lookup(self, ref: str) -> Json | None:
        """The value a local `$ref` points at, or None when it points nowhere (or outside the file)."""
        if not ref.startswith("#"):
            return None
        node: Json = self.doc
        for raw in ref[1:].split("/")[1:]:
            token = raw.replace("~1", "/").replace("~0", "~")
            if isinstance(node, dict) and token in node:
                node = node[token]
            elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
                node = node[int(token)]
            else:
                return None
        return node

    def deref(self, node: Json, where: str) -> tuple[Json, str]:
        """Follow `$ref`s (of parameters, responses, bodies) to the value and its pointer."""
        seen = 0
        while isinstance(node, dict) and isinstance(node.get("$ref"), str) and seen < 32:
            target = self.lookup(node["$ref"])
            if target is None:
                return {}, where
            where, node, seen = node["$ref"], target, seen + 1
        return node, where


def schema_name(ref: str) -> str | None:
    """The component name of a `#/components/schemas/Name` reference, else None."""
    prefix = "#/components/schemas/"
    if ref.startswith(prefix) and "/" not in ref[len(prefix):]:
        return ref[len(prefix):].replace("~1", "/").replace("~0", "~")
    return None


def child(where: str, *tokens: str | int) -> str:
    return where + "".join("/" + escape(str(t)) for t in tokens)


def as_dict(value: Json) -> dict[str, Any]:
    """`value` when it is a mapping, else an empty one: a malformed document never crashes the import."""
    return value if isinstance(value, dict) else {}


def as_list(value: Json) -> list[Any]:
    return value if isinstance(value, list) else []
