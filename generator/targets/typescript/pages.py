"""Pages and uploads in the package: the page classes of src/core/pagination.ts and which modules need them."""

from __future__ import annotations

from dataclasses import dataclass

from generator.ir import Api, FileUpload, PageStyle
from generator.targets.typescript.literals import string_literal
from generator.targets.typescript.modules import ResourceFile
from generator.targets.typescript.names import es5_identifier, page_class_name, property_key
from generator.targets.typescript.types import method_types, uses_type


@dataclass(frozen=True)
class PageStyleContext:
    """One page class of src/core/pagination.ts, its field names spelled as TypeScript needs them."""

    name: str
    class_name: str  # CursorPage
    items_key: str  # `data` as an interface key
    items_access: str  # `.data`, or `['the-items']`
    has_more: str
    has_more_key: str
    has_more_access: str
    cursor_param: str
    cursor_key: str
    cursor_entry: str  # the key of the next page's query
    cursor_field: str


def _access(name: str) -> str:
    return f".{name}" if es5_identifier(name) else f"[{string_literal(name)}]"


def page_styles(api: Api) -> list[PageStyleContext]:
    return [_style(s) for s in api.page_styles]


def _style(s: PageStyle) -> PageStyleContext:
    return PageStyleContext(
        name=s.name, class_name=page_class_name(s.name), items_key=property_key(s.items),
        items_access=_access(s.items), has_more=s.has_more, has_more_key=property_key(s.has_more),
        has_more_access=_access(s.has_more), cursor_param=s.cursor_param, cursor_key=property_key(s.cursor_param),
        cursor_entry=property_key(s.cursor_param), cursor_field=s.cursor_field)


def page_alias_homes(rfiles: list[ResourceFile]) -> dict[str, str]:
    """Page alias (`BatchesPage`) -> the module that declares it: the first whose methods give it."""
    homes: dict[str, str] = {}
    for rf in rfiles:
        for m in rf.resource.methods:
            alias = method_types(rf.path, m).page_alias
            if alias is not None:
                homes.setdefault(alias, rf.module)
    return homes


def page_alias_type(rf: ResourceFile, alias: str) -> str:
    """`CursorPage<Batch>`: what a page alias stands for."""
    for m in rf.resource.methods:
        types = method_types(rf.path, m)
        if types.page_alias == alias:
            return f"{types.page_class}<{types.returns}>"
    raise KeyError(alias)


def uses_pages(rfiles: list[ResourceFile]) -> bool:
    return any(m.page is not None and m.returns is not None for rf in rfiles for m in rf.resource.methods)


def uses_uploads(rfiles: list[ResourceFile]) -> bool:
    return any(m.body_encoding == "multipart" or uses_type(m, FileUpload) for rf in rfiles for m in rf.resource.methods)
