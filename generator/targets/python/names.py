"""The naming authority of the Python SDK: every identifier, class, module and attribute name it declares.

The SDK's contexts, the api-surface listing and the docs adapter all ask this module, so a page or a
listing names exactly what the code declares. Names are escaped (a `_` appended) rather than refused;
the words they step aside for are data (reserved/*.txt).
"""

from __future__ import annotations

import keyword
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from generator.ir import AliasRef, Api, Array, Call, InlineObject, Map, Method, ModelRef, PageStyle, Type
from generator.ir import resources_with_paths
from generator.text.case import ascii_name, pascal_case, snake_case
from generator.text.wordlist import named_word_list

RESERVED_DIR = str(Path(__file__).resolve().parent / "reserved")


def reserved_words(name: str) -> frozenset[str]:
    """A word list of this language (reserved/<name>.txt): words its identifiers may not take."""
    return named_word_list(RESERVED_DIR, name)


#: Keyword arguments every method takes after its own parameters; a spec parameter may not shadow them.
REQUEST_OPTIONS = ("extra_headers", "extra_query", "extra_body", "timeout")
#: Members of the generated client classes; a top-level resource or a client option may not shadow them.
CLIENT_MEMBERS = (
    "api_key",
    "base_url",
    "timeout",
    "max_retries",
    "default_headers",
    "http_client",
    "copy",
    "with_options",
    "with_raw_response",
    "close",
    "is_closed",
    "request",
)
#: The variable an example program holds its client in.
EXAMPLE_CLIENT = "client"


def _escaped(ident: str, *reserved_lists: str) -> str:
    """`ident`, with `_` appended while it is a reserved word of one of the lists."""
    reserved = _reserved_union(reserved_lists)
    while ident in reserved:
        ident += "_"
    return ident


@lru_cache(maxsize=None)
def _reserved_union(lists: tuple[str, ...]) -> frozenset[str]:
    # One set per combination of lists (a handful): names are escaped ~130,000 times at 1,000 models.
    return frozenset().union(*(reserved_words(name) for name in lists))


@lru_cache(maxsize=None)
def _snake(name: str) -> str:
    """snake_case of the ASCII spelling; a name that would start with a digit gets the prefix `n_`
    (not `_`: pydantic treats fields with a leading underscore as private)."""
    ident = snake_case(ascii_name(name)) or "n"
    return "n_" + ident if ident[0].isdigit() else ident


def identifier(name: str) -> str:
    """A Python identifier for a spec name: snake_case, with `_` appended to keywords."""
    return _escaped(_snake(name), "python")


def field_identifier(name: str) -> str:
    """A model field name: an identifier that also leaves the model's own members (to_dict, model_dump...) alone."""
    return _escaped(_snake(name), "python", "python_model_fields")


def member_identifier(name: str) -> str:
    """A method or nested resource of a resource class: leaves the class's own members alone."""
    return _escaped(_snake(name), "python", "python_members")


def param_identifier(name: str) -> str:
    """A method parameter: leaves `self`, the request options and the method's locals alone."""
    return _escaped(_snake(name), "python", "python_params")


def option_identifier(name: str) -> str:
    """A client option (constructor argument and attribute): leaves the client's own members alone."""
    ident = identifier(name)
    while ident in CLIENT_MEMBERS:
        ident += "_"
    return ident


def package_module(api: Api) -> str:
    """The import name of the package: its name in snake_case, with `_` appended when it is a keyword or
    the name of a standard library module or a dependency (`types`, `json`, `httpx`), which would be
    imported instead of it."""
    return _escaped(_snake(api.package("python").name), "python", "python_modules")


def resource_attribute(api: Api, name: str) -> str:
    """The client attribute of a top-level resource (`api` kept for callers that name resources by path)."""
    return client_attribute(name)


def client_attribute(name: str) -> str:
    """The client attribute of a top-level resource: steps aside for the client's own members. A client
    option is a spec name too, so a resource named like one is refused (check.py), as in every language."""
    ident = member_identifier(name)
    while ident in CLIENT_MEMBERS:
        ident += "_"
    return ident


def resource_access(api: Api, path: tuple[str, ...]) -> str:
    """How a resource is reached from the client (`batches`, `widgets.parts`): its attributes, client first."""
    return ".".join([resource_attribute(api, path[0]), *(member_identifier(name) for name in path[1:])])


def call_path(api: Api, call: Call) -> str:
    """The method of a call as reached from the client: `batches.cancel`."""
    path = tuple(r.name for r in call.resources)
    return f"{resource_access(api, path)}.{member_identifier(call.method.name)}"


def _pascal(name: str) -> str:
    text = pascal_case(ascii_name(name)) or "N"
    return "N" + text if text[0].isdigit() else text


def class_name(name: str) -> str:
    """A model's class: PascalCase, with `_` appended to names the SDK's modules import or use next to
    the models (`None`, `Optional`, `BaseModel`, ...). Model names have no `_`, so this never collides."""
    return _escaped(_pascal(name), "python_type_names")


def nested_class_name(name: str, models: frozenset[str] = frozenset()) -> str:
    """The nested class of an inline object, named after its property: `_` is also appended when it
    would hide one of the `models` (class names) inside its parent's body."""
    ident = class_name(name)
    while ident in models:
        ident += "_"
    return ident


def nested_class_path(path: tuple[str, ...], models: frozenset[str]) -> str:
    """The class of an inline object of a model as named from the types module: `Batch.BatchUsage_`
    (the model's class, then one nested class per level)."""
    return ".".join([class_name(path[0]), *(nested_class_name(p, models) for p in path[1:])])


def model_classes(api: Api) -> frozenset[str]:
    """The class names of every model, and the names of the aliases (types.shared.Metadata): the names
    the types module exports, which nested classes, resource classes and params TypedDicts step aside
    for. Asked once per resource and per model file: remembered for the last Api (s1000: 85,000 calls,
    each building a set of 1,000 names)."""
    global _model_classes_of
    if _model_classes_of is None or _model_classes_of[0] is not api:
        names = [class_name(m.name) for m in api.models] + [class_name(a.name) for a in api.aliases]
        _model_classes_of = (api, frozenset(names))
    return _model_classes_of[1]


_model_classes_of: tuple[Api, frozenset[str]] | None = None


def resource_class_name(api: Api, path: tuple[str, ...]) -> str:
    """The class of a resource, named by its path (widgets.parts -> WidgetsParts). `_` is appended when
    the class, its Async twin or their raw-response classes would take a name the client or resource
    modules already use (a model, the client, typing and SDK names)."""
    name = "".join(_pascal(part) for part in path)
    client = client_class_name(api)
    taken = model_classes(api) | reserved_words("python_type_names")
    taken |= {
        client,
        f"Async{client}",
        f"{client}WithRawResponse",
        f"Async{client}WithRawResponse",
        f"{client}Error",
    }
    while any(
        v in taken for v in (name, f"Async{name}", f"{name}WithRawResponse", f"Async{name}WithRawResponse")
    ):
        name += "_"
    return name


def client_class_name(api: Api) -> str:
    """The client class: the spec's name as written when it is already a PascalCase identifier (OpenAI),
    with `_` appended, as for a model, when that is a keyword (`True`) or a name the SDK's modules use."""
    name = api.name if api.name.isidentifier() and api.name[:1].isupper() else pascal_case(api.name)
    return _escaped(name, "python_type_names")


def error_class_name(api: Api) -> str:
    """The base class of the package's errors."""
    return f"{client_class_name(api)}Error"


def module_name(name: str) -> str:
    """The module (file) name for a model or resource name: its identifier, so that a keyword-like name
    (`class`) gets the `_` suffix and stays importable."""
    return identifier(name)


#: The packages of types/ that declare the aliases (`types.shared.Metadata`, the response side) and
#: their request twins (`types.shared_params.Metadata`), as openai-python names them.
SHARED, SHARED_PARAMS = "shared", "shared_params"


def model_module(name: str) -> str:
    """The module of a model in types/: its module name, stepping aside for the aliases' packages."""
    ident = module_name(name)
    while ident in (SHARED, SHARED_PARAMS):
        ident += "_"
    return ident


def resource_module(path: tuple[str, ...]) -> str:
    """The module of a resource, named by its path (widgets.parts -> widgets_parts)."""
    return "_".join(module_name(p) for p in path)


def result_variable(returns: Type | None) -> str:
    """The variable an example program assigns a call's result to: the returned model in snake_case,
    clear of keywords, builtins (a model `Print` must not make `print = ...; print(print.text)`) and
    the example's client. A returned alias names it too (`animal = client.enclosures.star(...)`)."""
    name = snake_case(returns.name) if isinstance(returns, (ModelRef, AliasRef)) else "result"
    if (
        name == EXAMPLE_CLIENT
        or name in reserved_words("python")
        or name in reserved_words("python_builtins")
    ):
        return name + "_result"
    return name


# ---------------------------------------------------------------- format 2: params types, pages


def _singular(word: str) -> str:
    """`batches` -> `batch`, `files` -> `file`, `policies` -> `policy`: how the official SDK names a
    resource's params modules (`batch_create_params`)."""
    if word.endswith("ies") and len(word) > 3:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes", "zes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss") and len(word) > 1:
        return word[:-1]
    return word


@dataclass(frozen=True)
class ParamsNames:
    """A method's params module of types/ (`batch_create_params`), its TypedDict of every query and body
    parameter (`BatchCreateParams`) and the TypedDicts of its inline objects, by object path
    (`("output_expires_after",)` -> `OutputExpiresAfter`)."""

    module: str
    cls: str
    objects: dict[tuple[str, ...], str]


def params_names(api: Api) -> dict[tuple[tuple[str, ...], str], ParamsNames]:
    """The params module of every method that has query or body parameters, by (resource path, method
    name). Modules step aside for the models' modules and each other; remembered for the last Api."""
    global _params_names_of
    if _params_names_of is not None and _params_names_of[0] is api:
        return _params_names_of[1]
    taken = {model_module(m.name) for m in api.models} | {SHARED, SHARED_PARAMS}
    classes = model_classes(api) | reserved_words("python_type_names") | _PARAMS_MODULE_NAMES
    out: dict[tuple[tuple[str, ...], str], ParamsNames] = {}
    for path, resource in resources_with_paths(api):
        for method in resource.methods:
            if not any(p.location in ("query", "body") for p in method.parameters):
                continue
            stem = "_".join([*(module_name(p) for p in path[:-1]), module_name(_singular(path[-1]))])
            module = f"{stem}_{module_name(method.name)}_params"
            while module in taken:
                module += "_"
            taken.add(module)
            cls = _escaped(_pascal(module.rstrip("_")), "python_type_names")
            while cls in classes:
                cls += "_"
            used = set(classes) | {cls}
            objects: dict[tuple[str, ...], str] = {}
            for param in method.parameters:
                for obj in param_objects(param.type):
                    name = "".join(_pascal(part) for part in obj.path)
                    while name in used:
                        name += "_"
                    used.add(name)
                    objects[obj.path] = name
            out[(path, method.name)] = ParamsNames(module, cls, objects)
    _params_names_of = (api, out)
    return out


_params_names_of: tuple[Api, dict[tuple[tuple[str, ...], str], ParamsNames]] | None = None
#: Names a params module imports next to its TypedDicts.
_PARAMS_MODULE_NAMES = frozenset({"TypedDict", "Required", "FileTypes", "Iterable"})


def param_objects(t: Type) -> list[InlineObject]:
    """The inline objects inside a parameter's type, outermost first."""
    if isinstance(t, InlineObject):
        return [t, *(obj for p in t.properties for obj in param_objects(p.type))]
    if isinstance(t, Array):
        return param_objects(t.items)
    if isinstance(t, Map):
        return param_objects(t.values)
    return []


def method_params_names(api: Api, path: tuple[str, ...], method: Method) -> ParamsNames | None:
    return params_names(api).get((path, method.name))


def page_class_name(style: PageStyle, is_async: bool = False) -> str:
    """The page class of a page style: `SyncCursorPage` / `AsyncCursorPage`, as openai-python names them."""
    return f"{'Async' if is_async else 'Sync'}{_pascal(style.name)}Page"


#: What every page class has besides its list object's fields.
_PAGE_MEMBERS = frozenset({"has_next_page", "get_next_page", "iter_pages", "next_page_info", "to_dict", "to_json"})


def page_attribute(wire: str) -> str:
    """The attribute of a page that holds one of its list object's fields (`data`, `has_more`)."""
    ident = field_identifier(wire)
    while ident in _PAGE_MEMBERS:
        ident += "_"
    return ident


def typed_dict_keys_are_names(wire_names: list[str]) -> bool:
    """Whether a params module declares its TypedDicts as classes (every key an identifier, as the
    official SDK's are) rather than with the functional syntax, which takes any key."""
    return all(
        wire.isidentifier() and wire.isascii() and not keyword.iskeyword(wire) and not wire.startswith("__")
        for wire in wire_names
    )
