"""TypeScript target: names, types and the file list of the npm package.

The generated package has no runtime dependency (global `fetch`, Node >= 18) and mirrors the public
surface of the official openai-node package for the operations of the spec. The output must pass
`prettier --check` with the generated `.prettierrc.json` (single quotes, print width 110), so the few
constructs whose layout depends on their length (string literals, unions, signatures, import lists)
are laid out here, the way prettier would lay them out; templates keep everything else expanded.
"""

from __future__ import annotations

import json
import re
import textwrap
from dataclasses import dataclass
from typing import Any, Iterable

from generator.diagnostics import Diagnostic
from generator.render import TEMPLATES_DIR
from generator.ir import (
    Api, Array, Const, Enum, InlineObject, Location, Map, Method, ModelRef, Parameter, Primitive, Property,
    Resource, Type,
)
from generator.naming import camel_case, pascal_case, reserved_words, words
from generator.targets.base import OutputFile, Target
from generator.targets.common import collisions

PRINT_WIDTH = 110  # must match templates/typescript/prettierrc.json.j2
INDENT = "  "
JSDOC_WIDTH = 96
_PRIMITIVES = {"string": "string", "integer": "number", "number": "number", "boolean": "boolean"}
_IDENTIFIER = re.compile(r"^[A-Za-z_$][A-Za-z0-9_$]*$")

# Names the package itself exports or relies on: a model or resource named like one of them would
# shadow it. The client class and its base error are added per spec (`<Name>`, `<Name>Error`).
CORE_NAMES = frozenset({
    "APIError", "APIConnectionError", "APIConnectionTimeoutError", "APIUserAbortError",
    "APIResponseValidationError", "BadRequestError", "AuthenticationError", "PermissionDeniedError",
    "NotFoundError", "ConflictError", "UnprocessableEntityError", "RateLimitError", "InternalServerError",
    "APIPromise", "APIResource", "ClientOptions", "RequestOptions", "Fetch", "HeadersLike", "WithRequestID",
    "VERSION", "Array", "Promise", "Record", "Response", "Headers", "AbortSignal", "AbortController",
    "Error", "Object", "String", "Number", "Boolean", "JSON", "URL", "Date", "Math",
})

# Each HTTP status error class, as in the official SDKs; everything else is a plain APIError
# (or InternalServerError from 500 up).
STATUS_ERRORS = (
    (400, "BadRequestError"), (401, "AuthenticationError"), (403, "PermissionDeniedError"),
    (404, "NotFoundError"), (409, "ConflictError"), (422, "UnprocessableEntityError"), (429, "RateLimitError"),
)


# ---------------------------------------------------------------- escaping


def string_literal(text: str) -> str:
    """A TS string literal reading back as `text`, quoted the way prettier quotes it.

    Prettier (singleQuote) picks single quotes unless the text holds more single than double
    quotes; only the chosen quote is escaped. Line terminators and control characters are escaped
    so that nothing can end the literal or the line early.
    """
    quote = '"' if text.count("'") > text.count('"') else "'"
    out = []
    for ch in text:
        if ch == "\\" or ch == quote:
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20 or ch in "\x7f\u2028\u2029" or 0xD800 <= ord(ch) <= 0xDFFF:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return quote + "".join(out) + quote


def json_literal(text: str) -> str:
    """A JSON string (package.json, tsconfig.json)."""
    return json.dumps(text, ensure_ascii=False).replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def jsdoc_lines(text: str) -> list[str]:
    """The lines of a JSDoc block for `text`: `*/` can never close the comment early."""
    clean = "".join(c if c == "\n" or (ord(c) >= 0x20 and c not in "\x7f\u2028\u2029") else " " for c in text)
    # `@` starting a word would begin a JSDoc tag (`@deprecated`, `{@link}`); inside a word it is text.
    clean = re.sub(r"(^|[\s{])@", r"\1\\@", clean.replace("*/", "*\\/"))
    lines: list[str] = []
    for line in clean.strip().split("\n"):
        # Wrapped for reading; prettier leaves comments as they are.
        lines += textwrap.wrap(line, width=JSDOC_WIDTH, break_long_words=False, break_on_hyphens=False) or [""]
    return lines


def jsdoc(text: str, indent: str = "", deprecated: bool = False) -> str:
    """A whole JSDoc block, indented; empty when there is nothing to say."""
    lines = jsdoc_lines(text) if text.strip() else []
    if deprecated:
        lines += ([""] if lines else []) + ["@deprecated"]
    if not lines:
        return ""
    body = "\n".join(f"{indent} *" + (f" {line}" if line else "") for line in lines)
    return f"{indent}/**\n{body}\n{indent} */\n"


def markdown_text(text: str) -> str:
    """Spec text as Markdown prose: HTML and Markdown markup cannot take effect."""
    out = []
    for ch in " ".join(text.split()):
        if ch in "\\`*_[]#|~":
            out.append("\\" + ch)
        elif ch in "<>&":
            out.append({"<": "&lt;", ">": "&gt;", "&": "&amp;"}[ch])
        else:
            out.append(ch)
    return "".join(out)


# ---------------------------------------------------------------- names


def binding(name: str) -> str:
    """A parameter or variable name: camelCase with `ID` kept upper case, as the official SDK does."""
    ident = camel_case(name)
    if ident.endswith("Id"):
        ident = ident[:-2] + "ID"
    return ident + "_" if ident in reserved_words("typescript") else ident


def property_key(name: str) -> str:
    return name if _IDENTIFIER.match(name) else string_literal(name)


def member(obj: str, key: str) -> str:
    return f"{obj}.{key}" if _IDENTIFIER.match(key) else f"{obj}[{string_literal(key)}]"


def kebab_case(name: str) -> str:
    return "-".join(words(name))


def singular(name: str) -> str:
    """`batches` -> `batch`, `widgets` -> `widget`: type names of a resource read as the official ones."""
    if name.endswith("ies") and len(name) > 4:
        return name[:-3] + "y"
    if name.endswith(("ches", "shes", "sses", "xes")):
        return name[:-2]
    if name.endswith("s") and not name.endswith("ss") and len(name) > 1:
        return name[:-1]
    return name


def type_name(path: tuple[str, ...]) -> str:
    """The name of a model or of an inline object: `Batch`, `Batch.Errors`."""
    return ".".join([path[0], *(pascal_case(p) for p in path[1:])])


def params_argument(method: Method) -> str:
    """The name of the argument holding query and body parameters, as in the official SDK."""
    if method.params_in("query") and method.params_in("body"):
        return "params"
    return "query" if method.params_in("query") else "body"


def params_type_name(path: tuple[str, ...], method: Method) -> str:
    return "".join(pascal_case(singular(p)) for p in path) + pascal_case(method.name) + "Params"


# ---------------------------------------------------------------- types and layout


def type_parts(t: Type) -> list[str]:
    """The members of a type's union (one member for anything but an enum)."""
    if isinstance(t, Primitive):
        return [_PRIMITIVES[t.kind]]
    if isinstance(t, Const):
        return [string_literal(t.value) if isinstance(t.value, str) else json.dumps(t.value)]
    if isinstance(t, Enum):
        return [string_literal(v) for v in t.values] or ["string"]
    if isinstance(t, Array):
        return [f"Array<{ts_type(t.items)}>"]
    if isinstance(t, Map):
        return [f"{{ [key: string]: {ts_type(t.values)} }}"]
    if isinstance(t, InlineObject):
        return [type_name(t.path)]
    assert isinstance(t, ModelRef)
    return [t.name]


def ts_type(t: Type, nullable: bool = False) -> str:
    return " | ".join(type_parts(t) + (["null"] if nullable else []))


def typed_line(indent: str, head: str, parts: list[str], tail: str) -> str:
    """`head` + a union + `tail` on one line, or the union broken one member per line, as prettier does."""
    union = " | ".join(parts)
    line = f"{indent}{head} {union}{tail}"
    if len(line) <= PRINT_WIDTH or len(parts) < 2:
        return line
    # Prettier first breaks after the colon; only a union that still does not fit goes one per line.
    next_line = f"{indent}{INDENT}{union}{tail}"
    if len(next_line) <= PRINT_WIDTH:
        return f"{indent}{head}\n{next_line}"
    members = "\n".join(f"{indent}{INDENT}| {p}" for p in parts)
    return f"{indent}{head}\n{members}{tail}"


def call_line(indent: str, head: str, args: list[str], tail: str) -> str:
    """`head(args)tail` on one line, or one argument per line with a trailing comma."""
    line = f"{indent}{head}({', '.join(args)}){tail}"
    if len(line) <= PRINT_WIDTH or not args:
        return line
    inner = "".join(f"{indent}{INDENT}{a},\n" for a in args)
    return f"{indent}{head}(\n{inner}{indent}){tail}"


def generic_union_line(indent: str, head: str, generic: str, parts: list[str], tail: str) -> str:
    """`head Generic<a | b>tail`; too long, the type argument goes on its own lines, as prettier does."""
    union = " | ".join(parts)
    line = f"{indent}{head} {generic}<{union}>{tail}"
    if len(line) <= PRINT_WIDTH or len(parts) < 2:
        return line
    inner = f"{indent}{INDENT}{union}"
    if len(inner) > PRINT_WIDTH:
        inner = "\n".join(f"{indent}{INDENT}| {p}" for p in parts)
    return f"{indent}{head} {generic}<\n{inner}\n{indent}>{tail}"


def assign_line(indent: str, head: str, value: str, tail: str) -> str:
    """`head value` on one line, or broken after `head` (an `=` or `=>`) with `value` indented."""
    line = f"{indent}{head} {value}{tail}"
    if len(line) <= PRINT_WIDTH:
        return line
    return f"{indent}{head}\n{indent}{INDENT}{value}{tail}"


def initializer_line(indent: str, lhs: str, callee: str, args: list[str]) -> str:
    """`lhs = new Callee(args);` laid out as prettier's "fluid" assignment: the arguments break when
    `lhs = new Callee(` fits on the line, otherwise the line breaks after `=`."""
    line = f"{indent}{lhs} = {callee}({', '.join(args)});"
    if len(line) <= PRINT_WIDTH:
        return line
    if len(f"{indent}{lhs} = {callee}(") <= PRINT_WIDTH:
        return call_line(indent, f"{lhs} = {callee}", args, ";")
    return f"{indent}{lhs} =\n" + call_line(indent + INDENT, callee, args, ";")


def braced_line(indent: str, head: str, names: list[str], tail: str) -> str:
    """`head { a, b }tail` (imports, exports) on one line, or one name per line."""
    line = f"{indent}{head} {{ {', '.join(names)} }}{tail}"
    if len(line) <= PRINT_WIDTH or len(names) == 1:  # prettier never breaks a single specifier
        return line
    inner = "".join(f"{indent}{INDENT}{n},\n" for n in names)
    return f"{indent}{head} {{\n{inner}{indent}}}{tail}"


def referenced_models(t: Type) -> list[str]:
    if isinstance(t, ModelRef):
        return [t.name]
    if isinstance(t, Array):
        return referenced_models(t.items)
    if isinstance(t, Map):
        return referenced_models(t.values)
    if isinstance(t, InlineObject):
        return [name for p in t.properties for name in referenced_models(p.type)]
    return []


# ---------------------------------------------------------------- the file plan


@dataclass(frozen=True)
class ResourceFile:
    resource: Resource
    path: tuple[str, ...]  # resource names from the top, e.g. ("widgets", "parts")

    @property
    def module(self) -> str:
        """Module path under src/ without extension: resources/widgets/parts."""
        return "/".join(["resources", *(kebab_case(p) for p in self.path)])

    @property
    def class_name(self) -> str:
        return pascal_case(self.path[-1])


def resource_files(api: Api) -> list[ResourceFile]:
    out: list[ResourceFile] = []

    def walk(resources: tuple[Resource, ...], prefix: tuple[str, ...]) -> None:
        for resource in resources:
            out.append(ResourceFile(resource, (*prefix, resource.name)))
            walk(resource.resources, (*prefix, resource.name))

    walk(api.resources, ())
    return out


def model_homes(api: Api, files: list[ResourceFile]) -> dict[str, str]:
    """The module that declares each model: the first resource (depth first) that uses it.

    Models no method reaches live in `resources/shared`.
    """
    homes: dict[str, str] = {}
    for rf in files:
        pending = [name for m in rf.resource.methods for p in m.parameters for name in referenced_models(p.type)]
        pending += [name for m in rf.resource.methods if m.returns for name in referenced_models(m.returns)]
        while pending:
            name = pending.pop(0)
            if name in homes:
                continue
            homes[name] = rf.module
            pending += [n for p in api.model(name).properties for n in referenced_models(p.type)]
    for model in api.models:
        homes.setdefault(model.name, "resources/shared")
    return homes


def relative_import(from_module: str, to_module: str) -> str:
    """An ESM import specifier (with `.js`, as NodeNext resolution needs) from one module to another."""
    src = from_module.split("/")[:-1]
    dst = to_module.split("/")
    common = 0
    while common < len(src) and common < len(dst) - 1 and src[common] == dst[common]:
        common += 1
    ups = len(src) - common
    rel = "/".join([".."] * ups + dst[common:])
    return (rel if ups else "./" + rel) + ".js"


def dev_dependencies() -> dict[str, Any]:
    """The pinned devDependencies of the generated package and their lock entries (a data file that
    mirrors tests/toolchains/typescript/package-lock.json, so the tests use the very same versions)."""
    data: dict[str, Any] = json.loads((TEMPLATES_DIR / "typescript" / "dev-dependencies.lock.json")
                                      .read_text(encoding="utf-8"))
    return data


def package_lock(name: str, version: str) -> str:
    """package-lock.json as `npm install` writes it for the generated package.json."""
    deps = dev_dependencies()
    root = {"name": name, "version": version, "license": "UNLICENSED",
            "devDependencies": deps["devDependencies"], "engines": {"node": ">=18"}}
    lock = {"name": name, "version": version, "lockfileVersion": 3, "requires": True,
            "packages": {"": root, **deps["packages"]}}
    return json.dumps(lock, indent=2, ensure_ascii=False)


class TypeScriptTarget(Target):
    name = "typescript"
    filters = {"tsstr": string_literal, "json": json_literal, "jsdoc": jsdoc, "md": markdown_text}

    # -------------------------------------------------------------- checks

    def check(self, api: Api) -> list[Diagnostic]:
        problems: list[Diagnostic] = []
        # Every name the package exports: a spec name may not take one the package already uses.
        exported: dict[str, str] = {name: "a name of the package itself" for name in CORE_NAMES}
        exported[f"{api.name}Error"] = "the base error class"
        exported[api.name] = "the client class"

        def export(ident: str, what: str, where: Location) -> None:
            if ident in exported:
                problems.append(Diagnostic(where, "E204", f"{what} becomes `{ident}` in typescript, "
                                           f"which is already {exported[ident]}", "rename it in the spec"))
            else:
                exported[ident] = what

        for model in api.models:
            export(model.name, f"model `{model.name}`", model.location)
        for rf in resource_files(api):
            export(rf.class_name, f"resource `{'.'.join(rf.path)}`", rf.resource.location)
            for m in rf.resource.methods:
                if self.non_path_params(m):
                    export(params_type_name(rf.path, m), f"the parameters of `{'.'.join(rf.path)}.{m.name}`",
                           m.location)
            members = [("(built-in) constructor", "constructor", rf.resource.location)]
            members += [(r.name, camel_case(r.name), r.location) for r in rf.resource.resources]
            members += [(m.name, camel_case(m.name), m.location) for m in rf.resource.methods]
            problems += collisions("typescript", members, f"member of `{rf.resource.name}`")
            for m in rf.resource.methods:
                names = [("(built-in) options", "options", m.location)]
                if self.non_path_params(m):
                    names.append((f"(built-in) {params_argument(m)}", params_argument(m), m.location))
                names += [(p.name, binding(p.name), p.source) for p in m.path_params]
                problems += collisions("typescript", names, f"parameter of `{m.name}`")
        return problems

    # -------------------------------------------------------------- files

    def files(self, api: Api) -> list[OutputFile]:
        package = api.package("typescript")
        rfiles = resource_files(api)
        homes = model_homes(api, rfiles)
        client = self.client_context(api, rfiles, homes)
        common = {"api": api, "package": package, "client": client, "status_errors": STATUS_ERRORS,
                  "dev_dependencies": sorted(dev_dependencies()["devDependencies"].items()),
                  "lock": package_lock(package.name, package.version),
                  "typescript_version": dev_dependencies()["devDependencies"]["typescript"]}
        files = [
            OutputFile("package.json", "package.json.j2", common),
            OutputFile("package-lock.json", "package-lock.json.j2", common),
            OutputFile("tsconfig.json", "tsconfig.json.j2", common),
            OutputFile(".prettierrc.json", "prettierrc.json.j2", common),
            OutputFile(".prettierignore", "prettierignore.j2", common),
            OutputFile(".gitignore", "gitignore.j2", common),
            OutputFile("README.md", "README.md.j2", {**common, "example": self.example(api, rfiles)}),
            OutputFile("api.md", "api.md.j2", {**common, "sections": self.api_sections(api, rfiles, homes)}),
            OutputFile("src/version.ts", "version.ts.j2", common),
            OutputFile("src/core/error.ts", "error.ts.j2", common),
            OutputFile("src/core/api-promise.ts", "api-promise.ts.j2", common),
            OutputFile("src/core/resource.ts", "resource.ts.j2", common),
            OutputFile("src/internal/env.ts", "env.ts.j2", common),
            OutputFile("src/internal/headers.ts", "headers.ts.j2", common),
            OutputFile("src/internal/path.ts", "path.ts.j2", common),
            OutputFile("src/internal/query.ts", "query.ts.j2", common),
            OutputFile("src/internal/retry.ts", "retry.ts.j2", common),
            OutputFile("src/internal/timers.ts", "timers.ts.j2", common),
            OutputFile("src/client.ts", "client.ts.j2", common),
            OutputFile("src/index.ts", "index.ts.j2", {**common, "exports": self.index_exports(api, rfiles, homes)}),
        ]
        modules: dict[str, dict[str, Any]] = {}
        for rf in rfiles:
            modules[rf.module] = self.resource_context(api, rf, rfiles, homes)
        if "resources/shared" in homes.values():
            modules["resources/shared"] = self.module_context(api, "resources/shared", None, homes, [])
        for module, context in modules.items():
            files.append(OutputFile(f"src/{module}.ts", "resource.module.ts.j2", {**common, "module": context}))
        return files

    # -------------------------------------------------------------- contexts

    def module_types(self, api: Api, module: str, rfiles: list[ResourceFile], homes: dict[str, str]) -> list[str]:
        """The types a module exports: its models, then its methods' parameter types."""
        names = [m.name for m in api.models if homes[m.name] == module]
        rf = next((r for r in rfiles if r.module == module), None)
        if rf is not None:
            names += [params_type_name(rf.path, m) for m in rf.resource.methods if self.non_path_params(m)]
        return names

    def client_context(self, api: Api, rfiles: list[ResourceFile], homes: dict[str, str]) -> dict[str, Any]:
        top = [rf for rf in rfiles if len(rf.path) == 1]
        modules = [rf.module for rf in rfiles] + (["resources/shared"] if "resources/shared" in homes.values() else [])
        imports: list[str] = []
        namespace: list[str] = []
        for module in modules:
            rf = next((r for r in rfiles if r.module == module), None)
            types = self.module_types(api, module, rfiles, homes)
            source = f" from {string_literal(relative_import('client', module))};"
            if rf is not None and len(rf.path) == 1:
                imports.append(braced_line("", "import", [rf.class_name, *(f"type {t}" for t in types)], source))
            elif rf is not None or types:
                imports.append(braced_line("", "import type", [*([rf.class_name] if rf else []), *types], source))
            exported = ([f"{rf.class_name} as {rf.class_name}"] if rf and len(rf.path) == 1 else [])
            exported += [f"type {rf.class_name} as {rf.class_name}"] if rf and len(rf.path) > 1 else []
            exported += [f"type {t} as {t}" for t in types]
            if exported:
                namespace.append(braced_line(INDENT, "export", exported, ";"))
        return {
            "imports": imports,
            "namespace": namespace,
            "static_resources": [assign_line("", f"{api.name}.{rf.class_name} =", rf.class_name, ";") for rf in top],
            "namespace_example": f"{api.name}.{top[0].class_name}" if top else f"{api.name}.RequestOptions",
            "name": api.name,
            "base_error": f"{api.name}Error",
            "options": [{"name": camel_case(o.name), "header": o.header, "env": o.env,
                         "description": o.description} for o in api.client_options],
            "timeout_ms": round(api.timeout_seconds * 1000),
            "user_agent": f"{api.name}/JS ",
            "missing_key_throw": call_line(
                INDENT * 3, f"throw new {api.name}Error",
                [string_literal(f"The {api.api_key_env} environment variable is missing or empty; either provide it, "
                                f"or instantiate the {api.name} client with an apiKey option, like "
                                f"new {api.name}({{ apiKey: 'My API Key' }}).")], ";"),
            "resources": [{
                "field": initializer_line(INDENT, f"{camel_case(rf.path[-1])}: {rf.class_name}",
                                          f"new {rf.class_name}", ["this"]),
                "description": rf.resource.description} for rf in top],
            "static_base_error": assign_line(INDENT, f"static {api.name}Error =", f"{api.name}Error", ";"),
            "index_client_export": braced_line("", "export", [f"{api.name} as default", api.name],
                                               " from './client.js';"),
        }

    @staticmethod
    def non_path_params(m: Method) -> tuple[Parameter, ...]:
        return m.params_in("query") + m.params_in("body")

    def method_context(self, api: Api, rf: ResourceFile, m: Method) -> dict[str, Any]:
        indent = INDENT
        args = [f"{binding(p.name)}: {ts_type(p.type)}" for p in m.path_params]
        others = self.non_path_params(m)
        params_var = None
        params_type = None
        if others:
            params_var = params_argument(m)
            params_type = params_type_name(rf.path, m)
            required = any(p.required for p in others)
            args.append(f"{params_var}: {params_type}" + ("" if required else " = {}"))
        args.append("options?: RequestOptions")
        returns = ts_type(m.returns) if m.returns is not None else "void"
        path_expr = m.path
        for p in m.path_params:
            path_expr = path_expr.replace("{" + p.name + "}",
                                          "${pathParam(" + string_literal(binding(p.name)) + ", "
                                          + string_literal(p.name) + ", " + binding(p.name) + ")}")
        path_expr = path_expr.replace("\\", "\\\\").replace("`", "\\`")
        return {
            "name": camel_case(m.name),
            "doc": jsdoc(m.description or m.summary, indent, m.deprecated),
            "signature": call_line(indent, camel_case(m.name), args, f": APIPromise<{returns}> {{"),
            "http_method": m.http_method.lower(),
            "path_line": assign_line(INDENT * 3, "path: () =>", f"`{path_expr}`", ","),
            "has_path_params": bool(m.path_params),
            "returns": returns,
            "expects": "void" if m.returns is None else ("array" if isinstance(m.returns, Array) else "object"),
            "query": [(property_key(p.name), member(params_var or "", p.name)) for p in m.params_in("query")],
            "body": [(property_key(p.name), member(params_var or "", p.name)) for p in m.params_in("body")],
            "params_type": params_type,
            "params_fields": [self.field(p.name, p.type, p.required, p.nullable, p.description, p.deprecated,
                                         INDENT) for p in others],
        }

    def field(self, name: str, t: Type, required: bool, nullable: bool, description: str, deprecated: bool,
              indent: str) -> str:
        head = f"{property_key(name)}{'' if required else '?'}:"
        doc = jsdoc(description, indent, deprecated)
        if isinstance(t, Array) and isinstance(t.items, Enum) and not nullable:
            return doc + generic_union_line(indent, head, "Array", type_parts(t.items), ";")
        return doc + typed_line(indent, head, type_parts(t) + (["null"] if nullable else []), ";")

    def interface(self, path: tuple[str, ...], properties: tuple[Property, ...], description: str,
                  deprecated: bool, indent: str) -> str:
        """An interface and, after it, the namespace of its inline objects (recursively)."""
        name = path[-1] if len(path) == 1 else pascal_case(path[-1])
        fields = "\n\n".join(self.field(p.name, p.type, p.required, p.nullable, p.description, p.deprecated,
                                      indent + INDENT) for p in properties)
        text = jsdoc(description, indent, deprecated) + f"{indent}export interface {name} "
        text += f"{{\n{fields}\n{indent}}}\n" if fields else "{}\n"
        inner = []
        for obj in self._direct_inline_objects(properties):
            inner.append(self.interface(obj.path, obj.properties, obj.description, False, indent + INDENT))
        if inner:
            text += f"\n{indent}export namespace {name} {{\n" + "\n".join(inner) + f"{indent}}}\n"
        return text

    @staticmethod
    def _direct_inline_objects(properties: Iterable[Property]) -> list[InlineObject]:
        found: list[InlineObject] = []

        def visit(t: Type) -> None:
            if isinstance(t, InlineObject):
                found.append(t)
            elif isinstance(t, Array):
                visit(t.items)
            elif isinstance(t, Map):
                visit(t.values)

        for p in properties:
            visit(p.type)
        return found

    def module_context(self, api: Api, module: str, rf: ResourceFile | None, homes: dict[str, str],
                       methods: list[dict[str, Any]]) -> dict[str, Any]:
        models = [m for m in api.models if homes[m.name] == module]
        # Types this module mentions that live elsewhere.
        used: set[str] = set()
        for model in models:
            for prop in model.properties:
                used.update(referenced_models(prop.type))
        if rf is not None:
            for m in rf.resource.methods:
                for param in m.parameters:
                    used.update(referenced_models(param.type))
                if m.returns is not None:
                    used.update(referenced_models(m.returns))
        foreign: dict[str, list[str]] = {}
        for name in sorted(used):
            if homes[name] != module:
                foreign.setdefault(homes[name], []).append(name)
        imports = [braced_line("", "import type", names, f" from {string_literal(relative_import(module, home))};")
                   for home, names in sorted(foreign.items())]
        return {
            "models": [self.interface((m.name,), m.properties, m.description, m.deprecated, "") for m in models],
            "type_imports": imports,
            "resource": None,
            "methods": methods,
        }

    def resource_context(self, api: Api, rf: ResourceFile, rfiles: list[ResourceFile],
                         homes: dict[str, str]) -> dict[str, Any]:
        methods = [self.method_context(api, rf, m) for m in rf.resource.methods]
        context = self.module_context(api, rf.module, rf, homes, methods)
        children = [c for c in rfiles if c.path[:-1] == rf.path and len(c.path) == len(rf.path) + 1]
        core = ["APIResource"]
        uses_path = any(m["has_path_params"] for m in methods)
        context["resource"] = {
            "class": rf.class_name,
            "doc": jsdoc(rf.resource.description),
            "children": [{"field": initializer_line(INDENT, f"{camel_case(c.path[-1])}: {c.class_name}",
                                                    f"new {c.class_name}", ["this._client"]),
                          "doc": jsdoc(c.resource.description, INDENT)} for c in children],
        }
        up = relative_import(rf.module, "core/resource")
        context["core_imports"] = [
            f"import {{ {', '.join(core)} }} from {string_literal(up)};",
            f"import type {{ APIPromise }} from {string_literal(relative_import(rf.module, 'core/api-promise'))};",
            f"import type {{ RequestOptions }} from {string_literal(relative_import(rf.module, 'client'))};",
        ]
        if uses_path:
            context["core_imports"].append(
                f"import {{ pathParam }} from {string_literal(relative_import(rf.module, 'internal/path'))};")
        context["child_imports"] = [
            braced_line("", "import", [c.class_name], f" from {string_literal(relative_import(rf.module, c.module))};")
            for c in children]
        return context

    def index_exports(self, api: Api, rfiles: list[ResourceFile], homes: dict[str, str]) -> list[str]:
        lines = []
        modules = [rf.module for rf in rfiles] + (["resources/shared"] if "resources/shared" in homes.values() else [])
        for module in modules:
            rf = next((r for r in rfiles if r.module == module), None)
            names = [rf.class_name] if rf else []
            names += [f"type {m.name}" for m in api.models if homes[m.name] == module]
            if rf:
                names += [f"type {params_type_name(rf.path, m)}" for m in rf.resource.methods
                          if self.non_path_params(m)]
            if names:
                lines.append(braced_line("", "export", names, f" from {string_literal('./' + module + '.js')};"))
        return lines

    def api_sections(self, api: Api, rfiles: list[ResourceFile], homes: dict[str, str]) -> list[dict[str, Any]]:
        client_var = "client"
        sections = []
        for rf in rfiles:
            types = [(m.name, f"./src/{homes[m.name]}.ts") for m in api.models if homes[m.name] == rf.module]
            types += [(params_type_name(rf.path, m), f"./src/{rf.module}.ts") for m in rf.resource.methods
                      if self.non_path_params(m)]
            methods = []
            for m in rf.resource.methods:
                args = [binding(p.name) for p in m.path_params]
                others = self.non_path_params(m)
                if others:
                    args.append("{ ...params }")
                returns = ts_type(m.returns) if m.returns is not None else "void"
                methods.append({
                    "http": f"{m.http_method.lower()} {m.path}",
                    "call": f"{client_var}.{'.'.join(camel_case(p) for p in rf.path)}.",
                    "name": camel_case(m.name),
                    "args": ", ".join(args),
                    "returns": returns,
                    "file": f"./src/{rf.module}.ts",
                })
            sections.append({"title": " > ".join(pascal_case(p) for p in rf.path),
                             "level": "#" * min(len(rf.path), 5), "types": types, "methods": methods})
        shared = [(m.name, "./src/resources/shared.ts") for m in api.models if homes[m.name] == "resources/shared"]
        if shared:
            sections.append({"title": "Shared", "level": "#", "types": shared, "methods": []})
        return sections

    def example(self, api: Api, rfiles: list[ResourceFile]) -> dict[str, Any] | None:
        """The first method that takes only path parameters, for the README's usage example."""
        for rf in rfiles:
            for m in rf.resource.methods:
                if not self.non_path_params(m) and m.returns is not None:
                    args = ", ".join(string_literal(f"{p.name}_123") if isinstance(p.type, Primitive)
                                     and p.type.kind == "string" else "1" for p in m.path_params)
                    return {"call": f"client.{'.'.join(camel_case(p) for p in rf.path)}.{camel_case(m.name)}({args})",
                            "result": camel_case(singular(rf.path[-1])) if rf.path[-1] != singular(rf.path[-1])
                            else "result"}
        return None
