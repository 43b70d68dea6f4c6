"""Validating `api.pagination` (format 2): the page styles that list methods name with `paginated:`."""

from __future__ import annotations

from generator.ir import PageStyle
from generator.spec.nodes import YMap
from generator.spec.reader import LOWER_NAME, WIRE_NAME, Reader

PAGE_KINDS = ("cursor",)
# The keys of a cursor style, each the wire name of a property or parameter, with its default.
CURSOR_KEYS = {"items": "data", "has_more": "has_more", "cursor_param": "after", "cursor_field": "id"}


def read_page_styles(r: Reader, api: YMap | None) -> dict[str, PageStyle]:
    """The page styles `api.pagination` declares, by name (read before the methods that name them)."""
    if api is None or "pagination" not in api or not r.format_2(api, "pagination", "`api`"):
        return {}
    node = r.value_mapping(api, "pagination", "`pagination` of `api`")
    if node is None:
        return {}
    styles = {}
    for name in node:
        where = node.key_at(name)
        r.identifier(name, where, LOWER_NAME, "page style", "cursor")
        entry = r.value_mapping(node, name, f"page style `{name}`")
        if entry is None:
            continue
        what = f"page style `{name}`"
        r.keys(entry, what, ("kind",), tuple(CURSOR_KEYS))
        kind = r.text(entry, "kind", what)
        if kind and kind not in PAGE_KINDS:
            r.error(entry.value_at("kind"), "E105", f"unknown page kind `{kind}` in {what}",
                    f"page kinds: {', '.join(PAGE_KINDS)} (the response has `has_more`; the next request "
                    "sends the last item's id)")
        fields = {}
        for key, default in CURSOR_KEYS.items():
            value = r.text(entry, key, what, default)
            if not WIRE_NAME.match(value):
                r.error(entry.value_at(key), "E205", f"`{key}` of {what} is not a wire name", "e.g. `data`")
            fields[key] = value
        styles[name] = PageStyle(name=name, kind="cursor", location=where, **fields)
    return styles
