"""The IR's node types: an immutable, language-neutral model of an API.

Nothing here knows about Python, Ruby or TypeScript. Targets read the IR and decide names,
types and files for their language. Every node keeps the source location it came from so
that later stages (diff, targets' own checks) can point back into the spec.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
import typing
from typing import Literal

PrimitiveKind = Literal["string", "integer", "number", "boolean"]
ParamLocation = Literal["path", "query", "body", "header"]
BodyEncoding = Literal["json", "multipart"]
HttpMethod = Literal["GET", "POST", "PUT", "PATCH", "DELETE"]


# Slotted: a big spec makes hundreds of thousands of these, and a slotted frozen dataclass is built
# about twice as fast.
@dataclass(frozen=True, slots=True)
class Location:
    file: str
    line: int  # 1-based
    col: int  # 1-based

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}"


NOWHERE = Location("<builtin>", 0, 0)


# ---------------------------------------------------------------- types


@dataclass(frozen=True, slots=True)
class Primitive:
    kind: PrimitiveKind
    format: str | None = None  # e.g. "unix-time"; a hint, never changes the wire type


@dataclass(frozen=True, slots=True)
class Const:
    value: str | int | bool


@dataclass(frozen=True, slots=True)
class Enum:
    """A closed set of values: all strings, or (format 2) all integers; never mixed, never booleans."""

    values: tuple[str | int, ...]

    @property
    def is_integer(self) -> bool:
        return bool(self.values) and isinstance(self.values[0], int)


@dataclass(frozen=True, slots=True)
class Array:
    items: "Type"


@dataclass(frozen=True, slots=True)
class Map:
    """A JSON object with string keys and values of one type."""

    values: "Type"


@dataclass(frozen=True, slots=True)
class InlineObject:
    """An anonymous object declared inside a property.

    `path` names it from the enclosing named model down, e.g. ("Batch", "errors");
    each target turns that path into its own spelling (Batch.Errors, Batch::Errors).
    """

    path: tuple[str, ...]
    properties: tuple["Property", ...]
    description: str = ""


@dataclass(frozen=True, slots=True)
class ModelRef:
    name: str


@dataclass(frozen=True, slots=True)
class AliasRef:
    """A reference to a named alias (format 2: `aliases:`), e.g. `Metadata`; see Alias."""

    name: str


@dataclass(frozen=True, slots=True)
class Union:
    """One of several types (format 2: `type: union`).

    With a `discriminator`, every variant is a ModelRef to a model whose required property of that
    name is a string Const, and the value of that property picks the variant. Without one, a value is
    the first variant its JSON shape fits (variants are in spec order): scalar/array unions
    (`string | array of string`) and open enums (`string | enum`) are of this kind. Variants are never
    unions themselves, inline objects, files or binaries (the validator refuses them), so that every
    variant has a name each target can spell.
    """

    variants: tuple["Type", ...]
    discriminator: str | None = None


@dataclass(frozen=True, slots=True)
class AnyValue:
    """Any JSON value (format 2: `type: any`): passed through as the language's untyped JSON."""


@dataclass(frozen=True, slots=True)
class FileUpload:
    """A file sent as one part of a multipart body (format 2: `type: file`, body parameters only)."""


@dataclass(frozen=True, slots=True)
class Binary:
    """A response body returned as raw bytes (format 2: `returns: {type: binary}`), not parsed as JSON."""


Type = typing.Union[
    Primitive, Const, Enum, Array, Map, InlineObject, ModelRef, AliasRef, Union, AnyValue, FileUpload, Binary
]


# ---------------------------------------------------------------- models


@dataclass(frozen=True, slots=True)
class Property:
    name: str  # the JSON wire name, exactly as in the spec
    type: Type
    required: bool = False
    nullable: bool = False
    description: str = ""
    deprecated: bool = False
    location: Location = NOWHERE


@dataclass(frozen=True, slots=True)
class Model:
    name: str
    properties: tuple[Property, ...]
    description: str = ""
    deprecated: bool = False
    location: Location = NOWHERE

    def property(self, name: str) -> Property:
        for prop in self.properties:
            if prop.name == name:
                return prop
        raise KeyError(name)


@dataclass(frozen=True, slots=True)
class Alias:
    """A named type that is not an object (format 2: `aliases:`): a map, a union, an enum, an array...

    `ref: Name` reaches it as an AliasRef. Targets that have type aliases declare it once, in a shared
    module (Python `types.shared.Metadata`, TypeScript `Shared.Metadata`); others spell its type in place.
    Its type holds no inline object (the validator refuses them: they would have no name to take).
    """

    name: str
    type: Type
    description: str = ""
    deprecated: bool = False
    location: Location = NOWHERE


# ---------------------------------------------------------------- operations


@dataclass(frozen=True, slots=True)
class Parameter:
    name: str  # wire name
    location: ParamLocation
    type: Type
    required: bool = False
    nullable: bool = False
    description: str = ""
    deprecated: bool = False
    source: Location = NOWHERE
    default: "Default | None" = None  # the value the server assumes when the parameter is left out


@dataclass(frozen=True, slots=True)
class Default:
    """A parameter's documented default (format 2: `default:`); boxed, so a default of null is not None."""

    value: str | int | float | bool | None


@dataclass(frozen=True, slots=True)
class PageStyle:
    """How a list endpoint pages (format 2: `api.pagination`); methods name one with `paginated:`.

    Only `cursor` pages exist yet: the response holds the items under `items` and a boolean
    `has_more`; the next request sends `cursor_param` set to the `cursor_field` of the last item.
    """

    name: str  # as declared, lower snake case: "cursor"; targets name the page class from it
    kind: Literal["cursor"]
    items: str = "data"
    has_more: str = "has_more"
    cursor_param: str = "after"
    cursor_field: str = "id"
    location: Location = NOWHERE


@dataclass(frozen=True, slots=True)
class Method:
    name: str
    http_method: HttpMethod
    path: str  # template, e.g. "/batches/{batch_id}/cancel"
    parameters: tuple[Parameter, ...]
    returns: Type | None  # for a paginated method: the type of one item of a page
    summary: str = ""
    description: str = ""
    deprecated: bool = False
    location: Location = NOWHERE
    page: PageStyle | None = None  # set: the method returns pages of `returns`, which SDKs iterate across
    body_encoding: BodyEncoding = "json"
    timeout_seconds: float | None = None  # this method's default timeout, instead of the client's
    auth: str | None = None  # the name of one of Api.auth_schemes; None: the API key of `api.auth`

    def params_in(self, where: ParamLocation) -> tuple[Parameter, ...]:
        return tuple(p for p in self.parameters if p.location == where)

    @property
    def path_params(self) -> tuple[Parameter, ...]:
        # Ordered as they appear in the path template, which is the order of positional args.
        by_name = {p.name: p for p in self.params_in("path")}
        return tuple(by_name[n] for n in path_template_names(self.path) if n in by_name)


@dataclass(frozen=True, slots=True)
class Resource:
    name: str
    methods: tuple[Method, ...]
    resources: tuple["Resource", ...] = ()
    description: str = ""
    location: Location = NOWHERE


# ---------------------------------------------------------------- the API


@dataclass(frozen=True, slots=True)
class ClientOption:
    """An optional client setting sent as a request header (e.g. organization)."""

    name: str
    header: str
    env: str | None = None
    description: str = ""


@dataclass(frozen=True, slots=True)
class AuthScheme:
    """A further credential (format 2: `api.auth_schemes`) that methods name with `auth:`.

    `name` is the client option holding it (`admin_api_key`), read from `env` when not passed. A
    method that names it sends `Authorization: Bearer <that key>` instead of the API key; the client
    then needs that key, and any one credential is enough to build a client.
    """

    name: str
    kind: Literal["bearer"]
    env: str | None = None
    description: str = ""
    location: Location = NOWHERE


@dataclass(frozen=True, slots=True)
class Package:
    name: str
    version: str


@dataclass(frozen=True)  # no slots: _models_by_name is a cached_property
class Api:
    name: str  # client name: "OpenAI"
    title: str
    version: str  # the API's version, not a package's
    base_url: str
    base_url_env: str | None
    api_key_env: str
    client_options: tuple[ClientOption, ...]
    request_id_header: str
    timeout_seconds: float
    max_retries: int
    packages: tuple[tuple[str, Package], ...]  # (target name, package), sorted by target
    models: tuple[Model, ...]
    resources: tuple[Resource, ...]
    description: str = ""
    source: str = ""  # the spec file as given on the command line
    page_styles: tuple[PageStyle, ...] = ()
    aliases: tuple[Alias, ...] = ()
    auth_schemes: tuple[AuthScheme, ...] = ()  # besides the API key of `api.auth`

    def alias(self, name: str) -> Alias:
        try:
            return self._aliases_by_name[name]
        except KeyError:
            raise KeyError(name) from None

    @cached_property
    def _aliases_by_name(self) -> dict[str, Alias]:
        return {alias.name: alias for alias in self.aliases}

    def resolve(self, t: Type) -> Type:
        """`t` with aliases looked through: the type an AliasRef stands for (aliases never form a cycle)."""
        while isinstance(t, AliasRef):
            t = self.alias(t.name).type
        return t

    def package(self, target: str) -> Package:
        for name, package in self.packages:
            if name == target:
                return package
        raise KeyError(target)

    def model(self, name: str) -> Model:
        # A dict built once: targets look models up for every reference, and a scan of
        # `models` each time makes big specs quadratic (see BENCHMARKS.md).
        try:
            return self._models_by_name[name]
        except KeyError:
            raise KeyError(name) from None

    @cached_property
    def _models_by_name(self) -> dict[str, Model]:
        return {model.name: model for model in self.models}

    def all_resources(self) -> tuple[Resource, ...]:
        """Every resource, depth first, parents before children."""
        out: list[Resource] = []
        _add_resources(self.resources, out)
        return tuple(out)


# The walks below are module functions filling a list given to them, not nested functions that call
# themselves: such a function refers to itself through its closure, a reference cycle that only the
# cycle collector frees (on a big spec, 200,000 objects of garbage from the targets' checks alone).


def _add_resources(resources: tuple[Resource, ...], out: list[Resource]) -> None:
    for resource in resources:
        out.append(resource)
        _add_resources(resource.resources, out)


def path_template_names(path: str) -> tuple[str, ...]:
    """The `{name}` placeholders of a path template, in order."""
    names = []
    rest = path
    while "{" in rest:
        start = rest.index("{")
        end = rest.find("}", start)
        if end < 0:
            break
        names.append(rest[start + 1 : end])
        rest = rest[end + 1 :]
    return tuple(names)
