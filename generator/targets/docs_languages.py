"""Per-language presentation of the reference docs: names, type names, signature lines, examples.

Names come from the language targets' own public naming functions, so a page names every
method, parameter and property exactly as the SDK it documents does. Everything here returns
plain text; escaping for Markdown or HTML is the templates' job, through the docs filters.
"""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Any, ClassVar

from generator.ir import (
    Api, Array, Const, Enum, InlineObject, Map, Method, ModelRef, Parameter, Primitive, Property, Resource, Type,
)
from generator.naming import camel_case, pascal_case, reserved_words, snake_case
from generator.targets import python as python_target
from generator.targets import ruby as ruby_target
from generator.targets import typescript as typescript_target
from generator.targets.docs_example import PropertyNode, example_value, object_properties, property_tree

#: How many properties of the returned type the signature line names before "N more".
SHOWN_PROPERTIES = 3
#: The API key the examples pass, as the reference pages of the official SDKs do.
EXAMPLE_API_KEY = "My API Key"


@dataclass(frozen=True)
class Call:
    """A method with the chain of resources that leads to it (spec names, outermost first)."""

    resources: tuple[Resource, ...]
    method: Method

    @property
    def resource(self) -> Resource:
        return self.resources[-1]


def calls(api: Api) -> list[Call]:
    """Every method of the API, depth first, in spec order."""
    found: list[Call] = []

    def walk(resources: tuple[Resource, ...], chain: tuple[Resource, ...]) -> None:
        for resource in resources:
            for method in resource.methods:
                found.append(Call(chain + (resource,), method))
            walk(resource.resources, chain + (resource,))

    walk(api.resources, ())
    return found


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
    children: tuple["Field", ...] = ()
    location: str = ""  # parameters only: path, query or body


class Language(ABC):
    name: ClassVar[str]  # folder name and the value of the HTML language switcher
    label: ClassVar[str]  # Python, Ruby, TypeScript
    fence: ClassVar[str]  # the info string of a Markdown code block

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
    def literal(self, value: Any) -> str:
        """A value built by the example rules (JSON-like) as source code of this language."""

    def property_type(self, prop: Property) -> str:
        """The type of a property of a returned object, as the SDK's model declares it."""
        return self.type_name(prop.type, prop.nullable)

    def declaration(self, name: str, type_name: str, required: bool) -> str:
        return f"{name}: {type_name}"

    def call_path(self, call: Call) -> str:
        return ".".join([self.resource_name(r) for r in call.resources] + [self.method_name(call.method)])

    # ------------------------------------------------------------ the page's parts

    @abstractmethod
    def call_arguments(self, call: Call) -> str:
        """The parameter list of the signature line."""

    def signature(self, api: Api, call: Call) -> Signature:
        returns = call.method.returns
        names: tuple[str, ...] = ()
        if isinstance(returns, (ModelRef, InlineObject)):
            names = tuple(self.property_name(p.name) for p in object_properties(api, returns))
        return Signature(
            call=f"{self.call_path(call)}({self.call_arguments(call)})",
            returns=self.type_name(returns) if returns is not None else self.void(),
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
            name, type_name = self.param_name(p), self.type_name(p.type, p.nullable)
            fields.append(Field(name, type_name, self.declaration(name, type_name, required), required, p.nullable,
                                p.description, p.deprecated, location=p.location))
        return fields

    def returns(self, api: Api, call: Call) -> list[Field]:
        def convert(node: PropertyNode) -> Field:
            p = node.property
            name, type_name = self.property_name(p.name), self.property_type(p)
            return Field(name, type_name, self.declaration(name, type_name, p.required), p.required, p.nullable,
                         p.description, p.deprecated, tuple(convert(c) for c in node.children))

        return [convert(node) for node in property_tree(api, call.method.returns)]

    @abstractmethod
    def example(self, api: Api, call: Call) -> str:
        """A complete program that calls the method, as the reference page shows it."""

    # ------------------------------------------------------------ shared by the examples

    def example_arguments(self, api: Api, call: Call) -> tuple[list[str], list[tuple[Parameter, str]]]:
        """Positional path arguments, and (parameter, value) for every required non-path parameter."""
        positional = [self.literal(example_value(api, p.type, p.name)) for p in call.method.path_params]
        named = [(p, self.literal(example_value(api, p.type, p.name)))
                 for p in call.method.parameters if p.location != "path" and p.required]
        return positional, named

    def result_variable(self, call: Call, avoid: str) -> str:
        returns = call.method.returns
        name = snake_case(returns.name) if isinstance(returns, ModelRef) else "result"
        # A model named like a keyword (`Class`, `End`) would make `class = ...`.
        return name + "_result" if name == avoid or name in reserved_words(self.name) else name

    def printed_property(self, api: Api, call: Call) -> Property | None:
        """The property the example prints: the first of the returned object, as the official pages do."""
        returns = call.method.returns
        if isinstance(returns, (ModelRef, InlineObject)):
            props = object_properties(api, returns)
            return props[0] if props else None
        return None


# ---------------------------------------------------------------- Python


class Python(Language):
    name = "python"
    label = "Python"
    fence = "python"
    _PRIMITIVES = {"string": "str", "integer": "int", "number": "float", "boolean": "bool"}

    # The SDK's own naming rules (generator/targets/python.py), so that pages show the escaped names
    # (`class_`, `with_raw_response_`, `n_2fa`) the code really has.
    def resource_name(self, resource: Resource) -> str:
        return python_target.member_identifier(resource.name)

    def call_path(self, call: Call) -> str:
        top = self.resource_name(call.resources[0])
        while top in python_target.CLIENT_MEMBERS:  # a top-level resource steps aside for client members
            top += "_"
        rest = [self.resource_name(r) for r in call.resources[1:]]
        return ".".join([top, *rest, self.method_name(call.method)])

    def method_name(self, method: Method) -> str:
        return python_target.member_identifier(method.name)

    def param_name(self, param: Parameter) -> str:
        return python_target.param_identifier(param.name)

    def property_name(self, name: str) -> str:
        return python_target.field_identifier(name)

    def type_name(self, t: Type, nullable: bool = False) -> str:
        if isinstance(t, Primitive):
            text = self._PRIMITIVES[t.kind]
        elif isinstance(t, Const):
            text = f"Literal[{self.literal(t.value)}]"
        elif isinstance(t, Enum):
            text = f"Literal[{', '.join(self.literal(v) for v in t.values)}]" if t.values else "str"
        elif isinstance(t, Array):
            text = f"List[{self.type_name(t.items)}]"
        elif isinstance(t, Map):
            text = f"Dict[str, {self.type_name(t.values)}]"
        elif isinstance(t, InlineObject):
            text = ".".join(
                [python_target.class_name(t.path[0]), *(python_target.nested_class_name(p) for p in t.path[1:])]
            )
        else:
            assert isinstance(t, ModelRef)
            text = python_target.class_name(t.name)
        return f"Optional[{text}]" if nullable else text

    def property_type(self, prop: Property) -> str:
        # The SDK's models default every property that may be absent to None.
        return self.type_name(prop.type, prop.nullable or not prop.required)

    def void(self) -> str:
        return "None"

    def literal(self, value: Any) -> str:
        if isinstance(value, bool):
            return "True" if value else "False"
        if isinstance(value, str):
            return json.dumps(value)  # a JSON string (ASCII, escaped) is a valid Python literal
        if isinstance(value, list):
            return "[" + ", ".join(self.literal(v) for v in value) + "]"
        if isinstance(value, dict):
            return "{" + ", ".join(f"{self.literal(k)}: {self.literal(v)}" for k, v in value.items()) + "}"
        return repr(value)

    def call_arguments(self, call: Call) -> str:
        names = [self.param_name(p) for p in call.method.path_params]
        if any(p.location != "path" for p in call.method.parameters):
            names.append("**params")
        return ", ".join(names)

    def example(self, api: Api, call: Call) -> str:
        module = python_target.package_module(api)
        positional, named = self.example_arguments(api, call)
        args = ", ".join(positional + [f"{self.param_name(p)}={value}" for p, value in named])
        invocation = f"client.{self.call_path(call)}({args})"
        client_class = python_target.client_class_name(api)
        lines = [f"from {module} import {client_class}", "",
                 f"client = {client_class}(api_key={self.literal(EXAMPLE_API_KEY)})"]
        if call.method.returns is None:
            lines.append(invocation)
        else:
            result = self.result_variable(call, "client")
            printed = self.printed_property(api, call)
            shown = f"{result}.{self.property_name(printed.name)}" if printed else result
            lines += [f"{result} = {invocation}", f"print({shown})"]
        return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- Ruby


class Ruby(Language):
    name = "ruby"
    label = "Ruby"
    fence = "ruby"
    _PRIMITIVES = {"string": "String", "integer": "Integer", "number": "Float", "boolean": "bool"}

    def resource_name(self, resource: Resource) -> str:
        return ruby_target.identifier(resource.name)

    def method_name(self, method: Method) -> str:
        return ruby_target.identifier(method.name)

    def param_name(self, param: Parameter) -> str:
        return ruby_target.identifier(param.name)

    def property_name(self, name: str) -> str:
        return ruby_target.identifier(name)

    def type_name(self, t: Type, nullable: bool = False) -> str:
        union = False
        if isinstance(t, Primitive):
            text = self._PRIMITIVES[t.kind]
        elif isinstance(t, Const):
            text = self._symbol(t.value) if isinstance(t.value, str) else self.literal(t.value)
        elif isinstance(t, Enum):
            text = " | ".join(self._symbol(v) for v in t.values) or "String"
            union = len(t.values) > 1
        elif isinstance(t, Array):
            text = f"Array[{self.type_name(t.items)}]"
        elif isinstance(t, Map):
            text = f"Hash[Symbol, {self.type_name(t.values)}]"
        elif isinstance(t, InlineObject):
            text = "::".join(pascal_case(p) for p in t.path)
        else:
            assert isinstance(t, ModelRef)
            text = t.name
        if union:
            text = f"({text})"  # RBS parenthesizes a union of symbols
        return f"{text}?" if nullable else text

    @staticmethod
    def _symbol(value: str) -> str:
        # A bare symbol only when Ruby reads it back as one; otherwise the quoted form `:"..."`.
        if value and (value[0].isalpha() or value[0] == "_") and value.isascii() and \
                all(c.isalnum() or c == "_" for c in value):
            return ":" + value
        return ":" + Ruby._string(value)

    @staticmethod
    def _string(text: str) -> str:
        """A double-quoted Ruby literal; `#` is escaped so that `#{` cannot interpolate."""
        out = []
        for ch in text:
            if ch in '"\\#':
                out.append("\\" + ch)
            elif ord(ch) < 0x20 or ch in "\x7f\u2028\u2029":
                out.append(f"\\u{{{ord(ch):x}}}")
            else:
                out.append(ch)
        return '"' + "".join(out) + '"'

    def property_type(self, prop: Property) -> str:
        # A property that may be absent reads as nil: the SDK's RBS types it `T?`.
        return self.type_name(prop.type, prop.nullable or not prop.required)

    def void(self) -> str:
        return "nil"

    def literal(self, value: Any) -> str:
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, str):
            return self._string(value)
        if isinstance(value, list):
            return "[" + ", ".join(self.literal(v) for v in value) + "]"
        if isinstance(value, dict):
            # Keys are property names (identifiers) or the example map key: `key: value` reads back.
            return "{" + ", ".join(f"{k}: {self.literal(v)}" for k, v in value.items()) + "}"
        return repr(value)

    def call_arguments(self, call: Call) -> str:
        names = [self.param_name(p) for p in call.method.path_params]
        if any(p.location != "path" for p in call.method.parameters):
            names.append("**params")
        return ", ".join(names)

    def client_variable(self, api: Api) -> str:
        # Named after the gem (`openai = OpenAI::Client.new`), as the official reference does.
        return ruby_target.identifier(api.package("ruby").name)

    def example(self, api: Api, call: Call) -> str:
        gem = snake_case(api.package("ruby").name)
        client = self.client_variable(api)
        positional, named = self.example_arguments(api, call)
        args = ", ".join(positional + [f"{self.param_name(p)}: {value}" for p, value in named])
        invocation = f"{client}.{self.call_path(call)}({args})" if args else f"{client}.{self.call_path(call)}"
        lines = [f"require {self._string(gem)}", "",
                 f"{client} = {api.name}::Client.new(api_key: {self._string(EXAMPLE_API_KEY)})", ""]
        if call.method.returns is None:
            lines.append(invocation)
        else:
            result = self.result_variable(call, client)
            lines += [f"{result} = {invocation}", "", f"puts({result})"]
        return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- TypeScript


class TypeScript(Language):
    name = "typescript"
    label = "TypeScript"
    fence = "typescript"
    _PRIMITIVES = {"string": "string", "integer": "number", "number": "number", "boolean": "boolean"}

    def resource_name(self, resource: Resource) -> str:
        return camel_case(resource.name)

    def method_name(self, method: Method) -> str:
        return camel_case(method.name)

    def param_name(self, param: Parameter) -> str:
        # Path parameters are positional (`batchID`); the others are keys of the params object,
        # spelled as on the wire.
        return typescript_target.binding(param.name) if param.location == "path" else param.name

    def property_name(self, name: str) -> str:
        return name  # the SDK's response types use the wire names

    def type_name(self, t: Type, nullable: bool = False) -> str:
        if isinstance(t, Primitive):
            text = self._PRIMITIVES[t.kind]
        elif isinstance(t, Const):
            text = self.literal(t.value)
        elif isinstance(t, Enum):
            text = " | ".join(self.literal(v) for v in t.values) or "string"
        elif isinstance(t, Array):
            text = f"Array<{self.type_name(t.items)}>"
        elif isinstance(t, Map):
            text = f"{{ [key: string]: {self.type_name(t.values)} }}"
        elif isinstance(t, InlineObject):
            text = ".".join(pascal_case(p) for p in t.path)
        else:
            assert isinstance(t, ModelRef)
            text = t.name
        return f"{text} | null" if nullable else text

    def declaration(self, name: str, type_name: str, required: bool) -> str:
        return f"{name}{'' if required else '?'}: {type_name}"

    def void(self) -> str:
        return "void"

    @staticmethod
    def _string(text: str) -> str:
        out = []
        for ch in text:
            if ch in "'\\":
                out.append("\\" + ch)
            elif ord(ch) < 0x20 or ch in "\x7f\u2028\u2029" or ch == "<":
                out.append(f"\\u{ord(ch):04x}")  # `<` too: no `</script>` even inside an HTML page
            else:
                out.append(ch)
        return "'" + "".join(out) + "'"

    def literal(self, value: Any) -> str:
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, str):
            return self._string(value)
        if isinstance(value, list):
            return "[" + ", ".join(self.literal(v) for v in value) + "]"
        if isinstance(value, dict):
            return "{ " + ", ".join(f"{k}: {self.literal(v)}" for k, v in value.items()) + " }" if value else "{}"
        return json.dumps(value)

    def call_arguments(self, call: Call) -> str:
        names = [self.param_name(p) for p in call.method.path_params]
        others = [p for p in call.method.parameters if p.location != "path"]
        if others:
            names.append("params" if any(p.required for p in others) else "params?")
        return ", ".join(names)

    def example(self, api: Api, call: Call) -> str:
        package = api.package("typescript").name
        positional, named = self.example_arguments(api, call)
        if named:
            positional.append("{ " + ", ".join(f"{p.name}: {value}" for p, value in named) + " }")
        invocation = f"client.{self.call_path(call)}({', '.join(positional)})"
        lines = [f"import {api.name} from {self._string(package)};", "",
                 f"const client = new {api.name}({{ apiKey: {self._string(EXAMPLE_API_KEY)} }});", ""]
        if call.method.returns is None:
            lines.append(f"await {invocation};")
        else:
            result = camel_case(self.result_variable(call, "client"))
            printed = self.printed_property(api, call)
            shown = f"{result}.{printed.name}" if printed else result
            lines += [f"const {result} = await {invocation};", "", f"console.log({shown});"]
        return "\n".join(lines) + "\n"


LANGUAGES: tuple[Language, ...] = (Python(), Ruby(), TypeScript())
