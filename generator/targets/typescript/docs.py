"""The TypeScript adapter of the reference docs: names, types, literals and the example program, as the TypeScript SDK spells them."""

from __future__ import annotations

import json
from typing import Any

from generator.ir import Api, Binary, Call, FileUpload, Method, PageStyle, Parameter, Property, Resource, Type
from generator.ir.examples import FileExample
from generator.targets.language import EXAMPLE_API_KEY, Language
from generator.targets.typescript.auth import API_KEY_OPTION, method_auth
from generator.targets.typescript.literals import html_safe_string_literal
from generator.targets.typescript.names import (
    binding, call_path, client_name, example_access, example_key, header_param_key, invocation, method_name,
    page_class_name, property_key, reserved_words, member_name, RESOURCE_MEMBERS,
)
from generator.targets.typescript.types import field_type, method_types, rooted, returned, ts_type, uses_type
from generator.text.case import camel_case


def _path(call: Call) -> tuple[str, ...]:
    return tuple(r.name for r in call.resources)


class TypeScript(Language):
    name = "typescript"
    label = "TypeScript"
    fence = "typescript"

    # Every name and type is the package's own (names.py, types.py): members kept clear of the
    # client's, the resources' and Object's own (`constructor_`, `then_`, `toString_`), path parameters
    # as bindings (`end_`), models and inline objects by their exported names (`Object_`,
    # `WidgetPackageResponse`), and params and response fields by their wire names, quoted where they
    # are not identifiers.
    def resource_name(self, resource: Resource) -> str:
        return member_name(resource.name, RESOURCE_MEMBERS)  # a child resource: a field of its parent

    def call_path(self, call: Call) -> str:
        return call_path(_path(call), call.method)

    def method_name(self, method: Method) -> str:
        return method_name(method.name)

    def param_name(self, param: Parameter) -> str:
        # Path parameters are positional (`batchID`); the others are keys of the params object,
        # spelled as on the wire.
        if param.location == "path":
            return binding(param.name)
        if param.location == "header":
            return header_param_key(param.name)  # a field of the params object, as the SDK declares it
        return property_key(param.name)

    def property_name(self, name: str) -> str:
        return property_key(name)  # the SDK's response types use the wire names

    def type_name(self, t: Type, nullable: bool = False) -> str:
        return ts_type(t, nullable)

    def returned_type(self, call: Call) -> Type | None:
        return returned(_path(call), call.method)

    def parameter_type(self, call: Call, param: Parameter) -> str:
        if param.location == "path":
            return self.type_name(param.type, param.nullable)
        params_type = method_types(_path(call), call.method).params_type
        assert params_type is not None  # a query, body or header parameter makes the method take one
        name = header_param_key(param.name) if param.location == "header" else param.name
        return field_type(name, rooted(param.type, params_type), param.required, param.nullable)

    def page_type_name(self, style: PageStyle, item: str) -> str:
        return f"{page_class_name(style.name)}<{item}>"  # what awaiting the method's PagePromise gives

    def property_type(self, prop: Property) -> str:
        return field_type(prop.name, prop.type, prop.required, prop.nullable)

    def declaration(self, name: str, type_name: str, required: bool) -> str:
        return f"{name}{'' if required else '?'}: {type_name}"

    def keywords(self) -> frozenset[str]:
        return reserved_words("typescript")

    def void(self) -> str:
        return "void"

    def literal(self, value: Any) -> str:
        if isinstance(value, FileExample):  # a file, as `toFile` makes one (the example imports it)
            # A Blob, not a Buffer: the example needs no Node types and runs on any runtime.
            return (f"await toFile(new Blob([{html_safe_string_literal(value.content)}]), "
                    f"{html_safe_string_literal(value.filename)})")
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, str):
            return html_safe_string_literal(value)
        if isinstance(value, list):
            return "[" + ", ".join(self.literal(v) for v in value) + "]"
        if isinstance(value, dict):
            return "{ " + ", ".join(f"{example_key(k)}: {self.literal(v)}" for k, v in value.items()) + " }" \
                if value else "{}"
        return json.dumps(value)

    def call_arguments(self, call: Call) -> str:
        # Path parameters by their bindings, then `query`, `body` or `params`, as the SDK's method names
        # the argument (`?` when it may be left out).
        types = method_types(_path(call), call.method)
        names = [name for name, _ in types.path_args]
        if types.params_var:
            names.append(types.params_var + ("" if types.params_required else "?"))
        return ", ".join(names)

    def example(self, api: Api, call: Call) -> str:
        package = api.package("typescript").name
        client_class = client_name(api)
        positional, named = self.example_arguments(api, call)
        if named:
            keys = [header_param_key(p.name) if p.location == "header" else p.name for p, _ in named]
            positional.append("{ " + ", ".join(f"{example_key(k)}: {v}" for k, (_, v) in zip(keys, named)) + " }")
        call_text = invocation("client", _path(call), call.method, positional)
        imported = f"{client_class}, {{ toFile }}" if uses_type(call.method, FileUpload) else client_class
        key = method_auth(call.method) or API_KEY_OPTION  # the option of the key the method sends
        lines = [f"import {imported} from {html_safe_string_literal(package)};", "",
                 f"const client = new {client_class}({{ {key}: {html_safe_string_literal(EXAMPLE_API_KEY)} }});", ""]
        result = camel_case(self.result_variable(call, "client"))
        printed = self.printed_property(api, call)
        if call.method.returns is None:
            lines.append(f"await {call_text};")
        elif call.method.page is not None:  # every item across pages, as openai-node's README iterates
            shown = example_access(result, printed.name) if printed else result
            lines += [f"for await (const {result} of {call_text}) {{", f"  console.log({shown});", "}"]
        elif isinstance(call.method.returns, Binary):  # the fetch Response, its body read as text
            lines += [f"const response = await {call_text};", "", "const content = await response.text();",
                      "console.log(content);"]
        else:
            shown = example_access(result, printed.name) if printed else result
            lines += [f"const {result} = await {call_text};", "", f"console.log({shown});"]
        return "\n".join(lines) + "\n"
