"""How the Python SDK spells types: field, parameter and return annotations, and the forms the docs show.

One spelling function (`spelled`) walks a type; the forms differ only in how they write an inline
object and a model reference: a model field names its nested class (`Usage`, `BatchUsage_` when a
model `BatchUsage` exists), a request parameter takes a model or a plain dict, a method returns
inline objects as dicts, and the docs name nested classes from the types module (`Batch.BatchUsage_`).
"""

from __future__ import annotations

from typing import Callable, Mapping

from generator.ir import (
    AliasRef,
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
    Union,
)
from generator.targets.python import layout
from generator.targets.python.literals import scalar_literal, string_literal
from generator.targets.python.names import (
    SHARED_PARAMS,
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


#: How a discriminated union tells the runtime its discriminator, as openai-python writes it:
#: `Annotated[Union[Cat, Parrot], PropertyInfo(discriminator="kind")]`.
PROPERTY_INFO = "PropertyInfo"


def spelled(
    t: Type,
    inline: Callable[[InlineObject], str],
    model: Callable[[str], str],
    alias: Callable[[str], str] = class_name,
    annotated: bool = True,
) -> str:
    """`t` as an annotation, inline objects, models and aliases written by the given functions. A
    discriminated union is `Annotated` with its discriminator when `annotated` (what the runtime reads
    to build the variant a response names), a plain `Union` otherwise (requests, the docs)."""
    if isinstance(t, Primitive):
        return PRIMITIVES[t.kind]
    if isinstance(t, Const):
        return f"Literal[{scalar_literal(t.value)}]"
    if isinstance(t, Enum):
        # String or integer values: `Literal["a", "b"]`, `Literal[1, 2, 3]`.
        return f"Literal[{', '.join(scalar_literal(v) for v in t.values)}]" if t.values else "str"
    if isinstance(t, Array):
        return f"List[{spelled(t.items, inline, model, alias, annotated)}]"
    if isinstance(t, Map):
        return f"Dict[str, {spelled(t.values, inline, model, alias, annotated)}]"
    if isinstance(t, Union):
        text = union_of([spelled(v, inline, model, alias, annotated) for v in t.variants])
        if t.discriminator is not None and annotated:
            info = f"{PROPERTY_INFO}(discriminator={string_literal(t.discriminator)})"
            return f"Annotated[{text}, {info}]"
        return text
    if isinstance(t, AliasRef):
        return alias(t.name)
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
    in_place: Mapping[str, Type] | None = None,
) -> str:
    """The annotation of a model field (response side). Models in `deferred` are written as forward
    references (quoted), for models that refer to themselves or to each other; `models` are the class
    names of every model (nested classes step aside for them). An alias is named (`Metadata`, from
    types.shared), but those of `in_place` are spelled as their type: the aliases that lead back to
    the model, which the model's module cannot import (their module imports the model)."""
    spell_in_place = in_place or {}

    def model(name: str) -> str:
        return f'"{class_name(name)}"' if name in deferred else class_name(name)

    def inline(obj: InlineObject) -> str:
        return nested_class_name(obj.path[-1], models)  # nested classes are referenced from inside their parent

    def alias(name: str) -> str:
        found = spell_in_place.get(name)
        return class_name(name) if found is None else spelled(found, inline, model, alias)

    return optional(spelled(t, inline, model, alias), nullable)


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
    SDK; an inline object is the TypedDict of the method's params module (a plain dict matches it); an
    alias is its request twin of types.shared_params (`shared_params.Metadata` as a resource module
    reaches it, `Metadata` in a params module or in shared_params itself)."""
    return spelled(
        t,
        _params_object(params, qualified),
        _param_model,
        lambda name: f"{SHARED_PARAMS}.{class_name(name)}" if qualified else class_name(name),
        annotated=False,
    )


def _param_model(name: str) -> str:
    return f"Union[{class_name(name)}, {PLAIN_DICT}]"


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


def page_annotation(method: Method, is_async: bool = False, annotated: bool = True) -> str:
    """What a paginated method returns: `SyncCursorPage[Batch]`, or for the async client
    `AsyncPaginator[Batch, AsyncCursorPage[Batch]]` (awaited: the page)."""
    assert method.page is not None
    item = return_annotation(method.returns, annotated)
    page = page_type(method.page, item, is_async)
    return f"{ASYNC_PAGINATOR}[{item}, {page}]" if is_async else page


def method_return_annotation(method: Method, is_async: bool = False, annotated: bool = True) -> str:
    """What a method returns, as its signature declares it (`annotated`: see return_annotation)."""
    if method.page is not None:
        return page_annotation(method, is_async, annotated)
    return return_annotation(method.returns, annotated)


def return_annotation(t: Type | None, annotated: bool = True) -> str:
    """The annotation of what a method returns (inline return objects come back as dicts), also what
    the request parses the body into: a discriminated union keeps its discriminator (the docs, which
    pass `annotated=False`, show the plain union)."""
    return "None" if t is None else spelled(t, _plain_dict, class_name, annotated=annotated)


def alias_annotation(t: Type) -> str:
    """The type of an alias of types.shared (`Dict[str, str]`, `Annotated[Union[Cat, Parrot], ...]`)."""
    return spelled(t, _plain_dict, class_name)


def alias_param_annotation(t: Type) -> str:
    """The type of an alias of types.shared_params, as a request takes it."""
    return param_annotation(t, None, qualified=False)


def docs_parameter_type(p: Parameter) -> str:
    """A parameter's type as the docs show it: the model's class (a dict of its shape is also taken), and a
    plain dict for an inline object (the SDK declares no class for it)."""
    return optional(return_annotation(p.type, annotated=False), p.nullable)


def docs_property_type(
    t: Type, nullable: bool, models: frozenset[str], plain: frozenset[int] = frozenset()
) -> str:
    """A property's type as the docs show it: nested classes named from the types module
    (`Batch.BatchUsage_`); the inline objects whose id is in `plain` (those of a returned inline
    object, which the SDK returns as dicts) as plain dicts."""
    return optional(
        spelled(
            t,
            lambda obj: PLAIN_DICT if id(obj) in plain else nested_class_path(obj.path, models),
            class_name,
            annotated=False,
        ),
        nullable,
    )


def union_of(members: list[str]) -> str:
    """`Union[...]` of these annotations, members that are unions themselves flattened and repeats left
    out (the last one kept: a request's models each take a dict, `Union[Cat, Parrot, Dict[str, object]]`)."""
    flat = [m for member in members for m in _union_members(member)]
    kept = [m for index, m in enumerate(flat) if m not in flat[index + 1 :]]
    return kept[0] if len(kept) == 1 else f"Union[{', '.join(kept)}]"


def _union_members(annotation: str) -> list[str]:
    if _is_union(annotation):
        return layout.split_top_level(annotation[len("Union[") : -1])
    return [annotation]


def _is_union(annotation: str) -> bool:
    """Whether the annotation is one `Union[...]` (not `Union[a, b]` inside something else)."""
    return annotation.startswith("Union[") and layout.opening_bracket(annotation) == len("Union")


def union(annotation: str, other: str) -> str:
    """`Union[annotation, other]`, without nesting one Union in another."""
    if _is_union(annotation):
        return f"{annotation[:-1]}, {other}]"
    return f"Union[{annotation}, {other}]"


def typing_names(annotations: list[str]) -> list[str]:
    """The names a module must import from `typing` for these annotations."""
    names = ("Dict", "List", "Literal", "Optional", "TYPE_CHECKING", "Union", "Callable", "Awaitable", "Annotated")
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
