"""Hypothesis strategies for random VALID specs (docs/spec-format.md), as Python dicts.

`specs()` draws a whole spec: client metadata with hostile text, models with every type construct
(primitives with formats, const, enum, array, map, inline objects nested in inline objects, refs),
refs between models including cycles, and resources nested in resources whose methods take path,
query and body parameters of any type. Names come from hostile.py (reserved words of every target,
wire names with dashes, dots, digits first, non-ASCII letters) or are random; text mixes hostile
fragments with random unicode.

The spec must be valid: the strategy keeps the rules of the validator by construction, never by
filtering afterwards.
- Names of one scope (the properties of one object, the parameters of one method, the members of
  one resource, all models and resources) never share a *key*: their ASCII letters and digits in
  lower case. Every target derives identifiers from those (snake_case, camelCase, PascalCase plus
  an escape suffix), so distinct keys cannot collide in any language.
- Required references only point forward (model i requires only models j > i): cycles exist, but
  each passes through an optional or nullable property, an array or a map (E211 otherwise).
- Resource names are unique in the whole spec: TypeScript names a resource's class after its last
  name alone, and refuses two resources with one name (E204). This is the one refusal the strategy
  works around; tests/fuzz/README.md says why.
"""

from __future__ import annotations

import re
from typing import Any

from hypothesis import strategies as st

from fuzz import hostile

MAX_SAFE_INTEGER = 2**53 - 1

MODEL_NAME = re.compile(r"^[A-Z][A-Za-z0-9]*$")
LOWER_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
FIELD_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def key(name: str) -> str:
    """What every target keeps of a name: its ASCII letters and digits, case-insensitively."""
    return "".join(c for c in name.lower() if c.isascii() and c.isalnum())


# Names of the SDKs' own types and members (`Object`, `Response`, `timeout`, `with_raw_response`,
# `constructor`, `extra_headers`, ...) are drawn like any other: the targets escape them. They were
# refused (E204) until the targets learnt to; README.md lists what the validator still refuses.
SDK_NAMES = (
    "APIError", "APIConnectionError", "APIPromise", "APIResource", "ClientOptions", "RequestOptions", "Fetch",
    "VERSION", "Array", "Promise", "Record", "Response", "Headers", "AbortSignal", "Error", "Object", "String",
    "Number", "Boolean", "JSON", "URL", "Date", "Math", "Any", "Dict", "List", "Literal", "Optional", "Union",
    "BaseModel", "Field", "Body", "Query", "NotGiven", "TimeoutTypes", "APIResponse", "SyncAPIResource",
    "AsyncAPIResource", "Mapping", "SyncAPIClient", "ValueError", "None", "True", "False",
)
CLIENT_MEMBERS = ("api_key", "base_url", "timeout", "max_retries", "default_headers", "http_client", "copy",
                  "with_options", "with_raw_response", "close", "is_closed", "request")
REQUEST_OPTIONS = ("extra_headers", "extra_query", "extra_body", "timeout", "options", "params", "query", "body",
                   "request_options", "constructor", "with_streaming_response")


class Scope:
    """The keys already taken in one namespace."""

    def __init__(self, parent: "Scope | None" = None) -> None:
        self.taken: set[str] = set()
        self.parent = parent

    def free(self, name: str) -> bool:
        k = key(name)
        return bool(k) and k not in self.taken and (self.parent is None or self.parent.free(name))

    def take(self, name: str) -> str:
        self.taken.add(key(name))
        return name


# The hand-written list, and the words the targets themselves list as reserved or special.
ALL_WORDS = tuple(sorted(set(hostile.RESERVED_WORDS) | set(hostile.target_words()) | set(CLIENT_MEMBERS)
                         | set(REQUEST_OPTIONS)))


def _word_pool(pattern: re.Pattern[str]) -> list[str]:
    return sorted({w for w in ALL_WORDS if pattern.match(w)})


LOWER_WORDS = _word_pool(LOWER_NAME)
random_lower = st.from_regex(r"[a-z][a-z0-9_]{0,12}", fullmatch=True)
random_model = st.from_regex(r"[A-Z][A-Za-z0-9]{0,12}", fullmatch=True)


@st.composite
def wire_names(draw: st.DrawFn) -> str:
    """A JSON property or query/body parameter name: reserved words in shapes no identifier has."""
    word = draw(st.sampled_from(ALL_WORDS) | random_lower
                | st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")),
                          min_size=1, max_size=8).map(lambda t: t + "x"))
    shape = draw(st.sampled_from(hostile.WIRE_SHAPES))
    name = shape.format(word, word)
    return name[:100]


def _draw_name(draw: st.DrawFn, names: st.SearchStrategy[str], scope: Scope) -> str:
    return scope.take(draw(names.filter(scope.free)))


lower_names = st.sampled_from(LOWER_WORDS) | random_lower
model_names = st.sampled_from(sorted(set(hostile.MODEL_WORDS) | set(_word_pool(MODEL_NAME)) | set(SDK_NAMES))) \
    | random_model
path_param_names = st.sampled_from(_word_pool(FIELD_NAME)) | st.from_regex(r"[A-Za-z_][A-Za-z0-9_]{0,10}",
                                                                          fullmatch=True)

# ------------------------------------------------------------------ text

text = st.lists(st.sampled_from(hostile.TEXT_FRAGMENTS) | st.text(max_size=6), max_size=8).map("".join)
short_text = st.lists(st.sampled_from(hostile.VALUE_FRAGMENTS) | st.text(max_size=4), max_size=3).map("".join)


def maybe(draw: st.DrawFn, spec: dict[str, Any], name: str, values: st.SearchStrategy[Any]) -> None:
    """Set an optional key, half of the time."""
    if draw(st.booleans()):
        spec[name] = draw(values)


# ------------------------------------------------------------------ types

FORMATS = {"string": ["date-time", "date", "uri", "email", "binary"], "integer": ["unix-time", "int64", "int32"],
           "number": ["float", "double"], "boolean": []}
TYPE_KINDS = ("string", "integer", "number", "boolean", "const", "enum", "array", "map", "object", "ref")


class Context:
    """What a type being drawn may refer to: the models, and the index of the model it is in."""

    def __init__(self, models: list[str], owner: int | None) -> None:
        self.models = models
        self.owner = owner  # None outside models (parameters, returns): any reference may be required

    def may_require(self, ref: str) -> bool:
        """Required refs only point forward, so that every cycle has a place to stop."""
        return self.owner is None or self.models.index(ref) > self.owner


@st.composite
def types(draw: st.DrawFn, ctx: Context, depth: int) -> dict[str, Any]:
    """A type expression; below depth 0 only leaves (no arrays, maps or objects)."""
    kinds = [k for k in TYPE_KINDS if (depth > 0 or k not in ("array", "map", "object"))
             and (k != "ref" or ctx.models)]
    kind = draw(st.sampled_from(kinds))
    if kind == "ref":
        return {"ref": draw(st.sampled_from(ctx.models))}
    node: dict[str, Any] = {"type": kind}
    if kind in FORMATS:
        if FORMATS[kind] and draw(st.booleans()):
            node["format"] = draw(st.sampled_from(FORMATS[kind]))
    elif kind == "const":
        node["value"] = draw(short_text | st.integers(-MAX_SAFE_INTEGER, MAX_SAFE_INTEGER) | st.booleans())
    elif kind == "enum":
        node["values"] = draw(st.lists(short_text, min_size=1, max_size=6, unique=True))
    elif kind == "array":
        node["items"] = draw(types(ctx, depth - 1))
    elif kind == "map":
        node["values"] = draw(types(ctx, depth - 1))
    else:
        if draw(st.booleans()):
            node["description"] = draw(text)
        node["properties"] = draw(properties(ctx, depth - 1))
    return node


def _field_keys(draw: st.DrawFn, node: dict[str, Any], ctx: Context) -> None:
    """required / nullable / description / deprecated, keeping required refs acyclic."""
    required, nullable = draw(st.booleans()), draw(st.booleans())
    if "ref" in node and required and not nullable and not ctx.may_require(node["ref"]):
        nullable = True  # a backward reference stays required but may be null: the cycle stops here
    if required:
        node["required"] = True
    if nullable:
        node["nullable"] = True
    maybe(draw, node, "description", text)
    if draw(st.integers(0, 4)) == 0:
        node["deprecated"] = True


@st.composite
def properties(draw: st.DrawFn, ctx: Context, depth: int, min_size: int = 0) -> dict[str, Any]:
    scope = Scope()
    found: dict[str, Any] = {}
    for _ in range(draw(st.integers(min_size, 5))):
        name = _draw_name(draw, wire_names(), scope)
        node = draw(types(ctx, depth))
        _field_keys(draw, node, ctx)
        found[name] = node
    return found


# ------------------------------------------------------------------ resources


@st.composite
def http_paths(draw: st.DrawFn, placeholders: list[str]) -> str:
    """A path template: literal segments (hostile ones too) and each placeholder once, in any order."""
    segments = [draw(st.sampled_from(hostile.PATH_SEGMENTS) | st.from_regex(r"[A-Za-z0-9._~-]{1,8}",
                                                                            fullmatch=True))
                for _ in range(draw(st.integers(0, 3)))]
    for name in placeholders:
        at = draw(st.integers(0, len(segments)))
        # A placeholder is a whole segment, or sits inside one (`/files/{id}:cancel`).
        segments.insert(at, draw(st.sampled_from(["{%s}", "{%s}:x", "v-{%s}", "{%s}.json"])) % name)
    return "/" + "/".join(segments) + draw(st.sampled_from(["", "", "/"]))


@st.composite
def methods(draw: st.DrawFn, models: list[str]) -> dict[str, Any]:
    ctx = Context(models, None)
    verb = draw(st.sampled_from(["GET", "POST", "PUT", "PATCH", "DELETE"]))
    params: dict[str, Any] = {}
    scope = Scope()
    path_names = [_draw_name(draw, path_param_names, scope) for _ in range(draw(st.integers(0, 3)))]
    for name in path_names:
        node: dict[str, Any] = {"in": "path", "type": draw(st.sampled_from(["string", "integer"]))}
        if draw(st.booleans()):
            node["required"] = True  # the default; written out half of the time
        maybe(draw, node, "description", text)
        params[name] = node
    locations = ["query"] + ([] if verb in ("GET", "DELETE") else ["body"])
    for _ in range(draw(st.integers(0, 4))):
        name = _draw_name(draw, wire_names(), scope)
        node = {"in": draw(st.sampled_from(locations)), **draw(types(ctx, 2))}
        _field_keys(draw, node, ctx)
        params[name] = node
    method: dict[str, Any] = {"http": f"{verb} {draw(http_paths(path_names))}"}
    maybe(draw, method, "summary", text)
    maybe(draw, method, "description", text)
    if params:
        method["params"] = params
    if draw(st.integers(0, 3)) > 0:
        method["returns"] = draw(types(ctx, 2))
    if draw(st.integers(0, 4)) == 0:
        method["deprecated"] = True
    return method


@st.composite
def resources(draw: st.DrawFn, models: list[str], names: Scope, depth: int, top: bool) -> dict[str, Any]:
    """Resources; a resource's methods and sub-resources share one scope (both are its members)."""
    found: dict[str, Any] = {}
    count = draw(st.integers(1 if top else 0, 3 if top else 2))
    for _ in range(count):
        name = _draw_name(draw, lower_names, names)
        # TypeScript names a resource's class after its last name alone: resource names are unique
        # in the whole spec (see README.md, "refused by the validator").
        scope = names
        while scope is not None:
            scope.take(name)
            scope = scope.parent
        members = Scope(names)
        resource: dict[str, Any] = {}
        maybe(draw, resource, "description", text)
        method_map = {}
        for _ in range(draw(st.integers(0 if depth > 0 else 1, 3))):
            method_map[_draw_name(draw, lower_names, members)] = draw(methods(models))
        if method_map or draw(st.booleans()):
            resource["methods"] = method_map
        if depth > 0:
            children = draw(resources(models, members, depth - 1, top=False))
            if children:
                resource["resources"] = children
        found[name] = resource
    return found


# ------------------------------------------------------------------ the whole spec

ENV_NAMES = st.from_regex(r"[A-Z_][A-Z0-9_]{0,15}", fullmatch=True)
HEADER_NAMES = st.from_regex(r"[A-Za-z0-9!#$%&'*+.^_`|~-]{1,20}", fullmatch=True)
VERSIONS = st.from_regex(r"(0|[1-9][0-9]{0,2})\.(0|[1-9][0-9]?)\.(0|[1-9][0-9]?)(-[0-9A-Za-z.]{1,6})?",
                         fullmatch=True)
BASE_URLS = st.builds(lambda scheme, host, path: f"{scheme}://{host}{path}",
                      st.sampled_from(["http", "https"]),
                      st.sampled_from(["api.example.test", "localhost:8080", "127.0.0.1", "xn--caf-dma.test"]),
                      st.sampled_from(["", "/", "/v1", "/v1/", "/a'b", '/a"b', "/`x`", "/${x}", "/#{x}", "/%20",
                                       "/caf\u00e9", "/a\\b"]))


@st.composite
def api_sections(draw: st.DrawFn, names: Scope) -> dict[str, Any]:
    api: dict[str, Any] = {
        "name": _draw_name(draw, model_names, names),
        "title": draw(text),
        "version": draw(short_text),
        "base_url": draw(BASE_URLS),
        "auth": {"type": "bearer", "env": draw(ENV_NAMES)},
    }
    maybe(draw, api, "description", text)
    maybe(draw, api, "base_url_env", ENV_NAMES)
    options = []
    option_names = Scope(names)
    headers: set[str] = set()  # one header per option, case-insensitively (E203 otherwise)
    for _ in range(draw(st.integers(0, 3))):
        option: dict[str, Any] = {"name": _draw_name(draw, lower_names, option_names),
                                  "header": draw(HEADER_NAMES.filter(lambda h: h.lower() not in headers))}
        headers.add(option["header"].lower())
        names.take(option["name"])
        maybe(draw, option, "env", ENV_NAMES)
        maybe(draw, option, "description", text)
        options.append(option)
    if options:
        api["client_options"] = options
    maybe(draw, api, "request_id_header", HEADER_NAMES)
    maybe(draw, api, "timeout", st.integers(1, 10_000) | st.floats(0.001, 1e6))
    maybe(draw, api, "max_retries", st.integers(0, 20))
    package = st.sampled_from(hostile.PACKAGE_NAMES) | st.from_regex(r"[a-z][a-z0-9_.-]{0,15}", fullmatch=True)
    api["packages"] = {
        "python": {"name": draw(package), "version": draw(VERSIONS)},
        "ruby": {"name": draw(package), "version": draw(VERSIONS)},
        "typescript": {"name": draw(package | package.map(lambda n: "@scope-1/" + n)), "version": draw(VERSIONS)},
    }
    return api


@st.composite
def specs(draw: st.DrawFn) -> dict[str, Any]:
    """A whole valid spec as a dict, ready for yaml.safe_dump."""
    names = Scope()  # models, resources and client options share one scope (all become class or member names)
    api = draw(api_sections(names))
    model_count = draw(st.integers(0, 5))
    models = [_draw_name(draw, model_names, names)
              for _ in range(model_count)]
    model_specs: dict[str, Any] = {}
    for index, name in enumerate(models):
        model: dict[str, Any] = {}
        maybe(draw, model, "description", text)
        if draw(st.integers(0, 4)) == 0:
            model["deprecated"] = True
        model["properties"] = draw(properties(Context(models, index), 3))
        model_specs[name] = model
    spec: dict[str, Any] = {"format": 1, "api": api}
    if model_specs or draw(st.booleans()):
        spec["models"] = model_specs
    spec["resources"] = draw(resources(models, names, 2, top=True))
    return spec


def yaml_text(spec: dict[str, Any]) -> str:
    """The spec as YAML text: block style, keys in the order drawn, non-ASCII kept as is."""
    import yaml

    return yaml.safe_dump(spec, allow_unicode=True, sort_keys=False, width=10**6)

