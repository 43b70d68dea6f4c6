"""The Python adapter of the reference docs: asks names, types, literals and examples, re-spelling nothing.

Pages show the escaped names (`class_`, `with_raw_response_`, `n_2fa`) and the classes
(`Batch.BatchUsage_`) the SDK really declares, and examples that run against it.
"""

from __future__ import annotations

from typing import Any

from generator.ir import (
    Api,
    Array,
    Call,
    InlineObject,
    Map,
    Method,
    ModelRef,
    PageStyle,
    Parameter,
    Property,
    Resource,
    Type,
    all_inline_objects,
)
from generator.ir.examples import PropertyNode, property_tree
from generator.targets.language import Field, Language, Signature
from generator.targets.python import examples, names, types
from generator.targets.python.literals import value_literal


class Python(Language):
    name = "python"
    label = "Python"
    fence = "python"

    def resource_name(self, resource: Resource) -> str:
        return names.member_identifier(resource.name)

    def call_path(self, call: Call) -> str:
        # Without the Api (this interface gives none) the top-level resource steps aside for the
        # client's members only, not for its options: the index page uses this; the method pages use
        # names.call_path (see `signature`). A resource named like an option is refused by the other
        # targets, so no valid spec tells the two apart.
        rest = [self.resource_name(r) for r in call.resources[1:]]
        return ".".join(
            [names.client_attribute(call.resources[0].name), *rest, self.method_name(call.method)]
        )

    def method_name(self, method: Method) -> str:
        return names.member_identifier(method.name)

    def param_name(self, param: Parameter) -> str:
        return names.param_identifier(param.name)

    def property_name(self, name: str) -> str:
        return names.field_identifier(name)

    def type_name(self, t: Type, nullable: bool = False) -> str:
        """A type without inline objects (the docs target asks it for a model's own name): nested
        classes are named by `_fields`, which knows the Api (their names step aside for its models)."""
        return types.docs_property_type(t, nullable, frozenset())

    def property_type(self, prop: Property) -> str:
        # A model field the SDK declares Optional when it may be absent, as `_fields` shows it.
        return types.docs_property_type(prop.type, prop.nullable or not prop.required, frozenset())

    def parameter_type(self, call: Call, param: Parameter) -> str:
        return types.docs_parameter_type(param)

    def page_type_name(self, style: PageStyle, item: str) -> str:
        return types.page_type(style, item)

    def keywords(self) -> frozenset[str]:
        return names.reserved_words("python")

    def void(self) -> str:
        return "None"

    def literal(self, value: Any) -> str:
        return value_literal(value)

    def signature(self, api: Api, call: Call) -> Signature:
        base = super().signature(api, call)
        return Signature(
            call=f"{names.call_path(api, call)}({self.call_arguments(call)})",
            returns=types.method_return_annotation(call.method, annotated=False),
            shown=base.shown,
            hidden=base.hidden,
        )

    def returns(self, api: Api, call: Call) -> list[Field]:
        returned = call.method.returns
        # A returned inline object (also as the items of an array or the values of a map) and the
        # objects inside it come back as dicts: the SDK declares no class for them.
        inner = returned
        while isinstance(inner, (Array, Map)):
            inner = inner.items if isinstance(inner, Array) else inner.values
        objects = [inner, *all_inline_objects(inner.properties)] if isinstance(inner, InlineObject) else []
        plain = frozenset(id(obj) for obj in objects)
        return self._fields(api, property_tree(api, returned), plain)

    def model_fields(self, api: Api, model: str) -> list[Field]:
        return self._fields(api, property_tree(api, ModelRef(model), budget=0), frozenset())

    def _fields(self, api: Api, tree: tuple[PropertyNode, ...], plain: frozenset[int]) -> list[Field]:
        models = names.model_classes(api)

        def convert(node: PropertyNode) -> Field:
            p = node.property
            optional = p.nullable or not p.required
            name, type_name = self.property_name(p.name), types.docs_property_type(
                p.type, optional, models, plain
            )
            return Field(
                name,
                type_name,
                self.declaration(name, type_name, p.required),
                p.required,
                p.nullable,
                p.description,
                p.deprecated,
                tuple(convert(c) for c in node.children),
                link=node.link,
            )

        return [convert(node) for node in tree]

    def example(self, api: Api, call: Call) -> str:
        return examples.docs_example(api, call)
