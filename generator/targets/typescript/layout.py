"""Lines of generated TypeScript laid out the way prettier lays them out (print width 110).

The output must pass `prettier --check` with the generated `.prettierrc.json` (single quotes, print width
110), so the few constructs whose layout depends on their length (unions, signatures, calls, import
lists, interfaces) are laid out here; templates keep everything else expanded.
"""

from __future__ import annotations

import unicodedata
from typing import Sequence

from generator.ir import Array, Enum, Map, Parameter, Property, Type, Union, direct_inline_objects
from generator.targets.typescript.literals import jsdoc, string_literal
from generator.targets.typescript.names import declared_name, property_key
from generator.targets.typescript.types import field_extra_parts, ts_type, type_parts, union_members

PRINT_WIDTH = 110  # must match templates/typescript/prettierrc.json.j2
INDENT = "  "


def width(line: str) -> int:
    """The width prettier gives a line: wide (East Asian, most emoji) characters count 2, combining
    accents 0. Raw control characters never reach the source (string_literal escapes them)."""
    if line.isascii():
        return len(line)
    return sum(0 if 0x300 <= ord(c) <= 0x36F else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


def typed_line(indent: str, head: str, parts: list[str], tail: str,
               variants: Sequence[Type | None] = ()) -> str:
    """`head` + a union + `tail` on one line, or the union broken one member per line, as prettier does.
    `variants` (the type each part spells, when known) lets a member `Array<a | b>` too long for its own
    line break in turn."""
    union = " | ".join(parts)
    line = f"{indent}{head} {union}{tail}"
    if width(line) <= PRINT_WIDTH or len(parts) < 2:
        return line
    # Prettier first breaks after the colon; only a union that still does not fit goes one per line.
    next_line = f"{indent}{INDENT}{union}{tail}"
    if width(next_line) <= PRINT_WIDTH:
        return f"{indent}{head}\n{next_line}"
    lines = []
    for i, part in enumerate(parts):
        end = tail if i == len(parts) - 1 else ""
        variant = variants[i] if i < len(variants) else None
        lines.append(_union_member(f"{indent}{INDENT}", part, variant, end))
    return f"{indent}{head}\n" + "\n".join(lines)


def _union_member(indent: str, part: str, variant: Type | None, tail: str) -> str:
    """`| member` of a broken union; an `Array<a | b>` that does not fit breaks inside its `<>`, indented
    from the column after `| ` as prettier does."""
    line = f"{indent}| {part}{tail}"
    if (width(line) <= PRINT_WIDTH or not isinstance(variant, Array)
            or not isinstance(variant.items, (Enum, Union)) or len(type_parts(variant.items)) < 2):
        return line
    inner_parts = type_parts(variant.items)
    column = indent + "  "  # where the member's text starts, after `| `
    inner = f"{column}{INDENT}{' | '.join(inner_parts)}"
    if width(inner) > PRINT_WIDTH:
        inner = "\n".join(f"{column}{INDENT}| {p}" for p in inner_parts)
    return f"{indent}| Array<\n{inner}\n{column}>{tail}"


def call_line(indent: str, head: str, args: list[str], tail: str) -> str:
    """`head(args)tail` on one line, or one argument per line with a trailing comma."""
    line = f"{indent}{head}({', '.join(args)}){tail}"
    if width(line) <= PRINT_WIDTH or not args:
        return line
    inner = "".join(f"{indent}{INDENT}{a},\n" for a in args)
    return f"{indent}{head}(\n{inner}{indent}){tail}"


def generic_union_line(indent: str, head: str, generic: str, parts: list[str], tail: str) -> str:
    """`head Generic<a | b>tail`; too long, the type argument goes on its own lines, as prettier does."""
    union = " | ".join(parts)
    line = f"{indent}{head} {generic}<{union}>{tail}"
    if width(line) <= PRINT_WIDTH or len(parts) < 2:
        return line
    inner = f"{indent}{INDENT}{union}"
    if width(inner) > PRINT_WIDTH:
        inner = "\n".join(f"{indent}{INDENT}| {p}" for p in parts)
    return f"{indent}{head} {generic}<\n{inner}\n{indent}>{tail}"


def assign_line(indent: str, head: str, value: str, tail: str) -> str:
    """`head value` on one line, or broken after `head` (an `=` or `=>`) with `value` indented."""
    line = f"{indent}{head} {value}{tail}"
    if width(line) <= PRINT_WIDTH:
        return line
    return f"{indent}{head}\n{indent}{INDENT}{value}{tail}"


def initializer_line(indent: str, lhs: str, callee: str, args: list[str]) -> str:
    """`lhs = new Callee(args);` laid out as prettier's "fluid" assignment: the arguments break when
    `lhs = new Callee(` fits on the line, otherwise the line breaks after `=`."""
    line = f"{indent}{lhs} = {callee}({', '.join(args)});"
    if width(line) <= PRINT_WIDTH:
        return line
    if width(f"{indent}{lhs} = {callee}(") <= PRINT_WIDTH:
        return call_line(indent, f"{lhs} = {callee}", args, ";")
    return f"{indent}{lhs} =\n" + call_line(indent + INDENT, callee, args, ";")


def member_line(indent: str, head: str, t: Type, tail: str) -> str:
    """`head type` + `tail` for a property or an index signature, laid out as prettier does: a union
    broken one member per line, a map `{ [key: string]: T }` broken into a block, recursively."""
    if isinstance(t, Array) and isinstance(t.items, (Enum, Union)):
        return generic_union_line(indent, head, "Array", type_parts(t.items), tail)
    if isinstance(t, Map):
        line = f"{indent}{head} {ts_type(t)}{tail}"
        if width(line) <= PRINT_WIDTH:
            return line
        inner = member_line(indent + INDENT, "[key: string]:", t.values, ";")
        return f"{indent}{head} {{\n{inner}\n{indent}}}{tail}"
    parts, variants = _parts_and_variants(t)
    return typed_line(indent, head, parts, tail, variants)


def _parts_and_variants(t: Type, extra: Sequence[str] = ()) -> tuple[list[str], list[Type | None]]:
    """The members of `t`'s union (and `extra` ones: `null`), with the variant each spells."""
    members: list[tuple[str, Type | None]] = list(union_members(t)) if isinstance(t, Union) else \
        [(p, t) for p in type_parts(t)]
    members += [(p, None) for p in extra]
    return [text for text, _ in members], [variant for _, variant in members]


def braced_line(indent: str, head: str, names: list[str], tail: str) -> str:
    """`head { a, b }tail` (imports, exports) on one line, or one name per line."""
    line = f"{indent}{head} {{ {', '.join(names)} }}{tail}"
    if width(line) <= PRINT_WIDTH or len(names) == 1:  # prettier never breaks a single specifier
        return line
    inner = "".join(f"{indent}{INDENT}{n},\n" for n in names)
    return f"{indent}{head} {{\n{inner}{indent}}}{tail}"


def pick_line(indent: str, head: str, params_var: str, keys: list[str]) -> str | None:
    """`query: pick(query, ['a', 'b']),`: the fields of the parameters sent in one place, by wire name.

    Too long for one line, the array is broken one key per line inside the call, as prettier does.
    """
    if not keys:
        return None
    literals = [string_literal(k) for k in keys]
    line = f"{indent}{head} pick({params_var}, [{', '.join(literals)}]),"
    if width(line) <= PRINT_WIDTH:
        return line
    inner = "".join(f"{indent}{INDENT}{k},\n" for k in literals)
    return f"{indent}{head} pick({params_var}, [\n{inner}{indent}]),"


# ---------------------------------------------------------------- declarations


def field_block(field: Property | Parameter, indent: str) -> str:
    """One field of an interface, its JSDoc above it."""
    head = f"{property_key(field.name)}{'' if field.required else '?'}:"
    doc = jsdoc(field.description, indent, field.deprecated)
    extra = field_extra_parts(field.name, field.required, field.nullable)
    if extra:
        parts, variants = _parts_and_variants(field.type, extra)
        return doc + typed_line(indent, head, parts, ";", variants)
    return doc + member_line(indent, head, field.type, ";")


def interface_block(path: tuple[str, ...], fields: Sequence[Property] | Sequence[Parameter], description: str,
                    deprecated: bool, indent: str = "") -> str:
    """An interface and, after it, the namespace of its inline objects (recursively)."""
    name = declared_name(path)
    body = "\n\n".join(field_block(f, indent + INDENT) for f in fields)
    text = jsdoc(description, indent, deprecated) + f"{indent}export interface {name} "
    text += f"{{\n{body}\n{indent}}}\n" if body else "{}\n"
    inner = [interface_block(obj.path, obj.properties, obj.description, False, indent + INDENT)
             for obj in direct_inline_objects(fields)]
    if inner:
        text += f"\n{indent}export namespace {name} {{\n" + "\n".join(inner) + f"{indent}}}\n"
    return text
