"""Located spec tree -> IR, reporting every problem at once.

The validator walks the tree once. Each problem becomes a Diagnostic with the position of the
offending key or value, a stable code and a hint; walking goes on after a problem so that a
user sees all of them in one run. Only a spec without problems becomes an `Api`.

Codes (documented in docs/spec-format.md):
  E001-E008 reading and parsing, and the limits on untrusted files (see loader.py)
  E101 unknown key            E102 missing key           E103 wrong value type
  E104 unsupported format     E105 invalid value
  E201 unknown type           E202 dangling reference    E203 duplicate name
  E204 names collide in a target language                E205 invalid identifier
  E206 empty enum             E207 duplicated enum value
  E208 path parameter missing from the path template
  E209 path template names an undeclared parameter
  E210 body parameter on a method without a request body
  E211 models that require each other: no finite value satisfies them

Reference cycles: a model may refer to itself or to models that refer back to it (a tree, a
linked list) as long as the cycle passes through an optional or nullable property, an array or
a map, where a value can stop. All three languages can express such types (Python through
forward references), so the validator accepts them and the targets must generate them.
Rejected (E211) is only a cycle of required, non-nullable references: it describes a value
that would have to be infinitely deep, which no server can send and no client can build.
"""

from __future__ import annotations

import difflib
import math
import re
from typing import Any, Callable

from generator.diagnostics import Diagnostic, SpecError
from generator.gc_pause import gc_paused
from generator.ir import (
    Api,
    Array,
    ClientOption,
    Const,
    Enum,
    InlineObject,
    Location,
    Map,
    Method,
    Model,
    ModelRef,
    Package,
    Parameter,
    Primitive,
    Property,
    Resource,
    Type,
    path_template_names,
)
from generator.spec.loader import YList, YMap
from generator.targets import SDK_TARGETS

SUPPORTED_FORMATS = (1,)
HTTP_METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")
METHODS_WITHOUT_BODY = ("GET", "DELETE")
PRIMITIVES = ("string", "integer", "number", "boolean")
TYPE_NAMES = PRIMITIVES + ("const", "enum", "array", "map", "object")
FORMATS = {"string": ("date-time", "date", "uri", "email", "binary"), "integer": ("unix-time", "int64", "int32"),
           "number": ("float", "double"), "boolean": ()}

MODEL_NAME = re.compile(r"^[A-Z][A-Za-z0-9]*$")
LOWER_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
FIELD_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
# JSON wire names (properties, query and body parameters) are kept exactly as written; each target
# derives its own identifier from their ASCII letters and digits, so at least one must be there.
WIRE_NAME = re.compile(r"^(?=.*[A-Za-z0-9])[^\x00-\x1f\x7f\u2028\u2029]+$", re.S)
ENV_NAME = re.compile(r"^[A-Z_][A-Z0-9_]*$")
HEADER_NAME = re.compile(r"^[A-Za-z0-9!#$%&'*+.^_`|~-]+$")
# What each name pattern allows, in words, for hints.
NAME_RULES = {
    MODEL_NAME.pattern: "letters and digits, starting with an upper-case letter (PascalCase)",
    LOWER_NAME.pattern: "lower-case letters, digits and `_`, starting with a letter (snake_case)",
    FIELD_NAME.pattern: "letters, digits and `_`, not starting with a digit",
    WIRE_NAME.pattern: "any printable characters with at least one ASCII letter or digit",
}
#: Names become identifiers and file names; file systems cap a name at 255 bytes.
MAX_NAME_LENGTH = 100
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

# How to add the required keys whose value is not obvious.
REQUIRED_KEY_HINTS = {
    "format": "start the spec with `format: 1`",
    "in": "add `in: path`, `in: query` or `in: body`",
    "http": "add the HTTP method and path, e.g. `http: GET /things/{thing_id}`",
    "packages": "add `packages:` with `python`, `ruby` and `typescript`, each `{name: ..., version: 1.0.0}`",
    "auth": "add `auth: {type: bearer, env: ACME_API_KEY}`",
    "base_url": "add the URL every request starts with, e.g. `base_url: https://api.example.com/v1`",
}

# Keys each kind of mapping accepts; the first group is required.
TYPE_KEYS = ("type", "ref", "format", "value", "values", "items", "properties")
COMMON_FIELD_KEYS = ("required", "nullable", "description", "deprecated")
PROPERTY_KEYS = TYPE_KEYS + COMMON_FIELD_KEYS
# The keys besides `type` each type takes (primitives take `format`).
_KEYS_OF_TYPE = {"const": ("value",), "enum": ("values",), "array": ("items",), "map": ("values",),
                 "object": ("properties",)}


class _Validator:
    def __init__(self) -> None:
        self.problems: list[Diagnostic] = []
        # Every `ref:` met, with the position of its value and what holds it, checked once models are known.
        self.refs: list[tuple[str, Location, str]] = []

    # ------------------------------------------------------------ helpers

    def error(self, location: Location, code: str, message: str, hint: str = "") -> None:
        self.problems.append(Diagnostic(location, code, message, hint))

    def mapping(self, value: Any, where: Location, what: str) -> YMap | None:
        if isinstance(value, YMap):
            return value
        self.error(where, "E103", f"{what} must be a mapping, not {_kind(value)}",
                   f"write {what} as `key: value` lines indented under it")
        return None

    def value_mapping(self, parent: YMap, key: str, what: str) -> YMap | None:
        """`parent[key]` as a mapping (see `mapping`); the value's position is looked up only to report it."""
        value = parent[key]
        if isinstance(value, YMap):
            return value
        return self.mapping(value, parent.value_at(key), what)

    def keys(self, node: YMap, what: str, required: tuple[str, ...], optional: tuple[str, ...]) -> None:
        allowed = required + optional
        for key in node:
            if key not in allowed:
                close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
                hint = f"did you mean `{close[0]}`?" if close else f"{what} accepts: {', '.join(allowed)}"
                if key == "schema" and "type" in allowed:  # an OpenAPI habit
                    hint = "this format has no `schema`: write `type:` (or `ref:`) and its keys directly here"
                self.error(node.key_at(key), "E101", f"unknown key `{key}` in {what}", hint)
        for key in required:
            if key not in node:
                self.error(node.owner_location, "E102", f"{what} is missing `{key}`",
                           REQUIRED_KEY_HINTS.get(key, f"add `{key}:` to {what}"))

    def scalar(self, node: YMap, key: str, kinds: tuple[type, ...], what: str, default: Any = None) -> Any:
        if key not in node:
            return default
        value = node[key]
        if isinstance(value, bool) and bool not in kinds:
            ok = False
        else:
            ok = isinstance(value, kinds)
        if not ok:
            names = " or ".join(_TYPE_WORDS.get(k, k.__name__) for k in kinds)
            self.error(node.value_at(key), "E103", f"`{key}` of {what} must be {names}, not {_kind(value)}",
                       "quote text values; write numbers and true/false without quotes")
            return default
        return value

    def text(self, node: YMap, key: str, what: str, default: str = "") -> str:
        value = node.get(key, default)
        if type(value) is str:  # present and text, or absent: what `scalar` would answer, without its checks
            return value
        value = self.scalar(node, key, (str,), what, default)
        return value if isinstance(value, str) else default

    def flag(self, node: YMap, key: str, what: str) -> bool:
        value = node.get(key, False)
        if value is True or value is False:  # present and a boolean, or absent
            return value
        return bool(self.scalar(node, key, (bool,), what, False))

    def identifier(self, name: str, where: Location, pattern: re.Pattern[str], what: str, example: str) -> None:
        if len(name) > MAX_NAME_LENGTH:
            self.error(where, "E205", f"the {what} name `{name[:40]}...` is {len(name)} characters long",
                       f"names become identifiers and file names; keep them under {MAX_NAME_LENGTH} characters")
        elif not pattern.match(name):
            rule = NAME_RULES.get(pattern.pattern, f"names matching {pattern.pattern}")
            self.error(where, "E205", f"`{name}` is not a valid {what} name{_first_offence(name, pattern)}",
                       f"{what} names are {rule}, e.g. `{example}`")

    # ------------------------------------------------------------ top level

    def spec(self, root: YMap, source: str) -> Api | None:
        self.keys(root, "the spec", ("format", "api"), ("models", "resources"))
        if "format" in root:
            self.format_version(root)
        api_node = self.mapping(root.get("api"), root.value_at("api"), "`api`") if "api" in root else None
        models_node = self.mapping(root.get("models", YMap(root.location)), root.value_at("models"), "`models`")
        resources_node = self.mapping(root.get("resources", YMap(root.location)), root.value_at("resources"),
                                      "`resources`")
        models = self.models(models_node) if models_node is not None else ()
        resources = self.resources(resources_node, "resource") if resources_node is not None else ()
        api = self.api(api_node, models, resources, source) if api_node is not None else None
        if api is not None:
            self.references(api, models_node)
            self.required_cycles(api)
        return api

    def format_version(self, root: YMap) -> None:
        version = root["format"]
        supported = ", ".join(map(str, SUPPORTED_FORMATS))
        if type(version) is not int:  # `true` and `1.0` equal 1 in Python, but are not a format number
            self.error(root.value_at("format"), "E103", f"`format` must be an integer, not {_kind(version)}",
                       f"write `format: {SUPPORTED_FORMATS[-1]}` without quotes")
        elif version not in SUPPORTED_FORMATS:
            self.error(root.value_at("format"), "E104", f"unsupported spec format `{version}`",
                       f"this generator reads format {supported}")

    def api(self, node: YMap, models: tuple[Model, ...], resources: tuple[Resource, ...], source: str) -> Api:
        what = "`api`"
        self.keys(node, what, ("name", "title", "version", "base_url", "auth", "packages"),
                  ("description", "base_url_env", "client_options", "request_id_header", "timeout", "max_retries"))
        name = self.text(node, "name", what)
        if name:
            self.identifier(name, node.value_at("name"), MODEL_NAME, "client", "OpenAI")
        base_url = self.text(node, "base_url", what)
        if base_url and not re.match(r"^https?://[^\s]+$", base_url):
            self.error(node.value_at("base_url"), "E105", f"`{base_url}` is not an http(s) URL",
                       "write the base URL like https://api.example.com/v1")
        base_url_env = self.env(node, "base_url_env", what) or None
        api_key_env = ""
        auth = self.mapping(node["auth"], node.value_at("auth"), "`auth`") if "auth" in node else None
        if auth is not None:
            self.keys(auth, "`auth`", ("type", "env"), ())
            if "type" in auth and auth["type"] != "bearer":
                self.error(auth.value_at("type"), "E105", f"unsupported auth type `{auth['type']}`",
                           "the only auth type is `bearer`")
            api_key_env = self.env(auth, "env", "`auth`")
        timeout = self.scalar(node, "timeout", (int, float), what, 600)
        if not math.isfinite(timeout):
            self.error(node.value_at("timeout"), "E105", f"`timeout` must be a finite number of seconds, not {timeout}",
                       "seconds, e.g. 600")
            timeout = 600
        elif timeout <= 0:
            self.error(node.value_at("timeout"), "E105", "`timeout` must be positive", "seconds, e.g. 600")
        max_retries = self.scalar(node, "max_retries", (int,), what, 2)
        if isinstance(max_retries, int) and max_retries < 0:
            self.error(node.value_at("max_retries"), "E105", "`max_retries` must not be negative", "e.g. 2")
        request_id_header = self.text(node, "request_id_header", what, "x-request-id")
        if not HEADER_NAME.match(request_id_header):
            self.error(node.value_at("request_id_header"), "E105",
                       f"`{request_id_header}` is not a valid header name", "e.g. x-request-id")
        return Api(
            name=name,
            title=self.text(node, "title", what),
            version=self.api_version(node, what),
            description=self.text(node, "description", what),
            base_url=base_url,
            base_url_env=base_url_env,
            api_key_env=api_key_env,
            client_options=self.client_options(node),
            request_id_header=request_id_header,
            timeout_seconds=float(timeout),
            max_retries=int(max_retries),
            packages=self.packages(node),
            models=models,
            resources=resources,
            source=source,
        )

    def api_version(self, node: YMap, what: str) -> str:
        version = self.scalar(node, "version", (str, int, float), what, "")
        if isinstance(version, float):
            # YAML reads `1.10` as the number 1.1: the version written and the version generated would differ.
            self.error(node.value_at("version"), "E103", f"`version` of {what} was read as the number {version}",
                       "write it in quotes, e.g. `version: \"2.10\"`; unquoted, YAML reads it as a number and drops "
                       "trailing zeros")
        return str(version)

    def env(self, node: YMap, key: str, what: str) -> str:
        value = self.text(node, key, what)
        if value and not ENV_NAME.match(value):
            self.error(node.value_at(key), "E205", f"`{value}` is not a valid environment variable name",
                       "use upper case letters, digits and underscores, e.g. OPENAI_API_KEY")
        return value

    def client_options(self, node: YMap) -> tuple[ClientOption, ...]:
        if "client_options" not in node:
            return ()
        items = node["client_options"]
        if not isinstance(items, YList):
            self.error(node.value_at("client_options"), "E103", "`client_options` must be a list",
                       "write one `- name: ...` entry per option")
            return ()
        options = []
        seen: dict[str, Location] = {}
        headers: dict[str, tuple[str, Location]] = {}  # lower-case header -> the first option setting it
        for index, item in enumerate(items):
            entry = self.mapping(item, items.item_at(index), "a client option")
            if entry is None:
                continue
            what = "a client option"
            self.keys(entry, what, ("name", "header"), ("env", "description"))
            name = self.text(entry, "name", what)
            if name:
                self.identifier(name, entry.value_at("name"), LOWER_NAME, "client option", "organization")
                if name in seen:
                    self.error(entry.value_at("name"), "E203", f"duplicate client option `{name}`",
                               f"`{name}` is already declared at line {seen[name].line}")
                seen[name] = entry.value_at("name")
            header = self.text(entry, "header", what)
            if header and not HEADER_NAME.match(header):
                self.error(entry.value_at("header"), "E105", f"`{header}` is not a valid header name",
                           "header names are letters, digits and dashes, e.g. OpenAI-Organization")
            elif header and header.lower() in headers:
                # HTTP header names are case-insensitive: two options would set one header (and the
                # TypeScript client's header object would have one key twice).
                self.error(entry.value_at("header"), "E203", f"client options `{headers[header.lower()][0]}` and "
                           f"`{name}` both set the header `{header}`",
                           f"give each option its own header; the other is at line {headers[header.lower()][1].line}")
            if header:
                headers.setdefault(header.lower(), (name, entry.value_at("header")))
            options.append(ClientOption(name=name, header=header, env=self.env(entry, "env", what) or None,
                                        description=self.text(entry, "description", what)))
        return tuple(options)

    def packages(self, node: YMap) -> tuple[tuple[str, Package], ...]:
        if "packages" not in node:
            return ()
        packages = self.mapping(node["packages"], node.value_at("packages"), "`packages`")
        if packages is None:
            return ()
        self.keys(packages, "`packages`", SDK_TARGETS, ())
        found = []
        for target in SDK_TARGETS:
            entry = self.mapping(packages[target], packages.value_at(target), f"`packages.{target}`") \
                if target in packages else None
            if entry is None:
                continue
            what = f"`packages.{target}`"
            self.keys(entry, what, ("name", "version"), ())
            name = self.text(entry, "name", what)
            if name and not re.match(r"^(@[a-z0-9-]+/)?[a-z][a-z0-9_.-]*$", name):
                self.error(entry.value_at("name"), "E205", f"`{name}` is not a valid package name",
                           "use lower case letters, digits, `-`, `_` and `.`")
            version = str(self.scalar(entry, "version", (str,), what, ""))
            if version and not re.match(r"^\d+\.\d+\.\d+([-+][0-9A-Za-z.-]+)?$", version):
                self.error(entry.value_at("version"), "E105", f"`{version}` is not a semantic version",
                           "write it as MAJOR.MINOR.PATCH in quotes, e.g. \"1.2.0\"")
            found.append((target, Package(name, version)))
        return tuple(found)

    # ------------------------------------------------------------ models and types

    def models(self, node: YMap) -> tuple[Model, ...]:
        models = []
        for name in node:
            where = node.key_at(name)
            self.identifier(name, where, MODEL_NAME, "model", "BatchError")
            entry = self.value_mapping(node, name, f"model `{name}`")
            if entry is None:
                continue
            what = f"model `{name}`"
            self.keys(entry, what, ("properties",), ("description", "deprecated"))
            properties = self.properties(entry, (name,), what)
            models.append(Model(name=name, properties=properties, description=self.text(entry, "description", what),
                                deprecated=self.flag(entry, "deprecated", what), location=where))
        return tuple(models)

    def properties(self, parent: YMap, path: tuple[str, ...], owner: str) -> tuple[Property, ...]:
        """The properties `parent` (a model or an inline object) lists under `properties`."""
        if parent.get("properties") is None:
            return ()
        props = self.value_mapping(parent, "properties", f"`properties` of {owner}")
        if props is None:
            return ()
        found = []
        for name in props:
            at = props.key_at(name)
            self.identifier(name, at, WIRE_NAME, "property", "created_at")
            entry = self.value_mapping(props, name, f"property `{name}`")
            if entry is None:
                continue
            what = f"property `{name}` of {owner}"
            self.keys(entry, what, (), PROPERTY_KEYS)
            found.append(Property(
                name=name,
                type=self.type_expr(entry, what, path + (name,)),
                required=self.flag(entry, "required", what),
                nullable=self.flag(entry, "nullable", what),
                description=self.text(entry, "description", what),
                deprecated=self.flag(entry, "deprecated", what),
                location=at,
            ))
        return tuple(found)

    def type_expr(self, node: YMap, what: str, path: tuple[str, ...]) -> Type:
        """A type is `ref: Model` or `type: NAME` with the keys that type takes."""
        fallback: Type = Primitive("string")
        if "ref" in node:
            if "type" in node:
                self.error(node.key_at("type"), "E105", f"{what} has both `ref` and `type`",
                           "use `ref: ModelName` alone to refer to a model")
            for extra in ("format", "value", "values", "items", "properties"):
                if extra in node:
                    self.error(node.key_at(extra), "E101", f"`{extra}` does not apply to a `ref` in {what}",
                               "remove it, or declare it on the referenced model")
            ref = self.text(node, "ref", what)
            if ref:
                self.refs.append((ref, node.value_at("ref"), what))
            return ModelRef(ref) if ref else fallback
        if "type" not in node and "schema" in node:
            return fallback  # the unknown key `schema` is reported, with a hint that says where the type goes
        if "type" not in node:
            self.error(node.owner_location, "E102", f"{what} is missing `type`",
                       f"add `type:` ({', '.join(TYPE_NAMES)}) or `ref: ModelName`")
            return fallback
        kind = self.text(node, "type", what)
        if kind not in TYPE_NAMES:
            close = difflib.get_close_matches(kind, TYPE_NAMES, n=1)
            if kind.lower() in FOREIGN_TYPES:
                hint = f"write {FOREIGN_TYPES[kind.lower()]}"
            elif close:
                hint = f"did you mean `{close[0]}`?"
            else:
                hint = f"types are {', '.join(TYPE_NAMES)}; refer to a model with `ref: Name`"
            self.error(node.value_at("type"), "E201", f"unknown type `{kind}` in {what}", hint)
            return fallback
        allowed = _KEYS_OF_TYPE.get(kind, ("format",))
        for extra in ("format", "value", "values", "items", "properties"):
            if extra in node and extra not in allowed:
                self.error(node.key_at(extra), "E101", f"`{extra}` does not apply to type `{kind}` in {what}",
                           f"type `{kind}` takes: {', '.join(allowed)}")
        if kind in PRIMITIVES:
            fmt = self.text(node, "format", what) or None
            if fmt is not None and fmt not in FORMATS[kind]:
                self.error(node.value_at("format"), "E105", f"unknown format `{fmt}` for type `{kind}`",
                           f"formats of `{kind}`: {', '.join(FORMATS[kind]) or 'none'}")
                fmt = None
            return Primitive(kind, fmt)  # type: ignore[arg-type]
        if kind == "const":
            if "value" not in node:
                self.error(node.owner_location, "E102", f"{what} is missing `value`", "a const needs `value: literal`")
                return fallback
            value = self.scalar(node, "value", (str, int, bool), what)
            if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_SAFE_INTEGER:
                self.error(node.value_at("value"), "E105", f"the const value of {what} is too large to be exact "
                           "in JavaScript", f"integers up to {MAX_SAFE_INTEGER} are exact; write a larger one as text")
            return Const(value) if value is not None else fallback
        if kind == "enum":
            return self.enum(node, what)
        if kind in ("array", "map"):
            key = "items" if kind == "array" else "values"
            if key not in node:
                self.error(node.owner_location, "E102", f"{what} is missing `{key}`", f"add `{key}: {{type: string}}`")
                return Array(fallback) if kind == "array" else Map(fallback)
            inner = self.value_mapping(node, key, f"`{key}` of {what}")
            element = self.type_expr(inner, f"`{key}` of {what}", path) if inner is not None else fallback
            return Array(element) if kind == "array" else Map(element)
        if "properties" not in node:
            self.error(node.owner_location, "E102", f"{what} is missing `properties`", "an object lists its properties")
        props = self.properties(node, path, what)
        return InlineObject(path=path, properties=props, description=self.text(node, "description", what))

    def enum(self, node: YMap, what: str) -> Type:
        values = node.get("values")
        if not isinstance(values, YList):
            if "values" in node:
                self.error(node.value_at("values"), "E103", f"`values` of {what} must be a list",
                           "write `values: [a, b]`")
            else:
                self.error(node.owner_location, "E102", f"{what} is missing `values`", "write `values: [a, b]`")
            return Enum(())
        if not values:
            self.error(node.value_at("values"), "E206", f"the enum of {what} has no values",
                       "list at least one value, or use `type: string`")
        seen: set[str] = set()
        for index, value in enumerate(values):
            if not isinstance(value, str):
                self.error(values.item_at(index), "E103", f"enum values must be strings, not {_kind(value)}",
                           "quote the value")
            elif value in seen:
                self.error(values.item_at(index), "E207", f"duplicated enum value `{value}` in {what}",
                           "remove the repeated value")
            else:
                seen.add(value)
        return Enum(tuple(v for v in values if isinstance(v, str)))

    # ------------------------------------------------------------ resources and methods

    def resources(self, node: YMap, what_kind: str) -> tuple[Resource, ...]:
        found = []
        for name, body in node.items():
            where = node.key_at(name)
            self.identifier(name, where, LOWER_NAME, "resource", "batches")
            entry = self.mapping(body, node.value_at(name), f"resource `{name}`")
            if entry is None:
                continue
            what = f"resource `{name}`"
            self.keys(entry, what, (), ("description", "methods", "resources"))
            methods_node = self.mapping(entry.get("methods", YMap(where)), entry.value_at("methods"),
                                        f"`methods` of {what}")
            children = self.mapping(entry.get("resources", YMap(where)), entry.value_at("resources"),
                                    f"`resources` of {what}")
            resource = Resource(
                name=name,
                methods=self.methods(methods_node, name) if methods_node is not None else (),
                resources=self.resources(children, "resource") if children is not None else (),
                description=self.text(entry, "description", what),
                location=where,
            )
            self.member_names(resource)
            found.append(resource)
        return tuple(found)

    def member_names(self, resource: Resource) -> None:
        """A method and a sub-resource of one resource are both members of it (`client.files.content`)."""
        methods = {m.name: m for m in resource.methods}
        for child in resource.resources:
            if child.name in methods:
                self.error(child.location, "E203", f"resource `{resource.name}` has a method and a sub-resource "
                           f"both named `{child.name}`",
                           f"rename one of them; the method is at line {methods[child.name].location.line}")

    def methods(self, node: YMap, resource: str) -> tuple[Method, ...]:
        found = []
        for name, body in node.items():
            where = node.key_at(name)
            self.identifier(name, where, LOWER_NAME, "method", "cancel")
            entry = self.mapping(body, node.value_at(name), f"method `{resource}.{name}`")
            if entry is None:
                continue
            what = f"method `{resource}.{name}`"
            self.keys(entry, what, ("http",), ("summary", "description", "params", "returns", "deprecated"))
            http_method, path = self.http_line(entry, what)  # path is None when the line is malformed
            params = self.parameters(entry, what, http_method if path is not None else "")
            returns: Type | None = None
            if "returns" in entry:
                ret = self.mapping(entry["returns"], entry.value_at("returns"), f"`returns` of {what}")
                if ret is not None:
                    self.keys(ret, f"`returns` of {what}", (), TYPE_KEYS + ("description",))
                    returns = self.type_expr(ret, f"`returns` of {what}", (name,))
            method = Method(name=name, http_method=http_method, path=path or "/", parameters=params, returns=returns,  # type: ignore[arg-type]
                            summary=self.text(entry, "summary", what),
                            description=self.text(entry, "description", what),
                            deprecated=self.flag(entry, "deprecated", what), location=where)
            if path is not None:  # a malformed `http` line is reported once, not again for each parameter
                self.path_parameters(method, entry, what)
            found.append(method)
        return tuple(found)

    def http_line(self, entry: YMap, what: str) -> tuple[str, str | None]:
        line = self.text(entry, "http", what)
        match = re.match(r"^([A-Z]+) (/\S*)$", line)
        if not match:
            if line:
                self.error(entry.value_at("http"), "E105", f"`http` of {what} must be `METHOD /path`, not `{line}`",
                           _http_line_hint(line))
            return "GET", None
        verb, path = match.groups()
        if verb not in HTTP_METHODS:
            self.error(entry.value_at("http"), "E105", f"unsupported HTTP method `{verb}`",
                       f"use one of {', '.join(HTTP_METHODS)}")
        if re.search(r"[{}]", re.sub(r"\{[A-Za-z_][A-Za-z0-9_]*\}", "", path)) or "?" in path or "#" in path:
            self.error(entry.value_at("http"), "E105", f"malformed path template `{path}`",
                       "write placeholders as `{name}`; declare query parameters under `params`")
            return verb, None
        return verb, path

    def parameters(self, entry: YMap, what: str, http_method: str) -> tuple[Parameter, ...]:
        if "params" not in entry:
            return ()
        node = self.mapping(entry["params"], entry.value_at("params"), f"`params` of {what}")
        if node is None:
            return ()
        found = []
        for name, body in node.items():
            at = node.key_at(name)
            param = self.mapping(body, node.value_at(name), f"parameter `{name}`")
            # Path parameters are named in the path template; the others are wire names.
            in_path = isinstance(param, YMap) and param.get("in") == "path"
            self.identifier(name, at, FIELD_NAME if in_path else WIRE_NAME, "parameter", "batch_id")
            if param is None:
                continue
            pwhat = f"parameter `{name}` of {what}"
            self.keys(param, pwhat, ("in",), TYPE_KEYS + COMMON_FIELD_KEYS)
            where = self.text(param, "in", pwhat)
            if where and where not in ("path", "query", "body"):
                self.error(param.value_at("in"), "E105", f"`in` of {pwhat} must be path, query or body",
                           "path parameters fill the template; query ones go in the URL; body ones in JSON")
            if where == "body" and http_method in METHODS_WITHOUT_BODY:
                self.error(param.value_at("in"), "E210", f"{http_method} requests have no body, but {pwhat} is "
                           "declared `in: body`", "use `in: query`, or a method that takes a body (POST, PUT, PATCH)")
            required = self.flag(param, "required", pwhat) if "required" in param else where == "path"
            if where == "path" and not required:
                self.error(param.value_at("required"), "E105", f"path {pwhat} cannot be optional",
                           "remove `required: false`; a path template always needs its value")
            found.append(Parameter(
                name=name, location=where if where in ("path", "query", "body") else "query",  # type: ignore[arg-type]
                type=self.type_expr(param, pwhat, (name,)), required=required,
                nullable=self.flag(param, "nullable", pwhat), description=self.text(param, "description", pwhat),
                deprecated=self.flag(param, "deprecated", pwhat), source=at,
            ))
        return tuple(found)

    def path_parameters(self, method: Method, entry: YMap, what: str) -> None:
        in_template = path_template_names(method.path)
        declared = {p.name: p for p in method.params_in("path")}
        for name in in_template:
            if name not in declared:
                self.error(entry.value_at("http"), "E209", f"the path of {what} names `{{{name}}}`, "
                           "which is not a declared path parameter",
                           f"declare `{name}` under `params` with `in: path`")
        for name, param in declared.items():
            if name not in in_template:
                self.error(param.source, "E208", f"path parameter `{name}` of {what} is not in the path template",
                           f"add `{{{name}}}` to `{method.path}`, or declare it `in: query`")
            if not (isinstance(param.type, Primitive) and param.type.kind in ("string", "integer")):
                self.error(param.source, "E105", f"path parameter `{name}` of {what} must be a string or integer",
                           "path segments hold scalar values only")

    # ------------------------------------------------------------ cross references

    def references(self, api: Api, models_node: YMap | None) -> None:
        names = {m.name for m in api.models}
        for ref, where, what in self.refs:
            if ref not in names:
                close = difflib.get_close_matches(ref, sorted(names), n=1)
                self.error(where, "E202", f"{what} refers to `{ref}`, which is not a model",
                           f"did you mean `{close[0]}`?" if close else "declare it under `models:`")

    def required_cycles(self, api: Api) -> None:
        """E211 for each cycle of models that require each other (see the module docstring)."""
        names = {m.name for m in api.models}
        edges = {m.name: [(ref, prop) for prop in m.properties for ref in _required_refs(prop) if ref in names]
                 for m in api.models}
        reported: set[frozenset[tuple[str, str]]] = set()
        for model in api.models:
            for first in edges[model.name]:
                cycle = _cycle_through(model.name, first, edges)
                key = frozenset((name, prop.name) for name, prop in cycle or ())
                if cycle is None or key in reported:
                    continue
                reported.add(key)
                chain = " -> ".join([f"`{name}.{prop.name}`" for name, prop in cycle] + [f"`{model.name}`"])
                self.error(cycle[0][1].location, "E211", f"models require each other in a cycle: {chain}",
                           "no finite value satisfies a cycle of required properties; make one of them optional "
                           "(drop `required: true`) or `nullable: true`")


def _required_refs(prop: Property) -> list[str]:
    """Models a value of `prop` must contain: through required, non-nullable properties only."""
    if not prop.required or prop.nullable:
        return []
    if isinstance(prop.type, ModelRef):
        return [prop.type.name]
    if isinstance(prop.type, InlineObject):
        return [ref for inner in prop.type.properties for ref in _required_refs(inner)]
    return []  # an array or a map may be empty: the cycle stops there


def _cycle_through(start: str, first: tuple[str, Property],
                   edges: dict[str, list[tuple[str, Property]]]) -> list[tuple[str, Property]] | None:
    """A cycle from `start` back to it that begins with the edge `first`, as (model, property) steps."""
    path: list[tuple[str, Property]] = [(start, first[1])]
    return path if _walk_to(start, first[0], edges, path, set()) else None


def _walk_to(start: str, name: str, edges: dict[str, list[tuple[str, Property]]], path: list[tuple[str, Property]],
             visited: set[str]) -> bool:
    """Depth first from `name` back to `start`, the steps taken kept in `path` (a module function: a
    nested one calling itself is a reference cycle, garbage only the cycle collector frees)."""
    if name == start:
        return True
    if name in visited:
        return False
    visited.add(name)
    for target, prop in edges.get(name, []):
        path.append((name, prop))
        if _walk_to(start, target, edges, path, visited):
            return True
        path.pop()
    return False


def _first_offence(name: str, pattern: re.Pattern[str]) -> str:
    """Why a name fails its pattern, in words: the first character that is not allowed there.

    Every name pattern is one start character then allowed characters, so each valid name's
    prefixes are valid too: the first prefix that fails ends at the offending character.
    """
    if not name:
        return ": it is empty"
    if pattern is WIRE_NAME:
        bad = next((c for c in name if not c.isprintable() or c in "\u2028\u2029"), None)
        if bad is not None:
            return f": it contains the control character U+{ord(bad):04X}"
        return ": it has no ASCII letter or digit to make an identifier from"
    for index, char in enumerate(name):
        if pattern.match(name[: index + 1]):
            continue
        if not char.isascii() or not char.isprintable():
            return f": `{char}` (U+{ord(char):04X}) is not an ASCII letter or digit"
        if char == " ":
            return ": it contains a space"
        if index == 0 and char.isalpha():
            return f": it must start with {'an upper' if char.islower() else 'a lower'}-case letter"
        return f": it cannot start with `{char}`" if index == 0 else f": `{char}` is not allowed"
    return ""


def _http_line_hint(line: str) -> str:
    verb = line.split(" ", 1)[0]
    if verb.upper() in HTTP_METHODS and verb != verb.upper():
        return f"write the HTTP method in upper case: `{verb.upper()} ...`"
    if " " not in line.strip():
        return "separate the HTTP method and the path with one space, e.g. `GET /batches/{batch_id}`"
    return "e.g. `http: POST /batches/{batch_id}/cancel`; the path starts with `/`"


_TYPE_WORDS = {str: "a string", int: "an integer", float: "a number", bool: "true or false"}


def _kind(value: Any) -> str:
    if isinstance(value, YMap) or isinstance(value, dict):
        return "a mapping"
    if isinstance(value, (YList, list)):
        return "a list"
    if value is None:
        return "empty"
    return _TYPE_WORDS.get(type(value), type(value).__name__)


def build_api(tree: YMap, source: str, target_checks: list[Callable[[Api], list[Diagnostic]]] = ()) -> Api:  # type: ignore[assignment]
    """Validate a loaded spec and return its IR, or raise SpecError with every problem."""
    with gc_paused():  # the IR lives on (see gc_pause.py)
        return _build_api(tree, source, target_checks)


def _build_api(tree: YMap, source: str, target_checks: list[Callable[[Api], list[Diagnostic]]]) -> Api:
    validator = _Validator()
    api = validator.spec(tree, source)
    problems = validator.problems
    if api is not None and not problems:
        for check in target_checks:
            problems.extend(check(api))
    if problems or api is None:
        raise SpecError(problems)
    return api
