"""TypeScript's naming authority: every identifier, binding, type name, member name and property key.

The SDK's contexts, the api-surface listing and the docs adapter all ask these functions; nothing else
spells a TypeScript name. The escaping rules are documented for users in the generated README
(templates/typescript/README.md.j2, "Names"); keep both in step. The words that force an escape are
data: reserved/*.txt.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

from generator.ir import Api, Method
from generator.targets.typescript.literals import html_safe_string_literal, string_literal
from generator.text.case import ascii_name, pascal_case, words
from generator.text.wordlist import named_word_list

RESERVED_DIR = str(Path(__file__).resolve().parent / "reserved")


def reserved_words(name: str) -> frozenset[str]:
    """A word list of this language (reserved/<name>.txt): words its identifiers may not take."""
    return named_word_list(RESERVED_DIR, name)


#: Methods every object inherits: no method or resource field may override one (reserved/object_members.txt).
OBJECT_MEMBERS = reserved_words("object_members")
#: Names the body of every generated method uses: a path parameter named like one would shadow it.
METHOD_LOCALS = reserved_words("method_locals")
#: Members of every resource class (APIResource) and of the client: a spec name that would become one is escaped.
RESOURCE_MEMBERS = OBJECT_MEMBERS | reserved_words("resource_members")
CLIENT_MEMBERS = OBJECT_MEMBERS | reserved_words("client_members")

_ASCII_IDENTIFIER = re.compile(r"[A-Za-z_$][A-Za-z0-9_$]*")
_ES5_START = ("Lu", "Ll", "Lt", "Lm", "Lo", "Nl")
_ES5_PART = _ES5_START + ("Mn", "Mc", "Nd", "Pc")


def ascii_words(name: str) -> list[str]:
    """The words of a name in ASCII: accents dropped (`café` -> `cafe`), other non-ASCII letters left out."""
    return words(ascii_name(name))


def _identifier(ident: str, taken: Iterable[str]) -> str:
    """`ident` made a valid identifier: `_` before a leading digit (`_2fa`), `_` when empty, then a
    trailing `_` when the name is already taken (a reserved word, a builtin, a member of the SDK)."""
    if not ident or ident[0].isdigit():
        ident = "_" + ident
    return ident + "_" if ident in taken else ident


#: Words written all upper case when they are not a name's first word, as openai-node spells them
#: (`batchID`, `baseURL`, `adminAPIKey`); first, they stay lower case like any word (`apiKey`, `idempotencyKey`).
ACRONYMS = frozenset({"api", "id", "url"})


def _camel(name: str) -> str:
    """camelCase: the first word as it is, each other capitalized, or upper case when an acronym."""
    parts = ascii_words(name)
    return "".join(w if i == 0 else w.upper() if w in ACRONYMS else w[:1].upper() + w[1:]
                   for i, w in enumerate(parts))


@lru_cache(maxsize=None)
def _binding_taken() -> frozenset[str]:
    return reserved_words("typescript") | METHOD_LOCALS


def binding(name: str) -> str:
    """A parameter or variable name: camelCase (`batchID`), as the official SDK does."""
    return _identifier(_camel(name), _binding_taken())


def type_ident(name: str) -> str:
    """The PascalCase name of a type made from a spec name (a resource class, an inline object)."""
    return _identifier("".join(w[:1].upper() + w[1:] for w in ascii_words(name)),
                       reserved_words("typescript_type_names"))


def model_ident(name: str) -> str:
    """A model's name in TypeScript: as in the spec, `_` appended when the package already uses it."""
    return _identifier(name, reserved_words("typescript_type_names"))


#: The namespace a module imports `resources/shared` as (`import type * as Shared from './shared.js'`): an
#: alias is spelled `Shared.Metadata` wherever it is used, as in openai-node.
SHARED_NAMESPACE = "Shared"


def alias_ident(name: str) -> str:
    """The name an alias is declared and exported by: as in the spec, `_` appended like a model's."""
    return model_ident(name)


def alias_reference(name: str) -> str:
    """`Shared.Metadata`: an alias, as every module (resources/shared itself too) refers to it."""
    return f"{SHARED_NAMESPACE}.{alias_ident(name)}"


def auth_option_name(name: str) -> str:
    """The client option holding an auth scheme's key (`admin_api_key` -> `adminAPIKey`, openai-node's
    spelling): a client option like the others."""
    return client_option_name(name)


def client_name(api: Api) -> str:
    return model_ident(api.name)


def base_error_name(api: Api) -> str:
    return model_ident(f"{api.name}Error")


def member_name(name: str, builtins: frozenset[str]) -> str:
    """A method or field name (camelCase), `_` appended when `builtins` already has it."""
    return _identifier(_camel(name), builtins)


def method_name(name: str) -> str:
    """A resource method: camelCase, clear of the members every resource already has."""
    return member_name(name, RESOURCE_MEMBERS)


def client_option_name(name: str) -> str:
    """A client option: a field of ClientOptions and of the client, clear of the client's own members."""
    return member_name(name, CLIENT_MEMBERS)


# ---------------------------------------------------------------- property keys


def es5_identifier(name: str) -> bool:
    """An ES5 IdentifierName (Unicode letters allowed): prettier writes exactly these keys unquoted."""
    if name.isascii():  # ASCII letters, digits, `$` and `_` are all there is (no Nl, Mn, Mc in ASCII)
        return bool(_ASCII_IDENTIFIER.fullmatch(name))

    def start(c: str) -> bool:
        return c in "$_" or unicodedata.category(c) in _ES5_START

    return bool(name) and start(name[0]) and all(
        start(c) or c in "\u200c\u200d" or unicodedata.category(c) in _ES5_PART for c in name[1:])


@lru_cache(maxsize=None)  # pure, and asked ~60,000 times at 1,000 models
def property_key(name: str) -> str:
    """A property name in an interface, as prettier writes it: bare when it is an identifier (even a
    reserved word or `__proto__`: in a type, every key is a plain property), quoted otherwise."""
    return name if es5_identifier(name) else string_literal(name)


def example_key(name: str) -> str:
    """A key of an object literal in an example (an HTML page may hold it): bare when an identifier, else
    quoted; `__proto__` computed, as a plain `__proto__:` would set the object's prototype instead."""
    if name == "__proto__":
        return f"[{html_safe_string_literal(name)}]"
    return name if es5_identifier(name) else html_safe_string_literal(name)


def example_access(target: str, name: str) -> str:
    """`target.name` in an example, or `target['name']` when the wire name is not an identifier."""
    if es5_identifier(name):
        return f"{target}.{name}"
    return f"{target}[{html_safe_string_literal(name)}]"


# ---------------------------------------------------------------- types, resources, modules


def kebab_case(name: str) -> str:
    return "-".join(words(name))


def singular(name: str) -> str:
    """`batches` -> `batch`, `widgets` -> `widget`: type names of a resource read as the official ones."""
    if name.endswith("ies") and len(name) > 4:
        return name[:-3] + "y"
    if name.endswith(("ches", "shes", "sses", "xes")):
        return name[:-2]
    if name.endswith("s") and not name.endswith("ss") and len(name) > 1:
        return name[:-1]
    return name


def type_name(path: tuple[str, ...]) -> str:
    """The name of a model or of an inline object: `Batch`, `Batch.Errors`."""
    return ".".join([model_ident(path[0]), *(type_ident(p) for p in path[1:])])


def declared_name(path: tuple[str, ...]) -> str:
    """The name an interface is declared by (inside its namespace): `Batch`, `Errors`."""
    return model_ident(path[-1]) if len(path) == 1 else type_ident(path[-1])


def params_argument(method: Method) -> str:
    """The name of the argument holding query, body and header parameters, as in the official SDK: `query`
    or `body` when it holds only those, `params` otherwise."""
    query, body, header = (bool(method.params_in(where)) for where in ("query", "body", "header"))
    if query and not body and not header:
        return "query"
    if body and not query and not header:
        return "body"
    return "params"


def _method_type_name(path: tuple[str, ...], method: Method, suffix: str) -> str:
    return "".join(pascal_case(singular(p)) for p in path) + pascal_case(method.name) + suffix


def params_type_name(path: tuple[str, ...], method: Method) -> str:
    """`WidgetPartCreateParams`: the interface of a method's query and body parameters."""
    return _method_type_name(path, method, "Params")


def response_type_name(path: tuple[str, ...], method: Method) -> str:
    """`WidgetPackageResponse`: the interface of an inline object a method returns."""
    return _method_type_name(path, method, "Response")


def resource_class(path: tuple[str, ...]) -> str:
    """The class of the resource at `path` (resource names from the top)."""
    return type_ident(path[-1])


def resource_field(path: tuple[str, ...]) -> str:
    """The field that holds a resource on the client (top level) or on its parent resource."""
    return member_name(path[-1], CLIENT_MEMBERS if len(path) == 1 else RESOURCE_MEMBERS)


def accessor(path: tuple[str, ...]) -> str:
    """`widgets.parts`: the fields from the client down to a resource."""
    return ".".join(resource_field(path[:depth]) for depth in range(1, len(path) + 1))


def call_path(path: tuple[str, ...], method: Method) -> str:
    """`widgets.parts.create`: from the client to a method."""
    return f"{accessor(path)}.{method_name(method.name)}"


def resource_module(path: tuple[str, ...]) -> str:
    """The module of a resource under src/, without extension: `resources/widgets/parts`."""
    return "/".join(["resources", *(kebab_case(p) for p in path)])


def invocation(receiver: str, path: tuple[str, ...], method: Method, args: Sequence[str]) -> str:
    """`client.widgets.retrieve('w_1')`: a call of a method, as the README and the reference docs show it."""
    return f"{receiver}.{call_path(path, method)}({', '.join(args)})"


# ---------------------------------------------------------------- pages and header parameters


def plural(name: str) -> str:
    """`Batch` -> `Batches`, `FileObject` -> `FileObjects`: the page alias of an item type reads as openai-node's."""
    if name.endswith(("ch", "sh", "s", "x", "z")):
        return name + "es"
    if name.endswith("y") and len(name) > 1 and name[-2] not in "aeiou":
        return name[:-1] + "ies"
    return name + "s"


def page_class_name(style_name: str) -> str:
    """`CursorPage`: the class of one page style (src/pagination.ts), as openai-node names it."""
    return pascal_case(style_name) + "Page"


def page_alias_name(item_type: str) -> str:
    """`BatchesPage`: the alias a resource module exports for a page of its items (`CursorPage<Batch>`)."""
    return plural(item_type.replace(".", "").rstrip("_")) + "Page"


def header_param_key(name: str) -> str:
    """The field of the params object that holds a header parameter (`OpenAI-Beta` -> `openaiBeta`):
    a header name is no identifier, so it is camelCased like a binding."""
    return _identifier(_camel(name), frozenset()) if _camel(name) else binding(name)
