"""The aliases in TypeScript: `export type Metadata = { [key: string]: string };` in resources/shared.ts.

Every module that mentions an alias imports that module as a namespace and writes `Shared.Metadata`, as
openai-node does (resources/shared.ts too, importing itself: one spelling everywhere, types.py's).
"""

from __future__ import annotations

from typing import Iterable

from generator.ir import Alias, Type, alias_references
from generator.targets.typescript.layout import member_line
from generator.targets.typescript.literals import jsdoc, string_literal
from generator.targets.typescript.modules import SHARED, relative_import
from generator.targets.typescript.names import SHARED_NAMESPACE, alias_ident


def alias_block(alias: Alias) -> str:
    """The declaration of one alias, its description as JSDoc, laid out as prettier lays it out."""
    return (jsdoc(alias.description, "", alias.deprecated)
            + member_line("", f"export type {alias_ident(alias.name)} =", alias.type, ";") + "\n")


def mentions_aliases(types: Iterable[Type | None]) -> bool:
    return any(alias_references(t) for t in types)


def shared_import(module: str) -> str:
    """`import type * as Shared from './shared.js';` for a module that mentions an alias."""
    return f"import type * as {SHARED_NAMESPACE} from {string_literal(relative_import(module, SHARED))};"
