"""The Python adapter of the reference docs: names, types, literals and the example program, as the Python SDK spells them."""

from __future__ import annotations

import json
from typing import Any

from generator.ir import (
    Api, Array, Call, Const, Enum, InlineObject, Map, Method, ModelRef, Parameter, Primitive, Property, Resource, Type,
)
from generator.ir.examples import example_value
from generator.targets.language import EXAMPLE_API_KEY, Language
from generator.text.case import camel_case, snake_case
from generator.targets.python import target as python_target


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

    def keywords(self) -> frozenset[str]:
        return python_target.reserved_words("python")

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
