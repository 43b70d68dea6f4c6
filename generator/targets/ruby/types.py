"""Ruby type spelling in every form the gem and its readers see: YARD, RBS, runtime descriptors.

One IR type reads differently by where it stands (its role):
- a property of a model (`field`): enums and inline objects are the module and class nested in the model;
- a method's parameter (`param`): nothing nests there, so an enum is any Symbol or String, an inline
  object a Hash, and a model may also be given as a Hash;
- what a method returns (`result`): as a parameter, but a model is the model.

The gem's comments use `yard`, its sig/*.rbs `rbs`, Internal::Coerce `descriptor`. api-surface.txt lists
the RBS exactly as sig/ declares it; the reference docs show the YARD, with model classes named as their
pages are (`Batch`, `Batch::Errors`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from generator.ir import (
    AnyValue, Api, Array, Binary, Const, Enum, FileUpload, InlineObject, Map, ModelRef, PageStyle, Parameter, Primitive,
    Property, Type, Union,
)
from generator.targets.ruby.literals import string_array, string_literal, symbol_literal
from generator.targets.ruby.names import (
    enum_module, file_part_class, inline_class, model_class, page_class, resource_class,
)

Role = Literal["field", "param", "result"]

_YARD_PRIMITIVES = {"string": "String", "integer": "Integer", "number": "Float", "boolean": "Boolean"}
# Core classes are written from the root (`::String`) in signatures: a model, resource or enum of
# the spec may be named `String` or `Hash`, and RBS resolves a bare name in the nearest namespace.
_RBS_PRIMITIVES = {"string": "::String", "integer": "::Integer", "number": "(::Float | ::Integer)", "boolean": "bool"}
_SIMPLE_SYMBOL = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
_RBS_QUOTABLE = re.compile(r"[\x20-\x7e]*\Z")

#: The RBS of a client option's reader and argument (templates/ruby/sig/client.rbs.j2).
CLIENT_OPTION_RBS = "String?"
#: The client's own keyword arguments after the API key and the options, as sig/client.rbs declares them.
CLIENT_SETTINGS_RBS = (
    ("base_url", "String?"), ("max_retries", "Integer"), ("timeout", "Float?"),
    ("initial_retry_delay", "Float"), ("max_retry_delay", "Float"), ("default_headers", "Hash[String, String]"),
)
#: What a file parameter takes, in YARD (before the FilePart class) and RBS (as the official gem).
_FILE_YARD = "Pathname, StringIO, IO, String"
_FILE_RBS = "::Pathname | ::StringIO | ::IO | ::String"


def page_methods_rbs(page: str) -> list[tuple[str, str]]:
    """(name, RBS) of the methods of a page class `page` (`OpenAI::Internal::CursorPage`) that
    api-surface.txt lists, as sig/internal/page.rbs declares them (`Elem` is the item type)."""
    return [("next_page", f"() -> {page}[Elem]"), ("auto_paging_each", "() { (Elem) -> void } -> void"),
            ("to_enum", "(?::Symbol method, *untyped args) -> ::Enumerator[Elem, void]")]


def client_init_params(option_readers: list[str]) -> list[str]:
    """The arguments of `Client#initialize` in RBS, in order."""
    return [f"?api_key: {CLIENT_OPTION_RBS}", *(f"?{name}: {CLIENT_OPTION_RBS}" for name in option_readers),
            *(f"?{name}: {rbs}" for name, rbs in CLIENT_SETTINGS_RBS)]


def rbs_symbol(text: str) -> str | None:
    """A Symbol literal type for RBS, or None when the value is safer typed as plain `Symbol`."""
    if _SIMPLE_SYMBOL.match(text) and not text[0].isupper():
        return ":" + text
    if _RBS_QUOTABLE.match(text) and '"' not in text and "\\" not in text:
        return ':"' + text + '"'
    return None


def enum_rbs_types(values: tuple[str | int, ...]) -> list[str]:
    """The RBS type of each enum value's constant (an integer enum's: the integer)."""
    return [str(v) if isinstance(v, int) else rbs_symbol(v) or "::Symbol" for v in values]


def enum_rbs_values(values: tuple[str | int, ...]) -> str:
    """The body of an enum module's `type value = ...`."""
    return " | ".join(dict.fromkeys(enum_rbs_types(values))) or "::Symbol"


def inner_type(t: Type) -> Type:
    """What a property's type holds inside its arrays and maps: its enum or inline object, if any."""
    while isinstance(t, (Array, Map)):
        t = t.items if isinstance(t, Array) else t.values
    return t


def enum_module_of(t: Type) -> Enum | None:
    """The string enum a property declares as a module nested in its model (`Batch::Status`), if any:
    an integer enum, or an enum that is one variant of a union, is spelled by its values instead."""
    inner = inner_type(t)
    return inner if isinstance(inner, Enum) and not inner.is_integer else None


def unparenthesized(rbs: str) -> str:
    """`(A | B)` as `A | B`, to be joined into a larger union; any other type unchanged."""
    if not (rbs.startswith("(") and rbs.endswith(")")):
        return rbs
    depth = 0
    for i, ch in enumerate(rbs):
        depth += ch == "("
        depth -= ch == ")"
        if depth == 0 and i < len(rbs) - 1:
            return rbs
    return rbs[1:-1]


def top_level(text: str, separator: str) -> list[str]:
    """`text` split at each `separator` outside brackets."""
    out, depth, start, i = [], 0, 0, 0
    while i < len(text):
        if text[i] in "([{<":
            depth += 1
        elif text[i] in ")]}>" and text[i - 1] != "=":  # `=>` of a YARD Hash is no bracket
            depth -= 1
        elif depth == 0 and text.startswith(separator, i):
            out.append(text[start:i])
            start = i + len(separator)
            i = start
            continue
        i += 1
    return [*out, text[start:]]


def variant_role(t: Type, role: Role) -> Role:
    """How a union's variant is spelled: a model as itself (the union adds the Hash of a parameter once)."""
    return "result" if role == "param" and isinstance(t, ModelRef) else role


def joined(parts: list[str], separator: str) -> str:
    """The union of several types' members, each once, in order."""
    return separator.join(dict.fromkeys(part for text in parts for part in top_level(text, separator)))


#: The JSON shape a variant of an undiscriminated union takes, as Internal::Coerce tests it.
_PRIMITIVE_SHAPES = {"string": ":string", "integer": ":integer", "number": ":number", "boolean": ":boolean"}


def shape(t: Type) -> str:
    """The Symbol of the JSON shape of a union's variant: the first variant whose shape fits is loaded."""
    if isinstance(t, Primitive):
        return _PRIMITIVE_SHAPES[t.kind]
    if isinstance(t, Enum):
        return ":integer" if t.is_integer else ":string"
    if isinstance(t, Const):
        return ":boolean" if isinstance(t.value, bool) else ":integer" if isinstance(t.value, int) else ":string"
    if isinstance(t, Array):
        return ":array"
    if isinstance(t, (Map, ModelRef, InlineObject)):
        return ":hash"
    return ":any"


def optional_rbs(rbs: str) -> str:
    return rbs if rbs.endswith("?") else f"{rbs}?"


def optional(prop: Property) -> bool:
    """A property that may be absent reads as nil."""
    return prop.nullable or not prop.required


def param_optional(param: Parameter) -> bool:
    """A parameter the caller may leave out or pass nil for (path parameters are always required)."""
    return param.nullable or not (param.required or param.location == "path")


def yard(t: Type, role: Role, module: str) -> str:
    """The YARD type of `t`. Model classes are named from `module` (`OpenAI::Models::Batch`) in the gem's
    comments; the docs pass no module and name them as their pages do (`Batch`)."""
    if isinstance(t, AnyValue):
        return "Object"
    if isinstance(t, FileUpload):
        return f"{_FILE_YARD}, {file_part_class(module) if module else 'FilePart'}"
    if isinstance(t, Binary):
        return "StringIO"
    if isinstance(t, Primitive):
        return _YARD_PRIMITIVES[t.kind]
    if isinstance(t, Const):
        return "Boolean" if isinstance(t.value, bool) else "Integer" if isinstance(t.value, int) else "Symbol"
    if isinstance(t, Enum):
        return "Integer" if t.is_integer else "Symbol, String"
    if isinstance(t, Union):
        parts = [yard(v, variant_role(v, role), module) for v in t.variants]
        if role == "param" and any(isinstance(v, ModelRef) for v in t.variants):
            parts.append("Hash{Symbol=>Object}")
        return joined(parts, ", ")
    if isinstance(t, Array):
        return f"Array<{yard(t.items, role, module)}>"
    if isinstance(t, Map):
        return f"Hash{{Symbol=>{yard(t.values, role, module)}}}"
    if isinstance(t, InlineObject):
        if role == "param":  # the class its params class nests (params.rooted), or a Hash
            return f"{inline_class(t, module)}, Hash{{Symbol=>Object}}"
        return inline_class(t, module) if role == "field" else "Hash{Symbol=>Object}"
    assert isinstance(t, ModelRef)
    if role == "param":
        return f"{model_class(t.name, module)}, Hash{{Symbol=>Object}}"
    return model_class(t.name, module)


def field_yard(prop: Property, module: str) -> str:
    return yard(prop.type, "field", module) + (", nil" if optional(prop) else "")


def param_yard(param: Parameter, module: str) -> str:
    return yard(param.type, "param", module) + (", nil" if param_optional(param) else "")


@dataclass(frozen=True)
class TypeNames:
    """How one IR type reads in each place the gem mentions it."""

    descriptor: str  # runtime type descriptor for Internal::Coerce (Ruby expression)
    yard: str  # YARD type
    rbs: str  # RBS type


class RubyTypes:
    """Type spelling for one gem: knows its module, so that every reference is fully qualified."""

    def __init__(self, module: str, consts: dict[str, dict[str, str | int | bool]] | None = None) -> None:
        self.module = module
        # Each model's const properties by wire name: what a discriminated union's variant is told by.
        self.consts = consts or {}
        # Code and signatures name the gem's classes from the root (`::OpenAI::Models::Batch`): a
        # model, resource or enum of the spec may carry the module's own name, and a bare
        # `OpenAI::...` inside it would resolve to that one. YARD names them as a user writes them.
        self.root = f"::{module}"

    @classmethod
    def for_api(cls, module: str, api: Api) -> "RubyTypes":
        consts = {m.name: {p.name: p.type.value for p in m.properties if isinstance(p.type, Const)} for m in api.models}
        return cls(module, consts)

    def model_path(self, name: str) -> str:
        return "::" + model_class(name, self.module)

    def inline_path(self, obj: InlineObject) -> str:
        return "::" + inline_class(obj, self.module)

    def resource_path(self, path: tuple[str, ...]) -> str:
        return "::" + resource_class(path, self.module)

    def rbs(self, t: Type, role: Role, enum: str = "") -> str:
        """`enum` is the module a field's enum is declared as (`::OpenAI::Models::Batch::Status`)."""
        if isinstance(t, AnyValue):
            return "untyped"
        if isinstance(t, FileUpload):
            return f"({_FILE_RBS} | ::{file_part_class(self.module)})"
        if isinstance(t, Binary):
            return "::StringIO"
        if isinstance(t, Primitive):
            return _RBS_PRIMITIVES[t.kind]
        if isinstance(t, Const):
            if isinstance(t.value, str):
                return rbs_symbol(t.value) or "::Symbol"
            return ("true" if t.value else "false") if isinstance(t.value, bool) else str(t.value)
        if isinstance(t, Enum):
            literals = " | ".join(dict.fromkeys(enum_rbs_types(t.values)))
            if t.is_integer:
                return f"({literals})"
            if role == "field" and enum:
                return f"({enum}::value | ::String)"
            return f"({literals + ' | ' if literals else ''}::String)"
        if isinstance(t, Union):
            # A variant's enum is spelled by its values: only a property's own enum is a module.
            parts = [unparenthesized(self.rbs(v, variant_role(v, role))) for v in t.variants]
            if role == "param" and any(isinstance(v, ModelRef) for v in t.variants):
                parts.append("::Hash[::Symbol, untyped]")  # any model may be given as a Hash
            return "(" + joined(parts, " | ") + ")"
        if isinstance(t, Array):
            return f"::Array[{self.rbs(t.items, role, enum)}]"
        if isinstance(t, Map):
            return f"::Hash[::Symbol, {self.rbs(t.values, role, enum)}]"
        if isinstance(t, InlineObject):
            if role == "param":
                return f"({self.inline_path(t)} | ::Hash[::Symbol, untyped])"
            return self.inline_path(t) if role == "field" else "::Hash[::Symbol, untyped]"
        assert isinstance(t, ModelRef)
        if role == "param":
            return f"({self.model_path(t.name)} | ::Hash[::Symbol, untyped])"
        return self.model_path(t.name)

    def descriptor(self, t: Type, role: Role, enum: str = "") -> str:
        """What Internal::Coerce turns the JSON into: nil keeps it as it came."""
        if isinstance(t, Const) and isinstance(t.value, str):
            return f"[:const, {string_literal(t.value)}]"
        if isinstance(t, Enum) and role == "field" and enum and not t.is_integer:
            return enum
        if isinstance(t, Enum) and not t.is_integer:
            return f"[:enum, {string_array([str(v) for v in t.values])}]"
        if isinstance(t, Union):
            return self.union_descriptor(t, role)
        if isinstance(t, Array):
            return f"[:array, {self.descriptor(t.items, role, enum)}]"
        if isinstance(t, Map):
            return f"[:map, {self.descriptor(t.values, role, enum)}]"
        if isinstance(t, InlineObject) and role == "field":
            return self.inline_path(t)
        if isinstance(t, ModelRef):
            return self.model_path(t.name)
        return "nil"

    def union_descriptor(self, t: Union, role: Role) -> str:
        """`[:discriminated, [:kind, {"cat" => Cat, ...}]]`: the model the discriminator's value names;
        `[:union, [[shape, descriptor], ...]]`: the first variant whose JSON shape fits."""
        if t.discriminator is not None:
            models = [v.name for v in t.variants if isinstance(v, ModelRef)]
            pairs = [f"{string_literal(str(value))} => {self.model_path(name)}"
                     for name, value in zip(models, self.discriminator_values(t))]
            return f"[:discriminated, [{symbol_literal(t.discriminator)}, {{ {', '.join(pairs)} }}]]"
        variants = [f"[{shape(v)}, {self.descriptor(v, role)}]" for v in t.variants]
        return f"[:union, [{', '.join(variants)}]]"

    def discriminator_values(self, t: Union) -> list[str | int | bool]:
        """The value of the discriminator of each variant of a discriminated union (its model's const)."""
        assert t.discriminator is not None
        return [self.consts[v.name][t.discriminator] for v in t.variants if isinstance(v, ModelRef)]

    def field(self, prop: Property, owner: str) -> TypeNames:
        """A property of the class `owner`."""
        enum = enum_module(owner, prop.name) if enum_module_of(prop.type) else ""
        return TypeNames(self.descriptor(prop.type, "field", enum), field_yard(prop, self.module),
                         self.field_rbs(prop, owner))

    def field_rbs(self, prop: Property, owner: str) -> str:
        """A property's RBS alone, as `field` spells it (the api-surface listing needs only this)."""
        rbs = self.rbs(prop.type, "field", enum_module(owner, prop.name) if enum_module_of(prop.type) else "")
        return optional_rbs(rbs) if optional(prop) else rbs

    def param_rbs(self, param: Parameter) -> str:
        """A parameter's RBS as the method's signature writes it: a union in parentheses."""
        rbs = self.rbs(param.type, "param")
        if param_optional(param):
            rbs = optional_rbs(rbs)
        return f"({rbs})" if "|" in rbs and not rbs.startswith("(") else rbs

    def param(self, param: Parameter) -> TypeNames:
        return TypeNames("nil", param_yard(param, self.module), self.param_rbs(param))

    def result(self, t: Type) -> TypeNames:
        return TypeNames(self.descriptor(t, "result"), yard(t, "result", self.module), self.rbs(t, "result"))

    @property
    def file_part_init(self) -> str:
        """`FilePart#initialize` in RBS, as sig/file_part.rbs declares it."""
        return (f"({_FILE_RBS} content, ?filename: (::String | ::Pathname)?, ?content_type: ::String?) -> void")

    def page_path(self, style: PageStyle) -> str:
        return "::" + page_class(style.name, self.module)

    def page_result(self, style: PageStyle, item: Type) -> TypeNames:
        """What a paginated method returns: a page of `item`s (`OpenAI::Internal::CursorPage[Batch]`).
        The descriptor is the item's: the page loads each item as it."""
        return TypeNames(self.descriptor(item, "result"),
                         f"{page_class(style.name, self.module)}<{yard(item, 'result', self.module)}>",
                         f"{self.page_path(style)}[{self.rbs(item, 'result')}]")

    def method_result(self, returns: Type | None, page: PageStyle | None) -> TypeNames | None:
        """What a method returns, as its signature and `@return` say (None: nothing)."""
        if returns is None:
            return None
        return self.page_result(page, returns) if page is not None else self.result(returns)
