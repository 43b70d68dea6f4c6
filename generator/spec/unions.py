"""Validating the discriminators of unions (format 2), once every model is known."""

from __future__ import annotations

from generator.ir import Api, Const, ModelRef, Union
from generator.ir.model import Location
from generator.spec.reader import Reader


def check_unions(r: Reader, api: Api) -> None:
    """E214 for a discriminated union whose variants cannot be told apart by the discriminator: each
    variant must be a model with a required, non-nullable string const property of that name, and no
    two variants may share the value."""
    models = {m.name for m in api.models}
    for union, where, what in r.unions:
        if union.discriminator is not None:
            _check_discriminated(r, api, union, where, what, models)


def _check_discriminated(r: Reader, api: Api, union: Union, where: Location, what: str,
                         models: set[str]) -> None:
    key = union.discriminator
    seen: dict[object, str] = {}
    for variant in union.variants:
        if not isinstance(variant, ModelRef):
            r.error(where, "E214", f"the union of {what} has a discriminator, but a variant is not a model",
                    "with `discriminator:`, every variant is `ref: Model`; drop the discriminator otherwise")
            return
        if variant.name not in models:
            continue  # reported as a dangling reference
        model = api.model(variant.name)
        prop = next((p for p in model.properties if p.name == key), None)
        if prop is None or not isinstance(prop.type, Const) or not isinstance(prop.type.value, str) \
                or not prop.required or prop.nullable:
            r.error(where, "E214", f"the discriminator `{key}` of {what} is not a required string const "
                    f"of model `{variant.name}`",
                    f"give `{variant.name}` `{key}: {{type: const, value: ..., required: true}}`")
            continue
        value = prop.type.value
        if value in seen:
            r.error(where, "E214", f"models `{seen[value]}` and `{variant.name}` of {what} both have "
                    f"`{key}: {value}`", "each variant needs its own discriminator value")
        seen[value] = variant.name
