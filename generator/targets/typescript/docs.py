"""The TypeScript adapter of the reference docs: names, types, literals and the example program, as the TypeScript SDK spells them."""

from __future__ import annotations

import json
from typing import Any

from generator.ir import (
    Api, Array, Call, Const, Enum, InlineObject, Map, Method, ModelRef, Parameter, Primitive, Property, Resource, Type,
)
from generator.ir.examples import example_value
from generator.targets.language import EXAMPLE_API_KEY, Language
from generator.text.case import camel_case, snake_case
from generator.targets.typescript import target as typescript_target


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

    def keywords(self) -> frozenset[str]:
        return typescript_target.reserved_words("typescript")

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
