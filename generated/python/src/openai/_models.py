"""The base of every response model, and how response JSON becomes models.

Responses are turned into models without validation, as the official SDK does: a field the server
added later is kept (readable as an attribute and in `to_dict()`), and an enum value this version
does not know (a new `status`) is kept as the plain string instead of raising. A discriminated union
(`Annotated[Union[Cat, Parrot], PropertyInfo(discriminator="kind")]`) becomes the variant its
discriminator names; another union, the first variant the value's JSON shape fits. A value no variant
takes (an unknown discriminator, a shape no variant has) is kept as sent.
"""

from __future__ import annotations

import sys
import types
from typing import (
    Annotated,
    Any,
    Dict,
    ForwardRef,
    Literal,
    Mapping,
    Optional,
    Sequence,
    TypeVar,
    Union,
    get_args,
    get_origin,
)

import pydantic

__all__ = ["BaseModel", "PropertyInfo", "construct_type", "register_forward_references"]

_Model = TypeVar("_Model", bound="BaseModel")

#: What the forward references in annotations stand for (models that refer to each other name each
#: other in quotes); filled by types/__init__.py once every model is defined.
_FORWARD_REFERENCES: Dict[str, type] = {}


def register_forward_references(models: Mapping[str, type]) -> None:
    _FORWARD_REFERENCES.update(models)


class PropertyInfo:
    """What an `Annotated` type tells the runtime: `discriminator` names the property whose value picks
    the variant of a union (openai-python's spelling)."""

    def __init__(self, *, discriminator: Optional[str] = None) -> None:
        self.discriminator = discriminator

    def __repr__(self) -> str:
        return f"PropertyInfo(discriminator={self.discriminator!r})"


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
                field = cls.model_fields[name]
                # pydantic moves the metadata of a field's own `Annotated` type to `metadata`.
                known[name] = construct_type(field.annotation, value, field.metadata)
        model = cls.model_construct(_fields_set=set(known), **known)
        if extra:
            # Kept as sent: readable as attributes and dumped by to_dict() like declared fields.
            if model.__pydantic_extra__ is None:
                model.__pydantic_extra__ = {}
            model.__pydantic_extra__.update(extra)
        return model


def construct_type(type_: Any, value: object, metadata: Sequence[object] = ()) -> Any:
    """`value` (decoded JSON) shaped as `type_` as far as it fits, never raising; `metadata` is that of
    an `Annotated` type around it (a union's discriminator)."""
    type_ = _resolved(type_)
    origin = get_origin(type_)
    if origin is Annotated:
        return construct_type(type_.__origin__, value, [*metadata, *type_.__metadata__])
    if _is_union(origin):
        if value is None:
            return None
        members = [arg for arg in get_args(type_) if arg is not type(None)]
        if len(members) == 1:
            return construct_type(members[0], value, metadata)
        discriminator = _discriminator(metadata)
        if discriminator is not None:
            variant = _variant_named(members, discriminator, value)
            if variant is None or not isinstance(value, dict):
                return value  # an unknown variant: kept as sent
            return variant.construct_from(value)
        for member in members:
            if _fits(member, value):
                return construct_type(member, value)
        return value
    if origin is list and isinstance(value, list):
        (item_type,) = get_args(type_) or (Any,)
        return [construct_type(item_type, item) for item in value]
    if origin is dict and isinstance(value, dict):
        args = get_args(type_)
        value_type = args[1] if len(args) == 2 else Any
        return {key: construct_type(value_type, item) for key, item in value.items()}
    if _is_model(type_) and isinstance(value, dict):
        return type_.construct_from(value)
    if type_ is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    return value


def _resolved(type_: Any) -> Any:
    if isinstance(type_, (str, ForwardRef)):
        # Older pydantic releases keep forward references unresolved in `model_fields`.
        name = type_ if isinstance(type_, str) else type_.__forward_arg__
        return _FORWARD_REFERENCES.get(name, Any)
    return type_


def _is_union(origin: Any) -> bool:
    return origin is Union or (
        sys.version_info >= (3, 10) and origin is getattr(types, "UnionType", None)
    )


def _is_model(type_: Any) -> bool:
    return isinstance(type_, type) and issubclass(type_, BaseModel)


def _discriminator(metadata: Sequence[object]) -> Optional[str]:
    for item in metadata:
        if isinstance(item, PropertyInfo) and item.discriminator is not None:
            return item.discriminator
    return None


def _variant_named(
    members: Sequence[Any], discriminator: str, value: object
) -> Optional[Any]:
    """The model among `members` whose `discriminator` property is the constant `value` holds."""
    if not isinstance(value, dict) or discriminator not in value:
        return None
    tag = value[discriminator]
    for member in members:
        member = _resolved(member)
        if not _is_model(member):
            continue
        for name, field in member.model_fields.items():
            if (field.alias or name) == discriminator:
                constant = _resolved(field.annotation)
                if get_origin(constant) is Literal and tag in get_args(constant):
                    return member
    return None


def _fits(member: Any, value: object) -> bool:
    """Whether `value` has the JSON shape of the union member `member` (a model or a dict for an
    object, a list for an array, the scalar type or a literal of its kind for a scalar).
    """
    member = _resolved(member)
    if get_origin(member) is Annotated:
        member = member.__origin__
    origin = get_origin(member)
    if member is Any or member is object:
        return True
    if isinstance(value, dict):
        return origin is dict or member is dict or _is_model(member)
    if isinstance(value, list):
        return origin is list or member is list
    if origin is Literal:
        # A literal of the value's kind (an open enum's unknown value still fits).
        return any(type(arg) is type(value) for arg in get_args(member))
    if isinstance(value, bool):
        return member is bool
    if isinstance(value, int):
        return member is int or member is float
    if isinstance(value, float):
        return member is float
    return isinstance(member, type) and isinstance(value, member)
