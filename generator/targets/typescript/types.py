"""TypeScript's type spelling: IR types as TS types, the types of fields and of a method's signature.

Inline objects are named by where TypeScript declares them: those of a parameter in the namespace of the
method's `...Params` interface, one a method returns as `<Resource><Method>Response` (see `rooted`).
The SDK's modules, the api-surface listing and the docs adapter all spell types through this module.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from typing import Iterable

from generator.ir import (
    AliasRef, AnyValue, Array, Binary, Const, Enum, FileUpload, InlineObject, Map, Method, ModelRef, Parameter,
    Primitive, Type, Union,
)
from generator.targets.typescript.literals import string_literal
from generator.targets.typescript.names import (
    alias_reference, binding, header_param_key, page_alias_name, page_class_name, params_argument, params_type_name,
    response_type_name, type_name, model_ident,
)

#: The type of a file parameter (src/core/uploads.ts), as openai-node names it.
UPLOADABLE = "Uploadable"

_PRIMITIVES = {"string": "string", "integer": "number", "number": "number", "boolean": "boolean"}

#: The `string` of an open enum (`(string & {}) | 'gpt-4o'`), as openai-node spells it: a plain `string`
#: would swallow the known values, which editors then no longer suggest.
OPEN_STRING = "(string & {})"

# Members every object inherits from Object.prototype. A plain object without its own `constructor`
# still has one (Object), both when the program reads it and when tsc checks an object literal against
# an interface; so an optional property named like one of them is typed with what is read when the
# JSON has no such field. Without it, `{}` would not even be assignable to the interface.
INHERITED_MEMBERS = {
    "constructor": "Object['constructor']", "toString": "Object['toString']",
    "toLocaleString": "Object['toLocaleString']", "valueOf": "Object['valueOf']",
    "hasOwnProperty": "Object['hasOwnProperty']", "isPrototypeOf": "Object['isPrototypeOf']",
    "propertyIsEnumerable": "Object['propertyIsEnumerable']", "__proto__": "object",
    "__defineGetter__": "Function", "__defineSetter__": "Function", "__lookupGetter__": "Function",
    "__lookupSetter__": "Function",
}


def type_parts(t: Type) -> list[str]:
    """The members of a type's union (one member for anything but an enum)."""
    if isinstance(t, Primitive):
        return [_PRIMITIVES[t.kind]]
    if isinstance(t, Const):
        return [string_literal(t.value) if isinstance(t.value, str) else json.dumps(t.value)]
    if isinstance(t, Enum):  # string or integer literals: `'a' | 'b'`, `1 | 2 | 3`
        return [json.dumps(v) if isinstance(v, int) else string_literal(v) for v in t.values] or ["string"]
    if isinstance(t, Array):
        return [f"Array<{ts_type(t.items)}>"]
    if isinstance(t, Map):
        return [f"{{ [key: string]: {ts_type(t.values)} }}"]
    if isinstance(t, InlineObject):
        return [type_name(t.path)]
    if isinstance(t, AnyValue):
        return ["unknown"]
    if isinstance(t, AliasRef):
        return [alias_reference(t.name)]
    if isinstance(t, Union):
        return union_parts(t)
    if isinstance(t, FileUpload):
        return [UPLOADABLE]
    if isinstance(t, Binary):
        return ["Response"]  # the fetch Response, body unread, as openai-node returns it
    assert isinstance(t, ModelRef)
    return [model_ident(t.name)]


def union_parts(t: Union) -> list[str]:
    """The members of a union, variants in spec order: models by name (`Cat | Parrot`, which `switch
    (x.kind)` narrows), `string | Array<string>`, and an open enum's `string` as `(string & {})`."""
    return [text for text, _ in union_members(t)]


def union_members(t: Union) -> list[tuple[str, Type]]:
    """(member, the variant it spells) of a union, each member once (`integer | number`: one `number`)."""
    open_enum = any(_string_literals(v) for v in t.variants)
    found: list[tuple[str, Type]] = []
    for variant in t.variants:
        texts = ([OPEN_STRING] if open_enum and isinstance(variant, Primitive) and variant.kind == "string"
                 else type_parts(variant))
        found += [(text, variant) for text in texts if text not in (seen for seen, _ in found)]
    return found


def _string_literals(t: Type) -> bool:
    return (isinstance(t, Enum) and not t.is_integer) or (isinstance(t, Const) and isinstance(t.value, str))


def ts_type(t: Type, nullable: bool = False) -> str:
    return " | ".join(type_parts(t) + (["null"] if nullable else []))


def field_extra_parts(name: str, required: bool, nullable: bool) -> list[str]:
    """What a field's union adds to its type: `null`, and for an optional field named like an inherited
    member (`constructor`) what is read when the JSON lacks it."""
    inherited = [] if required or name not in INHERITED_MEMBERS else [INHERITED_MEMBERS[name]]
    return (["null"] if nullable else []) + inherited


def field_type(name: str, t: Type, required: bool, nullable: bool) -> str:
    """The type of an interface field (a model's property, a `...Params` field) as the SDK declares it."""
    return " | ".join(type_parts(t) + field_extra_parts(name, required, nullable))


# ---------------------------------------------------------------- inline objects named by their home


def rooted(t: Type, root: str, replace_head: bool = False) -> Type:
    """`t` with its inline objects named from `root` down. The IR names the inline objects of a
    parameter from the parameter (`owner`); in TypeScript they live in the namespace of the method's
    `...Params` interface (`WidgetCreateParams.Owner`). An inline object a method returns is named
    after the method (`replace_head`): `WidgetPackageResponse`, its own inline objects inside it."""
    if isinstance(t, InlineObject):
        props = tuple(replace(p, type=rooted(p.type, root, replace_head)) for p in t.properties)
        path = (root, *t.path[1:]) if replace_head else (root, *t.path)
        return InlineObject(path=path, properties=props, description=t.description)
    if isinstance(t, Array):
        return Array(rooted(t.items, root, replace_head))
    if isinstance(t, Map):
        return Map(rooted(t.values, root, replace_head))
    return t


def returned(path: tuple[str, ...], method: Method) -> Type | None:
    """What a method returns, its inline objects named after the method."""
    if method.returns is None:
        return None
    return rooted(method.returns, response_type_name(path, method), replace_head=True)


def returned_objects(path: tuple[str, ...], method: Method) -> list[InlineObject]:
    """The inline object a method returns (also as array items or map values), declared by its module."""
    t = returned(path, method)
    while isinstance(t, (Array, Map)):
        t = t.items if isinstance(t, Array) else t.values
    return [t] if isinstance(t, InlineObject) else []


def rooted_params(params_type: str, params: Iterable[Parameter]) -> tuple[Parameter, ...]:
    return tuple(replace(p, type=rooted(p.type, params_type)) for p in params)


def params_fields(method: Method) -> tuple[Parameter, ...]:
    """The query, body and header parameters of a method, in the order its `...Params` interface declares
    them, header ones named by their field (`header_param_key`).

    Query ones first, then body ones, then header ones, each in spec order: not `keyword_params`
    (required ones first), which would reorder the fields of every published interface."""
    headers = tuple(replace(p, name=header_param_key(p.name)) for p in method.params_in("header"))
    return method.params_in("query") + method.params_in("body") + headers


def uses_type(method: Method, kind: type) -> bool:
    """Whether a parameter of `method` holds a `kind` (FileUpload, AnyValue) somewhere inside it."""
    return any(_holds(p.type, kind) for p in method.parameters)


def _holds(t: Type, kind: type) -> bool:
    if isinstance(t, kind):
        return True
    if isinstance(t, Array):
        return _holds(t.items, kind)
    if isinstance(t, Map):
        return _holds(t.values, kind)
    if isinstance(t, InlineObject):
        return any(_holds(p.type, kind) for p in t.properties)
    if isinstance(t, Union):
        return any(_holds(v, kind) for v in t.variants)
    return False


# ---------------------------------------------------------------- signatures


@dataclass(frozen=True)
class MethodTypes:
    """The typed parts of a method's signature, for the source, api.md, the api-surface and the docs."""

    path_args: tuple[tuple[str, str], ...]  # (binding, type) of each path parameter, in path order
    params_var: str | None  # `query`, `body` or `params`; None without query and body parameters
    params_type: str | None  # `WidgetCreateParams`
    params_required: bool  # some query or body parameter is required: the argument may not be left out
    params: tuple[Parameter, ...]  # the `...Params` fields, their inline objects rooted at `params_type`
    returns: str  # the type of the APIPromise: `Widget`, `void`; of one item for a paginated method
    page_class: str | None = None  # `CursorPage`, for a paginated method
    page_alias: str | None = None  # `BatchesPage`: `CursorPage<Batch>`, exported by the resource's module

    @property
    def promise(self) -> str:
        """What the method returns: `APIPromise<Batch>`, or `PagePromise<BatchesPage, Batch>`."""
        if self.page_alias:
            return f"PagePromise<{self.page_alias}, {self.returns}>"
        return f"APIPromise<{self.returns}>"

    @property
    def page_type(self) -> str | None:
        """`CursorPage<Batch>`: the page a paginated method gives, as the docs show it."""
        return f"{self.page_class}<{self.returns}>" if self.page_class else None

    def declared_args(self) -> list[str]:
        """The parameters as the method declares them: `params: T = {}` when all its fields are optional."""
        args = [f"{name}: {t}" for name, t in self.path_args]
        if self.params_type:
            # Optional, it may also be null, as in openai-node (`list(query?: BatchListParams | null | undefined)`).
            args.append(f"{self.params_var}: {self.params_type}"
                        + ("" if self.params_required else " | null | undefined = {}"))
        return [*args, "options?: RequestOptions"]

    def listed_args(self) -> list[str]:
        """The parameters as a caller sees them: `params?: T` when the argument may be left out."""
        args = [f"{name}: {t}" for name, t in self.path_args]
        if self.params_type:
            args.append(f"{self.params_var}?: {self.params_type} | null | undefined" if not self.params_required
                        else f"{self.params_var}: {self.params_type}")
        return [*args, "options?: RequestOptions"]


# The source, README, api-surface and docs each ask for every method's types: at 1,000 models that
# was 4,000 computations of 500 answers. Keyed by identity (hashing a Method walks its whole type
# tree); the method is kept in the entry so its id cannot be reused while the entry lives.
_METHOD_TYPES: dict[tuple[tuple[str, ...], int], tuple[Method, MethodTypes]] = {}
_METHOD_TYPES_LIMIT = 8192


def method_types(path: tuple[str, ...], method: Method) -> MethodTypes:
    """The typed parts of `method`'s signature (memoized per method object)."""
    key = (path, id(method))
    hit = _METHOD_TYPES.get(key)
    if hit is not None and hit[0] is method:
        return hit[1]
    if len(_METHOD_TYPES) >= _METHOD_TYPES_LIMIT:
        _METHOD_TYPES.clear()
    types = _method_types(path, method)
    _METHOD_TYPES[key] = (method, types)
    return types


def _method_types(path: tuple[str, ...], method: Method) -> MethodTypes:
    others = params_fields(method)
    params_type = params_type_name(path, method) if others else None
    result = returned(path, method)
    return MethodTypes(
        path_args=tuple((binding(p.name), ts_type(p.type)) for p in method.path_params),
        params_var=params_argument(method) if others else None,
        params_type=params_type,
        params_required=any(p.required for p in others),
        params=rooted_params(params_type, others) if params_type else (),
        returns=ts_type(result) if result is not None else "void",
        page_class=page_class_name(method.page.name) if method.page and result is not None else None,
        page_alias=page_alias_name(ts_type(result)) if method.page and result is not None else None,
    )
