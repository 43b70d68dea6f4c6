"""Python target: names, type annotations and the file list of the Python SDK."""

from __future__ import annotations

from typing import Any

from generator.diagnostics import Diagnostic
from generator.ir import (
    Api, Array, Const, Enum, InlineObject, Map, Method, Model, ModelRef, Primitive, Property, Resource, Type,
)
from generator.formatting import format_python
from generator.naming import pascal_case, reserved_words, snake_case
from generator.targets.base import OutputFile, Target
from generator.targets.common import collisions

_PRIMITIVES = {"string": "str", "integer": "int", "number": "float", "boolean": "bool"}


def identifier(name: str) -> str:
    """A Python identifier for a spec name: snake_case, with `_` appended to keywords."""
    ident = snake_case(name) or "_"
    return ident + "_" if ident in reserved_words("python") else ident


def string_literal(text: str) -> str:
    """A double-quoted Python string literal that reads back as `text`, whatever it holds."""
    out = []
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ord(ch) < 0x20 or ch in "\x7f\u2028\u2029" or 0xD800 <= ord(ch) <= 0xDFFF:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def docstring(text: str) -> str:
    """Body of a triple-quoted docstring: nothing in `text` can close it or start an escape."""
    safe = text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"').replace("\r", "")
    safe = "".join(ch if ch in "\n\t" or (ord(ch) >= 0x20 and ch not in "\x7f\u2028\u2029") else " " for ch in safe)
    # A quote right before the closing quotes would end the docstring early.
    return safe[:-1] + '\\"' if safe.endswith('"') else safe


def class_name(path: tuple[str, ...]) -> str:
    return ".".join(pascal_case(p) for p in path)


def annotation(t: Type, nullable: bool = False) -> str:
    if isinstance(t, Primitive):
        text = _PRIMITIVES[t.kind]
    elif isinstance(t, Const):
        text = f"Literal[{_literal(t.value)}]"
    elif isinstance(t, Enum):
        text = f"Literal[{', '.join(string_literal(v) for v in t.values)}]" if t.values else "str"
    elif isinstance(t, Array):
        text = f"List[{annotation(t.items)}]"
    elif isinstance(t, Map):
        text = f"Dict[str, {annotation(t.values)}]"
    elif isinstance(t, InlineObject):
        text = pascal_case(t.path[-1])  # nested classes are referenced from inside their parent
    else:
        assert isinstance(t, ModelRef)
        text = t.name
    return f"Optional[{text}]" if nullable else text


def _literal(value: str | int | bool) -> str:
    return string_literal(value) if isinstance(value, str) else repr(value)


def referenced_models(t: Type) -> set[str]:
    if isinstance(t, ModelRef):
        return {t.name}
    if isinstance(t, Array):
        return referenced_models(t.items)
    if isinstance(t, Map):
        return referenced_models(t.values)
    if isinstance(t, InlineObject):
        return set().union(*(referenced_models(p.type) for p in t.properties)) if t.properties else set()
    return set()


class PythonTarget(Target):
    name = "python"
    filters = {"pystr": string_literal, "docstring": docstring}

    def check(self, api: Api) -> list[Diagnostic]:
        problems = collisions("python", [(m.name, pascal_case(m.name), m.location) for m in api.models], "model")
        problems += collisions("python", [(m.name, snake_case(m.name), m.location) for m in api.models],
                               "model module")
        for model in api.models:
            problems += collisions("python", [(p.name, identifier(p.name), p.location) for p in model.properties],
                                   f"property of `{model.name}`")
        for resource in api.all_resources():
            problems += collisions("python", [(m.name, identifier(m.name), m.location) for m in resource.methods],
                                   f"method of `{resource.name}`")
        return problems

    def files(self, api: Api) -> list[OutputFile]:
        package = api.package("python")
        module = snake_case(package.name)
        src = f"src/{module}"
        common = {"api": api, "package": package, "module": module}
        files = [
            OutputFile("pyproject.toml", "pyproject.toml.j2", common),
            OutputFile(f"{src}/py.typed", text=""),
            OutputFile(f"{src}/__init__.py", "__init__.py.j2", common),
            OutputFile(f"{src}/_client.py", "_client.py.j2", {**common, "client": self.client_context(api)}),
            OutputFile(f"{src}/types/__init__.py", "types_init.py.j2",
                       {**common, "models": [(snake_case(m.name), m.name) for m in api.models]}),
            OutputFile(f"{src}/resources/__init__.py", text=""),
        ]
        for model in api.models:
            files.append(OutputFile(f"{src}/types/{snake_case(model.name)}.py", "model.py.j2",
                                    {**common, "model": self.model_context(model)}))
        for resource in api.resources:
            files.append(OutputFile(f"{src}/resources/{snake_case(resource.name)}.py", "resource.py.j2",
                                    {**common, "resource": self.resource_context(resource)}))
        return files

    def format(self, path: str, text: str) -> str:
        if not path.endswith(".py"):
            return text
        return format_python(text)

    # ------------------------------------------------------------ contexts

    def client_context(self, api: Api) -> dict[str, Any]:
        return {
            "class_name": pascal_case(api.name) if api.name != api.name.upper() else api.name,
            "resources": [(identifier(r.name), pascal_case(r.name), snake_case(r.name)) for r in api.resources],
        }

    def model_context(self, model: Model) -> dict[str, Any]:
        imports = sorted(referenced_models_of(model) - {model.name})
        return {"class": self.class_context(model.name, model.description, model.properties),
                "imports": [(snake_case(n), n) for n in imports]}

    def class_context(self, name: str, description: str, props: tuple[Property, ...]) -> dict[str, Any]:
        nested = [self.class_context(pascal_case(p.type.path[-1]), p.type.description or p.description,
                                     p.type.properties)
                  for p in props if isinstance(p.type, InlineObject)]
        fields = []
        for p in props:
            optional = p.nullable or not p.required
            fields.append({
                "name": identifier(p.name),
                "alias": p.name if identifier(p.name) != p.name else None,
                "annotation": annotation(p.type, optional),
                "default": " = None" if optional else "",
                "description": p.description,
            })
        return {"name": name, "description": description, "fields": fields, "nested": nested}

    def resource_context(self, resource: Resource) -> dict[str, Any]:
        return {
            "class_name": pascal_case(resource.name),
            "description": resource.description,
            "methods": [self.method_context(m) for m in resource.methods],
            "imports": sorted({n for m in resource.methods if m.returns for n in referenced_models(m.returns)}),
        }

    def method_context(self, method: Method) -> dict[str, Any]:
        path_params = [(identifier(p.name), p.name) for p in method.path_params]
        return {
            "name": identifier(method.name),
            "http_method": method.http_method,
            "path": method.path,
            "summary": method.summary,
            "description": method.description,
            "params": [{"name": identifier(p.name), "annotation": annotation(p.type), "wire": p.name}
                       for p in method.path_params],
            "path_params": path_params,
            "returns": annotation(method.returns) if method.returns else "None",
        }


def referenced_models_of(model: Model) -> set[str]:
    return set().union(*(referenced_models(p.type) for p in model.properties)) if model.properties else set()
