"""The base of every response model, and how response JSON becomes models.

Responses are turned into models without validation, as the official SDK does: a field the server
added later is kept (readable as an attribute and in `to_dict()`), and an enum value this version
does not know (a new `status`) is kept as the plain string instead of raising.
"""

from __future__ import annotations

import sys
import types
from typing import (
    Any,
    Dict,
    ForwardRef,
    Literal,
    Mapping,
    Optional,
    TypeVar,
    Union,
    get_args,
    get_origin,
)

import pydantic

__all__ = ["BaseModel", "construct_type", "register_forward_references"]

_Model = TypeVar("_Model", bound="BaseModel")

#: What the forward references in annotations stand for (models that refer to each other name each
#: other in quotes); filled by types/__init__.py once every model is defined.
_FORWARD_REFERENCES: Dict[str, type] = {}


def register_forward_references(models: Mapping[str, type]) -> None:
    _FORWARD_REFERENCES.update(models)


class BaseModel(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(
        extra="allow", populate_by_name=True, protected_namespaces=()
    )

    _request_id: Optional[str] = None
    """The request id the API sent with the response this object came from, for support requests."""

    def to_dict(
        self,
        *,
        mode: Literal["json", "python"] = "python",
        use_api_names: bool = True,
        exclude_unset: bool = True,
        exclude_defaults: bool = False,
        exclude_none: bool = False,
    ) -> Dict[str, object]:
        """The object as a dict. By default only the fields the API sent, under their API names."""
        return self.model_dump(
            mode=mode,
            by_alias=use_api_names,
            exclude_unset=exclude_unset,
            exclude_defaults=exclude_defaults,
            exclude_none=exclude_none,
            warnings=False,  # an unknown enum value is expected, not a mistake
        )

    def to_json(
        self,
        *,
        indent: Optional[int] = 2,
        use_api_names: bool = True,
        exclude_unset: bool = True,
        exclude_defaults: bool = False,
        exclude_none: bool = False,
    ) -> str:
        """The object as a JSON string. By default only the fields the API sent, under their API names."""
        return self.model_dump_json(
            indent=indent,
            by_alias=use_api_names,
            exclude_unset=exclude_unset,
            exclude_defaults=exclude_defaults,
            exclude_none=exclude_none,
            warnings=False,
        )

    @classmethod
    def construct_from(cls: type[_Model], data: Mapping[str, object]) -> _Model:
        """A model from response JSON, without validation; unknown keys become extra fields."""
        by_wire_name = {
            (field.alias or name): name for name, field in cls.model_fields.items()
        }
        known: Dict[str, Any] = {}
        extra: Dict[str, Any] = {}
        for key, value in data.items():
            name = by_wire_name.get(key)
            if name is None:
                extra[key] = value
            else:
                known[name] = construct_type(cls.model_fields[name].annotation, value)
        model = cls.model_construct(_fields_set=set(known), **known)
        if extra:
            # Kept as sent: readable as attributes and dumped by to_dict() like declared fields.
            if model.__pydantic_extra__ is None:
                model.__pydantic_extra__ = {}
            model.__pydantic_extra__.update(extra)
        return model


def construct_type(type_: Any, value: object) -> Any:
    """`value` (decoded JSON) shaped as `type_` as far as it fits, never raising."""
    if isinstance(type_, (str, ForwardRef)):
        # Older pydantic releases keep forward references unresolved in `model_fields`.
        name = type_ if isinstance(type_, str) else type_.__forward_arg__
        type_ = _FORWARD_REFERENCES.get(name, Any)
    origin = get_origin(type_)
    if origin is Union or (
        sys.version_info >= (3, 10) and origin is getattr(types, "UnionType", None)
    ):
        if value is None:
            return None
        members = [arg for arg in get_args(type_) if arg is not type(None)]
        return construct_type(members[0], value) if len(members) == 1 else value
    if origin is list and isinstance(value, list):
        (item_type,) = get_args(type_) or (Any,)
        return [construct_type(item_type, item) for item in value]
    if origin is dict and isinstance(value, dict):
        args = get_args(type_)
        value_type = args[1] if len(args) == 2 else Any
        return {key: construct_type(value_type, item) for key, item in value.items()}
    if (
        isinstance(type_, type)
        and issubclass(type_, BaseModel)
        and isinstance(value, dict)
    ):
        return type_.construct_from(value)
    if type_ is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    return value
