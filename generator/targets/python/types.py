"""How the Python SDK spells types: field, parameter and return annotations, and the forms the docs show.

One spelling function (`spelled`) walks a type; the forms differ only in how they write an inline
object and a model reference: a model field names its nested class (`Usage`, `BatchUsage_` when a
model `BatchUsage` exists), a request parameter takes a model or a plain dict, a method returns
inline objects as dicts, and the docs name nested classes from the types module (`Batch.BatchUsage_`).
"""

from __future__ import annotations

from typing import Callable

from generator.ir import (
    AnyValue,
    Array,
    Binary,
    Const,
    Enum,
    FileUpload,
    InlineObject,
    Map,
    Method,
    ModelRef,
    PageStyle,
    Parameter,
    Primitive,
    Type,
)
from generator.targets.python.literals import scalar_literal, string_literal
from generator.targets.python.names import (
    ParamsNames,
    class_name,
    nested_class_name,
    nested_class_path,
    page_class_name,
)

PRIMITIVES = {"string": "str", "integer": "int", "number": "float", "boolean": "bool"}
#: What a method takes or returns for an object that has no class of its own.
PLAIN_DICT = "Dict[str, object]"
#: Any JSON value (`type: any`).
ANY_VALUE = "object"
#: What a file parameter takes (the official SDK's name): bytes, a path, an open binary file or a tuple.
FILE_TYPES = "FileTypes"
#: What a method returning raw bytes gives (the official SDK's class).
BINARY = "HttpxBinaryResponseContent"
#: The sentinel type and value of an optional request parameter left out (not sent), and of the
#: request options left out (timeout: the client's), as the official SDK spells them.
OMIT, OMIT_DEFAULT = "Omit", "omit"
NOT_GIVEN, NOT_GIVEN_DEFAULT = "NotGiven", "not_given"
#: What the async client's list methods return: awaitable (the first page) and async-iterable (every item).
ASYNC_PAGINATOR = "AsyncPaginator"
#: What a method returning raw bytes passes as the type to parse the response into.
BINARY_CAST = "BinaryCast"


def spelled(t: Type, inline: Callable[[InlineObject], str], model: Callable[[str], str]) -> str:
    """`t` as an annotation, inline objects and models written by the given functions."""
    if isinstance(t, Primitive):
        return PRIMITIVES[t.kind]
    if isinstance(t, Const):
        return f"Literal[{scalar_literal(t.value)}]"
    if isinstance(t, Enum):
        return f"Literal[{', '.join(string_literal(v) for v in t.values)}]" if t.values else "str"
    if isinstance(t, Array):
        return f"List[{spelled(t.items, inline, model)}]"
    if isinstance(t, Map):
        return f"Dict[str, {spelled(t.values, inline, model)}]"
    if isinstance(t, InlineObject):
        return inline(t)
    if isinstance(t, AnyValue):
        return ANY_VALUE
    if isinstance(t, FileUpload):
        return FILE_TYPES
    if isinstance(t, Binary):
        return BINARY
    assert isinstance(t, ModelRef)
    return model(t.name)


def optional(text: str, nullable: bool) -> str:
    return f"Optional[{text}]" if nullable else text


def _plain_dict(_: InlineObject) -> str:
    return PLAIN_DICT


def annotation(
    t: Type,
    nullable: bool = False,
    deferred: frozenset[str] = frozenset(),
    models: frozenset[str] = frozenset(),
) -> str:
    """The annotation of a model field (response side). Models in `deferred` are written as forward
    references (quoted), for models that refer to themselves or to each other; `models` are the class
    names of every model (nested classes step aside for them)."""
    text = spelled(
        t,
        lambda obj: nested_class_name(
            obj.path[-1], models
        ),  # nested classes are referenced from inside their parent
        lambda name: f'"{class_name(name)}"' if name in deferred else class_name(name),
    )
    return optional(text, nullable)


def _params_object(params: ParamsNames | None, qualified: bool) -> Callable[[InlineObject], str]:
    """How a parameter's inline object is named: its TypedDict of the params module (`qualified`: as the
    resource module reaches it, `batch_create_params.OutputExpiresAfter`), else a plain dict."""
    if params is None:
        return _plain_dict

    def name(obj: InlineObject) -> str:
        found = params.objects.get(obj.path)
        if found is None:
            return PLAIN_DICT
        return f"{params.module}.{found}" if qualified else found

    return name


def param_annotation(t: Type, params: ParamsNames | None = None, qualified: bool = True) -> str:
    """The annotation of a request parameter: a model may also be given as a plain dict, as in the official
    SDK; an inline object is the TypedDict of the method's params module (a plain dict matches it)."""
    return spelled(
        t, _params_object(params, qualified), lambda name: f"Union[{class_name(name)}, {PLAIN_DICT}]"
    )


def parameter_annotation(p: Parameter, params: ParamsNames | None = None, qualified: bool = True) -> str:
    """A parameter's annotation as declared, before a default (`Optional[...]` when it may be null)."""
    return optional(param_annotation(p.type, params, qualified), p.nullable)


def optional_parameter_annotation(p: Parameter, params: ParamsNames | None = None) -> str:
    """A method parameter's annotation in the signature: `Union[..., Omit]` when it may be left out."""
    base = parameter_annotation(p, params)
    return base if p.required else union(base, OMIT)


def page_type(style: PageStyle, item: str, is_async: bool = False) -> str:
    """A page of `item`s: `SyncCursorPage[Batch]`."""
    return f"{page_class_name(style, is_async)}[{item}]"


def page_annotation(method: Method, is_async: bool = False) -> str:
    """What a paginated method returns: `SyncCursorPage[Batch]`, or for the async client
    `AsyncPaginator[Batch, AsyncCursorPage[Batch]]` (awaited: the page)."""
    assert method.page is not None
    item = return_annotation(method.returns)
    page = page_type(method.page, item, is_async)
    return f"{ASYNC_PAGINATOR}[{item}, {page}]" if is_async else page


def method_return_annotation(method: Method, is_async: bool = False) -> str:
    """What a method returns, as its signature declares it."""
    if method.page is not None:
        return page_annotation(method, is_async)
    return return_annotation(method.returns)


def return_annotation(t: Type | None) -> str:
    """The annotation of what a method returns (inline return objects come back as dicts)."""
    return "None" if t is None else spelled(t, _plain_dict, class_name)


def docs_parameter_type(p: Parameter) -> str:
    """A parameter's type as the docs show it: the model's class (a dict of its shape is also taken), and a
    plain dict for an inline object (the SDK declares no class for it)."""
    return optional(return_annotation(p.type), p.nullable)


def docs_property_type(
    t: Type, nullable: bool, models: frozenset[str], plain: frozenset[int] = frozenset()
) -> str:
    """A property's type as the docs show it: nested classes named from the types module
    (`Batch.BatchUsage_`); the inline objects whose id is in `plain` (those of a returned inline
    object, which the SDK returns as dicts) as plain dicts."""
    return optional(
        spelled(
            t, lambda obj: PLAIN_DICT if id(obj) in plain else nested_class_path(obj.path, models), class_name
        ),
        nullable,
    )


def union(annotation: str, other: str) -> str:
    """`Union[annotation, other]`, without nesting one Union in another."""
    if annotation.startswith("Union[") and _closing_bracket(annotation, 5) == len(annotation) - 1:
        return f"{annotation[:-1]}, {other}]"
    return f"Union[{annotation}, {other}]"


def _closing_bracket(text: str, start: int) -> int:
    depth = 0
    for index in range(start, len(text)):
        depth += {"[": 1, "]": -1}.get(text[index], 0)
        if depth == 0:
            return index
    return -1


def typing_names(annotations: list[str]) -> list[str]:
    """The names a module must import from `typing` for these annotations."""
    names = ("Dict", "List", "Literal", "Optional", "TYPE_CHECKING", "Union", "Callable", "Awaitable")
    found = {name for text in annotations for name in names if f"{name}[" in text}
    return sorted(found)


#: The client constructor's options after `api_key` and the spec's own options, as the constructor
#: declares them (templates/python/_client.py.j2 writes them from here): (name, sync annotation,
#: async annotation, default).
CLIENT_OPTIONS = (
    ("base_url", "Union[str, httpx.URL, None]", "Union[str, httpx.URL, None]", "None"),
    ("timeout", "Union[float, httpx.Timeout, None]", "Union[float, httpx.Timeout, None]", "DEFAULT_TIMEOUT"),
    ("max_retries", "int", "int", "DEFAULT_MAX_RETRIES"),
    ("default_headers", "Optional[Mapping[str, str]]", "Optional[Mapping[str, str]]", "None"),
    ("http_client", "Optional[httpx.Client]", "Optional[httpx.AsyncClient]", "None"),
)
#: What `api_key` takes: a key, or a function returning one (called before each request).
API_KEY = ("Union[str, Callable[[], str], None]", "Union[str, Callable[[], Awaitable[str]], None]")
#: A client option of the spec (a header value).
OPTION = "Optional[str]"
