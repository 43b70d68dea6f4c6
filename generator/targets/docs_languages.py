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
from generator.naming import camel_case, reserved_words, snake_case
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
    link: str = ""  # the model whose own reference documents this field's object (not expanded here)


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

    def returned_type(self, call: Call) -> Type | None:
        """What the method returns, with its inline objects named as the SDK names them."""
        return call.method.returns

    def parameter_type(self, call: Call, param: Parameter) -> str:
        """The type of a parameter, as the SDK declares it."""
        return self.type_name(param.type, param.nullable)

    # ------------------------------------------------------------ the page's parts

    @abstractmethod
    def call_arguments(self, call: Call) -> str:
        """The parameter list of the signature line."""

    def signature(self, api: Api, call: Call) -> Signature:
        returns = self.returned_type(call)
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
            name, type_name = self.param_name(p), self.parameter_type(call, p)
            fields.append(Field(name, type_name, self.declaration(name, type_name, required), required, p.nullable,
                                p.description, p.deprecated, location=p.location))
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
        elif isinstance(t, Const):  # literals as the SDK's annotations spell them
            value = t.value
            text = f"Literal[{python_target.string_literal(value) if isinstance(value, str) else self.literal(value)}]"
        elif isinstance(t, Enum):
            text = f"Literal[{', '.join(python_target.string_literal(v) for v in t.values)}]" if t.values else "str"
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

    # The gem's own naming rules (generator/targets/ruby.py): `class_`, `n_2_fa_enabled`, `end_`, a
    # top-level resource kept clear of the client's methods, a parameter clear of `request_options`.
    def resource_name(self, resource: Resource) -> str:
        return ruby_target.member(resource.name, ruby_target.RESOURCE_MEMBERS)

    def call_path(self, call: Call) -> str:
        top = ruby_target.client_reader(call.resources[0].name)
        rest = [self.resource_name(r) for r in call.resources[1:]]
        return ".".join([top, *rest, self.method_name(call.method)])

    def method_name(self, method: Method) -> str:
        return ruby_target.identifier(method.name)

    def param_name(self, param: Parameter) -> str:
        return ruby_target.member(param.name, ruby_target.METHOD_KEYWORDS)

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
            text = "::".join(ruby_target.constant(p) for p in t.path)
        else:
            assert isinstance(t, ModelRef)
            text = ruby_target.constant(t.name)
        if union:
            text = f"({text})"  # RBS parenthesizes a union of symbols
        return f"{text}?" if nullable else text

    @staticmethod
    def _symbol(value: str) -> str:
        # As the gem's signatures write it: the way Symbol#inspect prints it (`:a`, `:"a-b"`).
        return ruby_target.symbol_literal(value)

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
            # Keys are wire names (any text) or the example map key, as Symbol labels (`"a-b": value`).
            return "{" + ", ".join(f"{ruby_target.symbol_label(k)} {self.literal(v)}" for k, v in value.items()) + "}"
        return repr(value)

    def call_arguments(self, call: Call) -> str:
        names = [self.param_name(p) for p in call.method.path_params]
        if any(p.location != "path" for p in call.method.parameters):
            names.append("**params")
        return ", ".join(names)

    def client_variable(self, api: Api) -> str:
        # Named after the gem's require name (`openai = OpenAI::Client.new`), as the official reference does.
        return ruby_target.identifier(ruby_target.library_name(api.package("ruby").name))

    def example(self, api: Api, call: Call) -> str:
        gem = ruby_target.library_name(api.package("ruby").name)
        module = ruby_target.module_name(api.name)
        client = self.client_variable(api)
        positional, named = self.example_arguments(api, call)
        args = ", ".join(positional + [f"{self.param_name(p)}: {value}" for p, value in named])
        invocation = f"{client}.{self.call_path(call)}({args})" if args else f"{client}.{self.call_path(call)}"
        lines = [f"require {self._string(gem)}", "",
                 f"{client} = {module}::Client.new(api_key: {self._string(EXAMPLE_API_KEY)})", ""]
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

    # The package's own naming rules (generator/targets/typescript.py): members kept clear of the
    # client's and resources' own (`constructor_`, `then_`), path parameters as bindings (`end_`),
    # models and inline objects by their exported names (`Object_`, `WidgetPackageResponse`), and
    # params and response fields by their wire names, quoted where they are not identifiers.
    def resource_name(self, resource: Resource) -> str:
        return typescript_target.member_name(resource.name, typescript_target.RESOURCE_MEMBERS)

    def call_path(self, call: Call) -> str:
        top = typescript_target.member_name(call.resources[0].name, typescript_target.CLIENT_MEMBERS)
        rest = [self.resource_name(r) for r in call.resources[1:]]
        return ".".join([top, *rest, self.method_name(call.method)])

    def method_name(self, method: Method) -> str:
        return typescript_target.member_name(method.name, typescript_target.RESOURCE_MEMBERS)

    def param_name(self, param: Parameter) -> str:
        # Path parameters are positional (`batchID`); the others are keys of the params object,
        # spelled as on the wire.
        if param.location == "path":
            return typescript_target.binding(param.name)
        return typescript_target.property_key(param.name)

    def property_name(self, name: str) -> str:
        return typescript_target.property_key(name)  # the SDK's response types use the wire names

    def type_name(self, t: Type, nullable: bool = False) -> str:
        return typescript_target.ts_type(t, nullable)

    @staticmethod
    def _resource_path(call: Call) -> tuple[str, ...]:
        return tuple(r.name for r in call.resources)

    def returned_type(self, call: Call) -> Type | None:
        return typescript_target.returned(self._resource_path(call), call.method)

    def _field_type(self, name: str, t: Type, required: bool, nullable: bool) -> str:
        # As the SDK's interfaces declare a field: an optional one named like a member every object
        # inherits (`constructor`) also admits what is read when the JSON lacks it.
        inherited = [] if required or name not in typescript_target.INHERITED_MEMBERS \
            else [typescript_target.INHERITED_MEMBERS[name]]
        return " | ".join(typescript_target.type_parts(t) + (["null"] if nullable else []) + inherited)

    def parameter_type(self, call: Call, param: Parameter) -> str:
        if param.location == "path":
            return self.type_name(param.type, param.nullable)
        params_type = typescript_target.params_type_name(self._resource_path(call), call.method)
        rooted = typescript_target.rooted(param.type, params_type)
        return self._field_type(param.name, rooted, param.required, param.nullable)

    def property_type(self, prop: Property) -> str:
        return self._field_type(prop.name, prop.type, prop.required, prop.nullable)

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
            return "{ " + ", ".join(f"{self._key(k)}: {self.literal(v)}" for k, v in value.items()) + " }" \
                if value else "{}"
        return json.dumps(value)

    def _key(self, name: str) -> str:
        """An object literal key for a wire name: bare when an identifier, else quoted; `__proto__`
        computed, as a plain `__proto__:` would set the object's prototype instead."""
        if name == "__proto__":
            return f"[{self._string(name)}]"
        return name if typescript_target.es5_identifier(name) else self._string(name)

    def _member(self, target: str, name: str) -> str:
        """`target.name`, or `target['name']` when the wire name is not an identifier."""
        if typescript_target.es5_identifier(name):
            return f"{target}.{name}"
        return f"{target}[{self._string(name)}]"

    def call_arguments(self, call: Call) -> str:
        names = [self.param_name(p) for p in call.method.path_params]
        others = [p for p in call.method.parameters if p.location != "path"]
        if others:
            # `query`, `body` or `params`, as the SDK's method names the argument.
            argument = typescript_target.params_argument(call.method)
            names.append(argument if any(p.required for p in others) else argument + "?")
        return ", ".join(names)

    def example(self, api: Api, call: Call) -> str:
        package = api.package("typescript").name
        client_class = typescript_target.client_name(api)
        positional, named = self.example_arguments(api, call)
        if named:
            positional.append("{ " + ", ".join(f"{self._key(p.name)}: {value}" for p, value in named) + " }")
        invocation = f"client.{self.call_path(call)}({', '.join(positional)})"
        lines = [f"import {client_class} from {self._string(package)};", "",
                 f"const client = new {client_class}({{ apiKey: {self._string(EXAMPLE_API_KEY)} }});", ""]
        if call.method.returns is None:
            lines.append(f"await {invocation};")
        else:
            result = camel_case(self.result_variable(call, "client"))
            printed = self.printed_property(api, call)
            shown = self._member(result, printed.name) if printed else result
            lines += [f"const {result} = await {invocation};", "", f"console.log({shown});"]
        return "\n".join(lines) + "\n"


LANGUAGES: tuple[Language, ...] = (Python(), Ruby(), TypeScript())
