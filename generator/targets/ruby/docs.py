"""The Ruby adapter of the reference docs: names, types, literals and the example program, as the Ruby SDK spells them."""

from __future__ import annotations

import json
from typing import Any

from generator.ir import (
    Api, Array, Call, Const, Enum, InlineObject, Map, Method, ModelRef, Parameter, Primitive, Property, Resource, Type,
)
from generator.ir.examples import example_value
from generator.targets.language import EXAMPLE_API_KEY, Language
from generator.text.case import camel_case, snake_case
from generator.targets.ruby import target as ruby_target


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

    def keywords(self) -> frozenset[str]:
        return ruby_target.reserved_words("ruby")

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
