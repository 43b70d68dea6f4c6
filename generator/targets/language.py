"""The docs adapter interface `Language`: how the docs spell one SDK's names, types, signatures, examples.

Each SDK target implements it (generator/targets/<lang>/docs.py) from its own naming functions, so a
page names every method, parameter and property exactly as the SDK it documents does; the docs
target (generator/targets/docs/) reaches a language only through it. Everything here returns plain
text; escaping for Markdown or HTML is the docs templates' job, through the docs filters.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Any, ClassVar

from generator.ir import (
    AliasRef, Api, Call, Default, InlineObject, Method, ModelRef, PageStyle, Parameter, Property, Resource, Type,
)
from generator.ir.examples import PropertyNode, example_value, object_properties, property_tree
from generator.text.case import snake_case

#: How many properties of the returned type the signature line names before "N more".
SHOWN_PROPERTIES = 3
#: The API key the examples pass, as the reference pages of the official SDKs do.
EXAMPLE_API_KEY = "My API Key"


@dataclass(frozen=True)
class Signature:
    """`batches.cancel(batch_id) -> Batch { id, completion_window, created_at, 19 more }`, in parts."""

    call: str  # batches.cancel(batch_id)
    returns: str  # Batch
    shown: tuple[str, ...]  # the first properties of the returned object
    hidden: tuple[str, ...]  # the rest, behind "N more"

    @property
    def text(self) -> str:
        out = f"{self.call} -> {self.returns}"
        if self.shown:
            more = [f"{len(self.hidden)} more"] if self.hidden else []
            out += " { " + ", ".join(list(self.shown) + more) + " }"
        return out


@dataclass(frozen=True)
class Field:
    """A documented parameter or property: its name and type in one language, and its flags."""

    name: str
    type: str
    declaration: str  # `name: type` as the SDK declares it, e.g. TypeScript's `cancelled_at?: number`
    required: bool
    nullable: bool
    description: str
    deprecated: bool
    children: tuple[Field, ...] = ()
    location: str = ""  # parameters only: path, query or body
    link: str = ""  # the model whose own reference documents this field's object (not expanded here)
    default: Default | None = None  # parameters only: the value the server assumes when it is left out


class Language(ABC):
    """One SDK language as the reference docs show it.

    The abstract methods are the language's own spelling. The rest is the docs' shared layout
    (signature line, parameter order, field trees, example values), the same for every language:
    an adapter overrides it only to say which type an SDK declares (`returned_type`,
    `parameter_type`, `property_type`, `declaration`). `parameters`, `returns` and `model_fields`
    must keep the IR's shape in every language (same fields, same order, same links and children):
    the HTML page shows them once for all languages, with only names and types per language.
    """

    name: ClassVar[str]  # folder name and the value of the HTML language switcher
    label: ClassVar[str]  # Python, Ruby, TypeScript
    fence: ClassVar[str]  # the info string of a Markdown code block

    def bind(self, api: Api) -> "Language":
        """This adapter for one API. The docs target asks for it before rendering, so that an adapter
        that needs the API to spell a type (Ruby writes an alias's type in place) has it everywhere,
        parameters included; an adapter that needs nothing from the API returns itself."""
        return self

    # ------------------------------------------------------------ names and types

    @abstractmethod
    def resource_name(self, resource: Resource) -> str: ...

    @abstractmethod
    def method_name(self, method: Method) -> str: ...

    @abstractmethod
    def param_name(self, param: Parameter) -> str: ...

    @abstractmethod
    def property_name(self, name: str) -> str: ...

    @abstractmethod
    def type_name(self, t: Type, nullable: bool = False) -> str: ...

    @abstractmethod
    def void(self) -> str: ...

    @abstractmethod
    def keywords(self) -> frozenset[str]:
        """Words a variable of an example may not be named."""

    @abstractmethod
    def literal(self, value: Any) -> str:
        """A value built by the example rules (JSON-like) as source code of this language."""

    def property_type(self, prop: Property) -> str:
        """The type of a property of a returned object, as the SDK's model declares it."""
        return self.type_name(prop.type, prop.nullable)

    def declaration(self, name: str, type_name: str, required: bool) -> str:
        """`name: type` as the SDK declares a field. The default is the `name: type` form of Python's
        annotations and Ruby's RBS; a language that spells it otherwise overrides it (TypeScript's
        `name?: type`)."""
        return f"{name}: {type_name}"

    @abstractmethod
    def call_path(self, call: Call) -> str:
        """How a program reaches the method from the client: `batches.cancel`, `fine_tuning.jobs.list`."""

    def returned_type(self, call: Call) -> Type | None:
        """What the method returns (one item, for a paginated method), with its inline objects named as
        the SDK names them."""
        return call.method.returns

    def page_type_name(self, style: PageStyle, item: str) -> str:
        """The type a paginated method returns, a page of `item`s, as the SDK spells it (Python
        `SyncCursorPage[Batch]`). Every SDK language overrides it; the default only says which is missing."""
        raise NotImplementedError(f"{type(self).__name__} does not spell pages ({style.name})")

    def returns_name(self, call: Call) -> str:
        """The type a call gives, as the signature line shows it: a page of items for a paginated method."""
        returns = self.returned_type(call)
        if returns is None:
            return self.void()
        item = self.type_name(returns)
        return self.page_type_name(call.method.page, item) if call.method.page is not None else item

    def parameter_type(self, call: Call, param: Parameter) -> str:
        """The type of a parameter, as the SDK declares it."""
        return self.type_name(param.type, param.nullable)

    # ------------------------------------------------------------ the page's parts

    def call_arguments(self, call: Call) -> str:
        """The parameter list of the signature line: the path parameters, then `**params` for the rest
        (Python's and Ruby's keyword arguments; a language that takes them otherwise overrides it)."""
        arguments = [self.param_name(p) for p in call.method.path_params]
        if any(p.location != "path" for p in call.method.parameters):
            arguments.append("**params")
        return ", ".join(arguments)

    def signature(self, api: Api, call: Call) -> Signature:
        returns = self.returned_type(call)
        names: tuple[str, ...] = ()
        if isinstance(returns, (ModelRef, InlineObject)):
            names = tuple(self.property_name(p.name) for p in object_properties(api, returns))
        return Signature(
            call=f"{self.call_path(call)}({self.call_arguments(call)})",
            returns=self.returns_name(call),
            shown=names[:SHOWN_PROPERTIES],
            hidden=names[SHOWN_PROPERTIES:],
        )

    def parameters(self, call: Call) -> list[Field]:
        # Path parameters first, in path order (they are the positional arguments), then the rest.
        path = call.method.path_params
        rest = [p for p in call.method.parameters if p.location != "path"]
        fields = []
        for p in [*path, *rest]:
            required = p.required or p.location == "path"
            name, type_name = self.param_name(p), self.parameter_type(call, p)
            fields.append(Field(name, type_name, self.declaration(name, type_name, required), required, p.nullable,
                                p.description, p.deprecated, location=p.location, default=p.default))
        return fields

    def returns(self, api: Api, call: Call) -> list[Field]:
        return self.fields(property_tree(api, self.returned_type(call)))

    def model_fields(self, api: Api, model: str) -> list[Field]:
        """The properties of a model's own reference: its inline objects expanded, models linked."""
        return self.fields(property_tree(api, ModelRef(model), budget=0))

    def fields(self, tree: tuple[PropertyNode, ...]) -> list[Field]:
        def convert(node: PropertyNode) -> Field:
            p = node.property
            name, type_name = self.property_name(p.name), self.property_type(p)
            return Field(name, type_name, self.declaration(name, type_name, p.required), p.required, p.nullable,
                         p.description, p.deprecated, tuple(convert(c) for c in node.children), link=node.link)

        return [convert(node) for node in tree]

    @abstractmethod
    def example(self, api: Api, call: Call) -> str:
        """A complete program that calls the method, as the reference page shows it."""

    # ------------------------------------------------------------ shared by the examples

    def example_arguments(self, api: Api, call: Call) -> tuple[list[str], list[tuple[Parameter, str]]]:
        """Positional path arguments, and (parameter, value) for every required non-path parameter."""
        positional = [self.example_literal(api, example_value(api, p.type, p.name)) for p in call.method.path_params]
        named = [(p, self.example_literal(api, example_value(api, p.type, p.name)))
                 for p in call.method.parameters if p.location != "path" and p.required]
        return positional, named

    def example_literal(self, api: Api, value: Any) -> str:
        """An example argument as source code: `literal`, unless the language needs the API to write it
        (Ruby names a file part with the gem's module)."""
        return self.literal(value)

    def result_variable(self, call: Call, avoid: str) -> str:
        """The example's variable for what the method returns, as a snake_case word: the returned
        model's name, or `result`; `<name>_result` when that is `avoid` or one of `keywords()`. A
        language whose variables are not snake_case respells it (TypeScript camel-cases it)."""
        returns = call.method.returns
        name = snake_case(returns.name) if isinstance(returns, (ModelRef, AliasRef)) else "result"
        # A model named like a keyword (`Class`, `End`) would make `class = ...`.
        return name + "_result" if name == avoid or name in self.keywords() else name

    def printed_property(self, api: Api, call: Call) -> Property | None:
        """The property the example prints: the first of the returned object, as the official pages do."""
        returns = call.method.returns
        if isinstance(returns, (ModelRef, InlineObject)):
            props = object_properties(api, returns)
            return props[0] if props else None
        return None
