"""TypeScript target: names, types and the file list of the npm package."""

from __future__ import annotations

import json
from typing import Any

from generator.diagnostics import Diagnostic
from generator.ir import Api, Array, Const, Enum, InlineObject, Map, ModelRef, Primitive, Resource, Type
from generator.naming import camel_case, pascal_case, reserved_words, snake_case
from generator.targets.base import OutputFile, Target
from generator.targets.common import collisions

_PRIMITIVES = {"string": "string", "integer": "number", "number": "number", "boolean": "boolean"}


def binding(name: str) -> str:
    """A parameter or variable name: camelCase with `ID` kept upper case, as the official SDK does."""
    ident = camel_case(name)
    if ident.endswith("Id"):
        ident = ident[:-2] + "ID"
    return ident + "_" if ident in reserved_words("typescript") else ident


def string_literal(text: str) -> str:
    """A JSON string is a valid TS string literal; U+2028/9 and `<` are escaped for safety anywhere."""
    return json.dumps(text, ensure_ascii=False).replace("\u2028", "\\u2028").replace("\u2029", "\\u2029") \
        .replace("<", "\\u003c")


def jsdoc(text: str) -> str:
    """Text for a JSDoc block: `*/` can never close it early."""
    clean = "".join(c if c == "\n" or (ord(c) >= 0x20 and c not in "\x7f\u2028\u2029") else " " for c in text)
    return clean.replace("*/", "*\\/").replace("\n", "\n * ")


def property_key(name: str) -> str:
    return name if name.isidentifier() and name.isascii() else string_literal(name)


def ts_type(t: Type, nullable: bool = False) -> str:
    if isinstance(t, Primitive):
        text = _PRIMITIVES[t.kind]
    elif isinstance(t, Const):
        text = string_literal(t.value) if isinstance(t.value, str) else json.dumps(t.value)
    elif isinstance(t, Enum):
        text = " | ".join(string_literal(v) for v in t.values) or "string"
    elif isinstance(t, Array):
        inner = ts_type(t.items)
        text = f"Array<{inner}>"
    elif isinstance(t, Map):
        text = f"{{ [key: string]: {ts_type(t.values)} }}"
    elif isinstance(t, InlineObject):
        text = ".".join(pascal_case(p) for p in t.path)
    else:
        assert isinstance(t, ModelRef)
        text = t.name
    return f"{text} | null" if nullable else text


class TypeScriptTarget(Target):
    name = "typescript"
    filters = {"tsstr": string_literal, "jsdoc": jsdoc}

    def check(self, api: Api) -> list[Diagnostic]:
        problems = collisions("typescript", [(m.name, pascal_case(m.name), m.location) for m in api.models],
                              "model")
        for resource in api.all_resources():
            problems += collisions("typescript", [(m.name, camel_case(m.name), m.location) for m in resource.methods],
                                   f"method of `{resource.name}`")
        return problems

    def files(self, api: Api) -> list[OutputFile]:
        package = api.package("typescript")
        common = {"api": api, "package": package}
        files = [
            OutputFile("package.json", "package.json.j2", common),
            OutputFile("tsconfig.json", "tsconfig.json.j2", common),
            OutputFile("src/index.ts", "index.ts.j2", {
                **common,
                "resources": [self.resource_context(r) for r in api.resources],
                "models": [self.model_context(api, m.name) for m in api.models],
            }),
        ]
        return files

    def model_context(self, api: Api, name: str) -> dict[str, Any]:
        model = api.model(name)

        def fields(props: Any) -> list[dict[str, Any]]:
            return [{"key": property_key(p.name), "optional": not p.required,
                     "type": ts_type(p.type, p.nullable), "description": p.description} for p in props]

        nested = [{"name": pascal_case(p.type.path[-1]), "fields": fields(p.type.properties),
                   "description": p.type.description or p.description}
                  for p in model.properties if isinstance(p.type, InlineObject)]
        return {"name": pascal_case(model.name), "description": model.description,
                "fields": fields(model.properties), "nested": nested}

    def resource_context(self, resource: Resource) -> dict[str, Any]:
        methods = []
        for m in resource.methods:
            methods.append({"name": camel_case(m.name), "http_method": m.http_method, "path": m.path,
                            "summary": m.summary, "description": m.description,
                            "params": [(binding(p.name), p.name, ts_type(p.type)) for p in m.path_params],
                            "returns": ts_type(m.returns) if m.returns else "void"})
        return {"name": pascal_case(resource.name), "attr": camel_case(resource.name),
                "description": resource.description, "methods": methods, "file": snake_case(resource.name)}
