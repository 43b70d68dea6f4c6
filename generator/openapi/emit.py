"""Writing the spec as YAML: safe quoting of untrusted text, stable order, no YAML aliases."""

from __future__ import annotations

from typing import Any

import yaml  # type: ignore[import-untyped]  # no stubs: types-PyYAML is not a dependency

_Dumper: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _NoAliases(_Dumper):  # type: ignore[misc]
    def ignore_aliases(self, data: Any) -> bool:
        return True


def _text(dumper: Any, data: str) -> Any:
    """Multi-line text as a literal block (the emitter falls back to quoting where a block cannot
    hold the text exactly)."""
    style = "|" if "\n" in data else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_NoAliases.add_representer(str, _text)

HEADER = "# Imported from an OpenAPI document by `gen import-openapi`; see docs/openapi-import.md.\n"


def dump(spec: dict[str, Any]) -> str:
    """YAML text of `spec` in its insertion order; every string the emitter cannot write plainly and
    safely is quoted by PyYAML's safe emitter."""
    body: str = yaml.dump(spec, Dumper=_NoAliases, sort_keys=False, allow_unicode=True, width=110,
                     default_flow_style=False)
    return HEADER + body
