"""The registry of diff checks: one module per kind of change, each with `CODES` and `run(ctx)`.

A check looks at the pairs a `DiffContext` prepared (models, methods, fields in a direction,
typed places) and yields a `Change` for each difference it is responsible for. `CODES` maps
every code the check can emit to its level; docs/diff-codes.md documents each of them.
"""

from __future__ import annotations

from types import ModuleType

from generator.diff.checks import (
    alias_added,
    alias_ref_changed,
    alias_removed,
    any_type_changed,
    auth_schemes_changed,
    base_url_changed,
    binary_result_changed,
    client_default_changed,
    client_options_changed,
    client_renamed,
    const_value_changed,
    deprecation_changed,
    description_changed,
    enum_values_changed,
    env_var_changed,
    format_changed,
    header_parameter_changed,
    method_added,
    method_auth_changed,
    method_encoding_changed,
    method_http_method_changed,
    method_pagination_changed,
    method_path_changed,
    method_removed,
    method_timeout_changed,
    model_added,
    model_removed,
    package_renamed,
    page_style_changed,
    parameter_added,
    parameter_default_changed,
    parameter_location_changed,
    parameter_nullable_changed,
    parameter_removed,
    parameter_required_changed,
    property_added,
    property_nullable_changed,
    property_removed,
    property_required_changed,
    type_changed,
    union_discriminator_changed,
    union_variants_changed,
)
from generator.diff.model import Level

CHECKS: tuple[ModuleType, ...] = (
    method_removed,
    method_added,
    method_path_changed,
    method_http_method_changed,
    method_pagination_changed,
    method_encoding_changed,
    method_timeout_changed,
    method_auth_changed,
    model_removed,
    model_added,
    alias_removed,
    alias_added,
    property_removed,
    property_added,
    property_required_changed,
    property_nullable_changed,
    parameter_removed,
    parameter_added,
    parameter_required_changed,
    parameter_nullable_changed,
    parameter_location_changed,
    parameter_default_changed,
    header_parameter_changed,
    type_changed,
    alias_ref_changed,
    any_type_changed,
    binary_result_changed,
    enum_values_changed,
    union_variants_changed,
    union_discriminator_changed,
    const_value_changed,
    format_changed,
    client_renamed,
    package_renamed,
    base_url_changed,
    env_var_changed,
    client_options_changed,
    auth_schemes_changed,
    client_default_changed,
    page_style_changed,
    deprecation_changed,
    description_changed,
)


def all_codes() -> dict[str, Level]:
    """Every code any check can emit, with its level."""
    codes: dict[str, Level] = {}
    for check in CHECKS:
        for code, level in check.CODES.items():
            assert code not in codes, f"change code {code} registered twice"
            codes[code] = level
    return codes
