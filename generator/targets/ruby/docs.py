"""The Ruby adapter of the reference docs: names, types, literals and the example program, as the gem spells them.

It asks names.py, types.py and literals.py, and spells nothing itself. Types are the gem's YARD types
(what its own documentation says), with model classes named as the docs' model pages are (`Batch`).
The gem has no aliases: an alias's type is spelled in place, as the gem does (view.py), wherever the
adapter is given the API; `parameters(call)` is not, so it names the alias unless the adapter is bound
to the API (`bind`).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from generator.ir import AliasRef, Api, Binary, Call, Method, PageStyle, Parameter, Property, Resource, Type
from generator.targets.language import EXAMPLE_API_KEY, Field, Language, Signature
import generator.targets.ruby.names as names
from generator.targets.ruby.params import rooted
from generator.targets.ruby.literals import double_quoted, example_call, example_literal
from generator.targets.ruby.types import field_yard, param_yard, yard
from generator.targets.ruby.view import spell


class Ruby(Language):
    name = "ruby"
    label = "Ruby"
    fence = "ruby"

    def __init__(self, api: Api | None = None) -> None:
        self.api = api

    def bind(self, api: Api) -> "Ruby":
        """This adapter for `api`: its aliases spelled in place."""
        return Ruby(api)

    def spelled(self, t: Type) -> Type:
        """`t` as the gem reads it (view.py); an alias's name when the adapter is not bound to its API."""
        if self.api is not None:
            return spell(self.api, t)
        return t

    def resource_name(self, resource: Resource) -> str:
        return names.member(resource.name, names.RESOURCE_MEMBERS)

    def call_path(self, call: Call) -> str:
        return names.call_path(tuple(r.name for r in call.resources), call.method.name)

    def method_name(self, method: Method) -> str:
        return names.identifier(method.name)

    def param_name(self, param: Parameter) -> str:
        return names.param_name(param)

    def property_name(self, name: str) -> str:
        return names.identifier(name)

    def type_name(self, t: Type, nullable: bool = False) -> str:
        # A model, or an inline object as the class nested in its model (`Batch::Errors`).
        if isinstance(t, AliasRef) and self.api is None:
            return t.name + (", nil" if nullable else "")
        return yard(self.spelled(t), "field", "") + (", nil" if nullable else "")

    def page_type_name(self, style: PageStyle, item: str) -> str:
        # As the gem's `@return` names it, without the module, as the docs name models (`Batch`).
        return f"{names.page_class(style.name)}<{item}>"

    def signature(self, api: Api, call: Call) -> Signature:
        # What a method returns, as its `@return` says: an inline object comes back as a Hash, a
        # paginated method a page of them.
        signature = super().signature(api, call)
        returns = call.method.returns
        if returns is None:
            return signature
        item = yard(spell(api, returns), "result", "")
        page = call.method.page
        return replace(signature, returns=self.page_type_name(page, item) if page is not None else item)

    def returns(self, api: Api, call: Call) -> list[Field]:
        # Bound, so that the properties' aliases are spelled in place (`Batch#metadata`).
        return Language.returns(self if self.api is api else self.bind(api), api, call)

    def model_fields(self, api: Api, model: str) -> list[Field]:
        return Language.model_fields(self if self.api is api else self.bind(api), api, model)

    def property_type(self, prop: Property) -> str:
        if self.api is None and isinstance(prop.type, AliasRef):
            return self.type_name(prop.type, prop.nullable or not prop.required)
        return field_yard(replace(prop, type=self.spelled(prop.type)), "")

    def parameter_type(self, call: Call, param: Parameter) -> str:
        # An inline object as the class the method's params class nests (`BatchCreateParams::OutputExpiresAfter`).
        param = rooted(tuple(r.name for r in call.resources), call.method, param)
        if self.api is None and isinstance(param.type, AliasRef):
            return self.type_name(param.type, param.nullable)
        return param_yard(replace(param, type=self.spelled(param.type)), "")

    def result_variable(self, call: Call, avoid: str) -> str:
        # As the official reference names them: a list method's `page`, a download's `response`.
        if call.method.page is not None:
            return "page" if avoid != "page" else "page_result"
        if isinstance(call.method.returns, Binary):
            return "response" if avoid != "response" else "response_result"
        return super().result_variable(call, avoid)

    def keywords(self) -> frozenset[str]:
        return names.reserved_words("ruby")

    def void(self) -> str:
        return "nil"

    def literal(self, value: Any) -> str:
        return example_literal(value)

    def example_literal(self, api: Api, value: Any) -> str:
        return example_literal(value, names.module_name(api.name))

    def client_variable(self, api: Api) -> str:
        # Named after the gem's require name (`openai = OpenAI::Client.new`), as the official reference does.
        return names.identifier(names.library_name(api.package("ruby").name))

    def example(self, api: Api, call: Call) -> str:
        gem = names.library_name(api.package("ruby").name)
        module = names.module_name(api.name)
        client = self.client_variable(api)
        positional, named = self.example_arguments(api, call)
        # As the official reference writes a call without arguments: no parentheses.
        invocation = example_call(f"{client}.{self.call_path(call)}", positional,
                                  [(self.param_name(p), value) for p, value in named], parentheses=False)
        lines = [f"require {double_quoted(gem)}", "",
                 f"{client} = {names.client_class(module)}.new(api_key: {double_quoted(EXAMPLE_API_KEY)})", ""]
        if call.method.returns is None:
            lines.append(invocation)
        else:
            result = self.result_variable(call, client)
            # A download is a StringIO: print what it holds, not the object.
            shown = f"{result}.read" if isinstance(call.method.returns, Binary) else result
            lines += [f"{result} = {invocation}", "", f"puts({shown})"]
        return "\n".join(lines) + "\n"
