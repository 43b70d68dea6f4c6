"""The intermediate representation: node types (model.py), the walks over them (walks.py), and
language-neutral example values and property trees for the docs (examples.py)."""

from __future__ import annotations

from generator.ir.model import (
    NOWHERE, Alias, AliasRef, AnyValue, Api, AuthScheme, Array, Binary, BodyEncoding, ClientOption, Const, Default, Enum, FileUpload,
    HttpMethod, InlineObject, Location, Map, Method, Model, ModelRef, Package, PageStyle, ParamLocation,
    Parameter, Primitive, PrimitiveKind, Property, Resource, Type, Union, path_template_names,
)
from generator.ir.walks import (
    Call, alias_references, all_inline_objects, calls, cyclic_references, direct_inline_objects, inline_objects, keyword_params,
    model_references, models_through_aliases, referenced_models_of, resources_with_paths,
)

__all__ = [
    "NOWHERE", "Alias", "AliasRef", "AnyValue", "Api", "AuthScheme", "Array", "Binary", "BodyEncoding", "ClientOption", "Const", "Default", "Enum",
    "FileUpload", "HttpMethod", "InlineObject", "Location", "Map", "Method", "Model", "ModelRef", "Package",
    "PageStyle", "ParamLocation", "Parameter", "Primitive", "PrimitiveKind", "Property", "Resource", "Type", "Union",
    "path_template_names",
    "Call", "alias_references", "all_inline_objects", "calls", "cyclic_references", "direct_inline_objects", "inline_objects",
    "keyword_params", "model_references", "models_through_aliases", "referenced_models_of", "resources_with_paths",
]
