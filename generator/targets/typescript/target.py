"""TypeScript target: names, types and the file list of the npm package.

The generated package has no runtime dependency (global `fetch`, Node >= 18) and mirrors the public
surface of the official openai-node package for the operations of the spec. The output must pass
`prettier --check` with the generated `.prettierrc.json` (single quotes, print width 110), so the few
constructs whose layout depends on their length (string literals, unions, signatures, import lists)
are laid out here, the way prettier would lay them out; templates keep everything else expanded.
"""

from __future__ import annotations

from pathlib import Path

import json
import re
import unicodedata
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from typing import Any, Iterable

from generator.diagnostics import Diagnostic
from generator.ir import (
    direct_inline_objects,
    model_references,
    NOWHERE, Api, Array, Const, Enum, InlineObject, Location, Map, Method, Model, ModelRef, Parameter, Primitive,
    Property,
    Resource, Type,
)
from generator.text.case import ascii_name, camel_case, pascal_case, words
from generator.text.wordlist import word_list
from generator.targets.base import TEMPLATES_DIR, OutputFile, Target
from generator.targets.language import Language
from generator.targets.listing import FILENAME
from generator.targets.collisions import collisions
from generator.text.wrap import wrap
from generator.ir import all_inline_objects

RESERVED_DIR = Path(__file__).resolve().parent / "reserved"


def reserved_words(name: str) -> frozenset[str]:
    """A word list of this language (reserved/<name>.txt): words its identifiers may not take."""
    return word_list(RESERVED_DIR / f"{name}.txt")


PRINT_WIDTH = 110  # must match templates/typescript/prettierrc.json.j2
INDENT = "  "
JSDOC_WIDTH = 96
_PRIMITIVES = {"string": "string", "integer": "number", "number": "number", "boolean": "boolean"}

# Members every object inherits from Object.prototype. A plain object without its own `constructor`
# still has one (Object), both when the program reads it and when tsc checks an object literal against
# an interface; so an optional property named like one of them is typed with what is read when the
# JSON has no such field. Without it, `{}` would not even be assignable to the interface.
INHERITED_MEMBERS = {
    "constructor": "Object['constructor']", "toString": "Object['toString']",
    "toLocaleString": "Object['toLocaleString']", "valueOf": "Object['valueOf']",
    "hasOwnProperty": "Object['hasOwnProperty']", "isPrototypeOf": "Object['isPrototypeOf']",
    "propertyIsEnumerable": "Object['propertyIsEnumerable']", "__proto__": "object",
    "__defineGetter__": "Function", "__defineSetter__": "Function", "__lookupGetter__": "Function",
    "__lookupSetter__": "Function",
}

# Each HTTP status error class, as in the official SDKs; everything else is a plain APIError
# (or InternalServerError from 500 up).
STATUS_ERRORS = (
    (400, "BadRequestError"), (401, "AuthenticationError"), (403, "PermissionDeniedError"),
    (404, "NotFoundError"), (409, "ConflictError"), (422, "UnprocessableEntityError"), (429, "RateLimitError"),
)


# ---------------------------------------------------------------- escaping


# In ASCII text the only invisible characters are the C0 controls and DEL (see `invisible`).
_ASCII_INVISIBLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")  # not \t and \n, which stay
# ASCII text string_literal writes as it is: printable, without quotes or backslashes.
_PLAIN_ASCII = re.compile(r"[ !#-&(-\[\]-~]*")
_LINE_BREAK = re.compile("\r\n?|[\u2028\u2029]")
_TAG_START = re.compile(r"(^|[\s{])@")
_ASCII_IDENTIFIER = re.compile(r"[A-Za-z_$][A-Za-z0-9_$]*")


def invisible(ch: str) -> bool:
    """A character that cannot be shown as itself in source text: a control character (C0, DEL, C1),
    a line or paragraph separator, a lone surrogate, or a format character such as a right-to-left
    mark or a zero-width space (the "Trojan Source" characters, which reorder how code displays)."""
    return unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Zl", "Zp", "Co", "Cn") and ch not in "\n\t"


def unicode_escape(ch: str) -> str:
    """`\\u200f`: the JavaScript escape of one character (`\\u{1f600}` beyond the BMP)."""
    return f"\\u{ord(ch):04x}" if ord(ch) <= 0xFFFF else f"\\u{{{ord(ch):x}}}"


def string_literal(text: str) -> str:
    """A TS string literal reading back as `text`, quoted the way prettier quotes it.

    Prettier (singleQuote) picks single quotes unless the text holds more single than double
    quotes; only the chosen quote is escaped. Line terminators, control and format characters are
    escaped so that nothing can end the literal or the line early, or reorder the line on screen.
    """
    if _PLAIN_ASCII.fullmatch(text):  # most names and values: nothing to escape, and single quotes
        return "'" + text + "'"
    quote = '"' if text.count("'") > text.count('"') else "'"
    out = []
    for ch in text:
        if ch == "\\" or ch == quote:
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif invisible(ch):
            out.append(unicode_escape(ch))
        else:
            out.append(ch)
    return quote + "".join(out) + quote


def json_literal(text: str) -> str:
    """A JSON string (package.json, tsconfig.json); invisible characters as `\\uXXXX` escapes."""
    return "".join(json.dumps(ch)[1:-1] if invisible(ch) else ch for ch in json.dumps(text, ensure_ascii=False))


def jsdoc_lines(text: str) -> list[str]:
    """The lines of a JSDoc block for `text`: `*/` can never close the comment early.

    Line breaks (`\\r\\n`, `\\r`, U+2028, U+2029) become new lines; a tab reads as a space; any other
    invisible character (control, right-to-left mark, zero-width space) is shown as its `\\uXXXX`
    escape, so that the comment displays what the spec says and nothing reorders it.
    """
    text = _LINE_BREAK.sub("\n", text).replace("\t", " ")
    clean = _escape_invisible(text).replace("*/", "*\\/")
    # `@` starting a word would begin a JSDoc tag (`@deprecated`, `{@link}`); inside a word it is text.
    if "@" in clean:
        clean = _TAG_START.sub(r"\1\\@", clean)
    lines: list[str] = []
    for line in clean.strip().split("\n"):
        # Wrapped for reading; prettier leaves comments as they are.
        lines += wrap(line, JSDOC_WIDTH) or [""]
    return lines


def _escape_invisible(text: str) -> str:
    """`text` with each invisible character (but a line break or tab) as its `\\uXXXX` escape."""
    if text.isascii():  # one regex instead of a Unicode category lookup per character
        return _ASCII_INVISIBLE.sub(lambda found: unicode_escape(found[0]), text)
    return "".join(unicode_escape(c) if invisible(c) else c for c in text)


# Descriptions repeat across properties and files: each distinct block is laid out once.
@lru_cache(maxsize=8192)
def jsdoc(text: str, indent: str = "", deprecated: bool = False) -> str:
    """A whole JSDoc block, indented; empty when there is nothing to say."""
    lines = jsdoc_lines(text) if text.strip() else []
    if deprecated:
        lines += ([""] if lines else []) + ["@deprecated"]
    if not lines:
        return ""
    body = "\n".join(f"{indent} *" + (f" {line}" if line else "") for line in lines)
    return f"{indent}/**\n{body}\n{indent} */\n"


def markdown_text(text: str) -> str:
    """Spec text as one line of Markdown prose: HTML and Markdown markup cannot take effect.

    Markup characters are backslash-escaped, `<`, `>` and `&` become entities (no tag, comment or
    entity of the spec survives), a leading `-`, `+`, `=` or `1.` cannot start a list or a heading,
    and invisible characters are shown as `\\uXXXX` escapes.
    """
    out = []
    for ch in " ".join(re.sub("[\u2028\u2029]", " ", text).split()):
        if ch in "\\`*_[]#|~!":
            out.append("\\" + ch)
        elif ch in "<>&":
            out.append({"<": "&lt;", ">": "&gt;", "&": "&amp;"}[ch])
        elif invisible(ch):
            out.append("\\" + unicode_escape(ch))
        else:
            out.append(ch)
    line = re.sub(r"^([-+=])", r"\\\1", "".join(out))
    return re.sub(r"^(\d+)([.)])", r"\1\\\2", line)


def markdown_code(text: str) -> str:
    """Spec text as a Markdown code span. The fence is the shortest run of backticks that the text
    does not hold (a span ends only at a run of its own length), the one prettier picks."""
    text = "".join(unicode_escape(c) if invisible(c) else c for c in " ".join(text.split()))
    runs = {len(run) for run in re.findall("`+", text)}
    fence = "`" * next(n for n in range(1, len(runs) + 2) if n not in runs)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


# ---------------------------------------------------------------- names


# The escaping rules below are documented for users in the generated README (templates/typescript/
# README.md.j2, "Names"); keep both in step.

# Names the body of every generated method uses: a path parameter named like one would shadow it.
METHOD_LOCALS = frozenset({"options", "query", "body", "params", "pathParam", "pick"})
# Members of every resource class (APIResource) and of the client: a spec name that would become one
# is escaped. `then` is here because an object with a `then` method is a "thenable": awaiting the
# resource would call it.
RESOURCE_MEMBERS = frozenset({"constructor", "then", "_client"})
CLIENT_MEMBERS = frozenset({"constructor", "then", "baseURL", "timeout", "maxRetries", "withOptions", "request",
                            "apiKey", "defaultHeaders", "defaultQuery", "fetch"})


def ascii_words(name: str) -> list[str]:
    """The words of a name in ASCII: accents dropped (`café` -> `cafe`), other non-ASCII letters left out."""
    return words(ascii_name(name))


def _identifier(ident: str, taken: Iterable[str]) -> str:
    """`ident` made a valid identifier: `_` before a leading digit (`_2fa`), `_` when empty, then a
    trailing `_` when the name is already taken (a reserved word, a builtin, a member of the SDK)."""
    if not ident or ident[0].isdigit():
        ident = "_" + ident
    return ident + "_" if ident in taken else ident


@lru_cache(maxsize=None)
def _binding_taken() -> frozenset[str]:
    return reserved_words("typescript") | METHOD_LOCALS


def binding(name: str) -> str:
    """A parameter or variable name: camelCase with `ID` kept upper case, as the official SDK does."""
    parts = ascii_words(name)
    ident = "".join(w if i == 0 else w[:1].upper() + w[1:] for i, w in enumerate(parts))
    if ident.endswith("Id"):
        ident = ident[:-2] + "ID"
    return _identifier(ident, _binding_taken())


def type_ident(name: str) -> str:
    """The PascalCase name of a type made from a spec name (a resource class, an inline object)."""
    return _identifier("".join(w[:1].upper() + w[1:] for w in ascii_words(name)), reserved_words("typescript_type_names"))


def model_ident(name: str) -> str:
    """A model's name in TypeScript: as in the spec, `_` appended when the package already uses it."""
    return _identifier(name, reserved_words("typescript_type_names"))


def client_name(api: Api) -> str:
    return model_ident(api.name)


def base_error_name(api: Api) -> str:
    return model_ident(f"{api.name}Error")


def member_name(name: str, builtins: frozenset[str]) -> str:
    """A method or field name (camelCase), `_` appended when `builtins` already has it."""
    parts = ascii_words(name)
    return _identifier("".join(w if i == 0 else w[:1].upper() + w[1:] for i, w in enumerate(parts)), builtins)


_ES5_START = ("Lu", "Ll", "Lt", "Lm", "Lo", "Nl")
_ES5_PART = _ES5_START + ("Mn", "Mc", "Nd", "Pc")


def es5_identifier(name: str) -> bool:
    """An ES5 IdentifierName (Unicode letters allowed): prettier writes exactly these keys unquoted."""
    if name.isascii():  # ASCII letters, digits, `$` and `_` are all there is (no Nl, Mn, Mc in ASCII)
        return bool(_ASCII_IDENTIFIER.fullmatch(name))

    def start(c: str) -> bool:
        return c in "$_" or unicodedata.category(c) in _ES5_START

    return bool(name) and start(name[0]) and all(
        start(c) or c in "\u200c\u200d" or unicodedata.category(c) in _ES5_PART for c in name[1:])


def property_key(name: str) -> str:
    """A property name in an interface, as prettier writes it: bare when it is an identifier (even a
    reserved word or `__proto__`: in a type, every key is a plain property), quoted otherwise."""
    return name if es5_identifier(name) else string_literal(name)


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


def params_argument(method: Method) -> str:
    """The name of the argument holding query and body parameters, as in the official SDK."""
    if method.params_in("query") and method.params_in("body"):
        return "params"
    return "query" if method.params_in("query") else "body"


def params_type_name(path: tuple[str, ...], method: Method) -> str:
    return "".join(pascal_case(singular(p)) for p in path) + pascal_case(method.name) + "Params"


# ---------------------------------------------------------------- types and layout


def type_parts(t: Type) -> list[str]:
    """The members of a type's union (one member for anything but an enum)."""
    if isinstance(t, Primitive):
        return [_PRIMITIVES[t.kind]]
    if isinstance(t, Const):
        return [string_literal(t.value) if isinstance(t.value, str) else json.dumps(t.value)]
    if isinstance(t, Enum):
        return [string_literal(v) for v in t.values] or ["string"]
    if isinstance(t, Array):
        return [f"Array<{ts_type(t.items)}>"]
    if isinstance(t, Map):
        return [f"{{ [key: string]: {ts_type(t.values)} }}"]
    if isinstance(t, InlineObject):
        return [type_name(t.path)]
    assert isinstance(t, ModelRef)
    return [model_ident(t.name)]


def ts_type(t: Type, nullable: bool = False) -> str:
    return " | ".join(type_parts(t) + (["null"] if nullable else []))


def width(line: str) -> int:
    """The width prettier gives a line: wide (East Asian, most emoji) characters count 2, combining
    accents 0. Raw control characters never reach the source (string_literal escapes them)."""
    if line.isascii():
        return len(line)
    return sum(0 if 0x300 <= ord(c) <= 0x36F else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


def typed_line(indent: str, head: str, parts: list[str], tail: str) -> str:
    """`head` + a union + `tail` on one line, or the union broken one member per line, as prettier does."""
    union = " | ".join(parts)
    line = f"{indent}{head} {union}{tail}"
    if width(line) <= PRINT_WIDTH or len(parts) < 2:
        return line
    # Prettier first breaks after the colon; only a union that still does not fit goes one per line.
    next_line = f"{indent}{INDENT}{union}{tail}"
    if width(next_line) <= PRINT_WIDTH:
        return f"{indent}{head}\n{next_line}"
    members = "\n".join(f"{indent}{INDENT}| {p}" for p in parts)
    return f"{indent}{head}\n{members}{tail}"


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
    if isinstance(t, Array) and isinstance(t.items, Enum):
        return generic_union_line(indent, head, "Array", type_parts(t.items), tail)
    if isinstance(t, Map):
        line = f"{indent}{head} {ts_type(t)}{tail}"
        if width(line) <= PRINT_WIDTH:
            return line
        inner = member_line(indent + INDENT, "[key: string]:", t.values, ";")
        return f"{indent}{head} {{\n{inner}\n{indent}}}{tail}"
    return typed_line(indent, head, type_parts(t), tail)


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


def rooted(t: Type, root: str, replace_head: bool = False) -> Type:
    """`t` with its inline objects named from `root` down. The IR names the inline objects of a
    parameter from the parameter (`owner`); in TypeScript they live in the namespace of the method's
    `...Params` interface (`WidgetCreateParams.Owner`). An inline object a method returns is named
    after the method (`replace_head`): `WidgetPackageResponse`, its own inline objects inside it."""
    if isinstance(t, InlineObject):
        props = tuple(replace(p, type=rooted(p.type, root, replace_head)) for p in t.properties)
        path = (root, *t.path[1:]) if replace_head else (root, *t.path)
        return InlineObject(path=path, properties=props, description=t.description)
    if isinstance(t, Array):
        return Array(rooted(t.items, root, replace_head))
    if isinstance(t, Map):
        return Map(rooted(t.values, root, replace_head))
    return t


def response_type_name(path: tuple[str, ...], method: Method) -> str:
    return "".join(pascal_case(singular(p)) for p in path) + pascal_case(method.name) + "Response"


def returned(path: tuple[str, ...], method: Method) -> Type | None:
    """What a method returns, its inline objects named after the method."""
    if method.returns is None:
        return None
    return rooted(method.returns, response_type_name(path, method), replace_head=True)


def returned_objects(path: tuple[str, ...], method: Method) -> list[InlineObject]:
    """The inline object a method returns (also as array items or map values), declared by its module."""
    t = returned(path, method)
    while isinstance(t, (Array, Map)):
        t = t.items if isinstance(t, Array) else t.values
    return [t] if isinstance(t, InlineObject) else []


def rooted_params(params_type: str, params: Iterable[Parameter]) -> tuple[Parameter, ...]:
    return tuple(replace(p, type=rooted(p.type, params_type)) for p in params)


def referenced_models(t: Type) -> list[str]:
    return model_references(t)


# ---------------------------------------------------------------- the file plan


@dataclass(frozen=True)
class ResourceFile:
    resource: Resource
    path: tuple[str, ...]  # resource names from the top, e.g. ("widgets", "parts")

    # Cached: the file plan asks for these for every model and every other resource.
    @cached_property
    def module(self) -> str:
        """Module path under src/ without extension: resources/widgets/parts."""
        return "/".join(["resources", *(kebab_case(p) for p in self.path)])

    @cached_property
    def class_name(self) -> str:
        return type_ident(self.path[-1])

    @cached_property
    def field(self) -> str:
        """The name of the field that holds it on the client or on its parent resource."""
        return member_name(self.path[-1], CLIENT_MEMBERS if len(self.path) == 1 else RESOURCE_MEMBERS)


def accessor(rfiles: list[ResourceFile], rf: ResourceFile) -> str:
    """`widgets.parts`: the fields from the client down to a resource."""
    return ".".join(r.field for r in rfiles for depth in range(1, len(rf.path) + 1) if r.path == rf.path[:depth])


def resource_files(api: Api) -> list[ResourceFile]:
    out: list[ResourceFile] = []
    _add_resource_files(api.resources, (), out)
    return out


def _add_resource_files(resources: tuple[Resource, ...], prefix: tuple[str, ...], out: list[ResourceFile]) -> None:
    # Not a nested function calling itself: that is a reference cycle, garbage only the cycle collector frees.
    for resource in resources:
        out.append(ResourceFile(resource, (*prefix, resource.name)))
        _add_resource_files(resource.resources, (*prefix, resource.name), out)


class ModelHomes(dict):  # type: ignore[type-arg]
    """Model name -> the module that declares it, and each module's models in spec order."""

    def __init__(self) -> None:
        super().__init__()
        self.by_module: dict[str, list[Model]] = {}

    def models_in(self, module: str) -> list[Model]:
        # Grouped once: every module asking the whole model list made big specs quadratic.
        return self.by_module.get(module, [])


def model_homes(api: Api, files: list[ResourceFile]) -> ModelHomes:
    """The module that declares each model: the first resource (depth first) that uses it.

    Models no method reaches live in `resources/shared`.
    """
    homes = ModelHomes()
    for rf in files:
        pending = [name for m in rf.resource.methods for p in m.parameters for name in referenced_models(p.type)]
        pending += [name for m in rf.resource.methods if m.returns for name in referenced_models(m.returns)]
        while pending:
            name = pending.pop(0)
            if name in homes:
                continue
            homes[name] = rf.module
            pending += [n for p in api.model(name).properties for n in referenced_models(p.type)]
    for model in api.models:
        homes.setdefault(model.name, "resources/shared")
        homes.by_module.setdefault(homes[model.name], []).append(model)
    return homes


def relative_import(from_module: str, to_module: str) -> str:
    """An ESM import specifier (with `.js`, as NodeNext resolution needs) from one module to another."""
    src = from_module.split("/")[:-1]
    dst = to_module.split("/")
    common = 0
    while common < len(src) and common < len(dst) - 1 and src[common] == dst[common]:
        common += 1
    ups = len(src) - common
    rel = "/".join([".."] * ups + dst[common:])
    return (rel if ups else "./" + rel) + ".js"


def dev_dependencies() -> dict[str, Any]:
    """The pinned devDependencies of the generated package and their lock entries (a data file that
    mirrors tests/toolchains/typescript/package-lock.json, so the tests use the very same versions)."""
    data: dict[str, Any] = json.loads((TEMPLATES_DIR / "typescript" / "dev-dependencies.lock.json")
                                      .read_text(encoding="utf-8"))
    return data


def package_lock(name: str, version: str) -> str:
    """package-lock.json as `npm install` writes it for the generated package.json."""
    deps = dev_dependencies()
    root = {"name": name, "version": version, "license": "UNLICENSED",
            "devDependencies": deps["devDependencies"], "engines": {"node": ">=18"}}
    lock = {"name": name, "version": version, "lockfileVersion": 3, "requires": True,
            "packages": {"": root, **deps["packages"]}}
    return json.dumps(lock, indent=2, ensure_ascii=False)


class TypeScriptTarget(Target):
    name = "typescript"
    filters = {"tsstr": string_literal, "json": json_literal, "jsdoc": jsdoc, "md": markdown_text,
               "mdcode": markdown_code}

    # -------------------------------------------------------------- checks

    def check(self, api: Api) -> list[Diagnostic]:
        problems: list[Diagnostic] = []
        # Every name the package exports: two spec names may not end up as the same one. Names the
        # package itself uses never collide: a spec name taking one is escaped (model_ident, type_ident).
        exported: dict[str, str] = {base_error_name(api): "the base error class", client_name(api): "the client class"}

        def export(ident: str, what: str, where: Location) -> None:
            if ident in exported:
                problems.append(Diagnostic(where, "E204", f"{what} becomes `{ident}` in typescript, "
                                           f"which is already {exported[ident]}", "rename it in the spec"))
            else:
                exported[ident] = what

        for model in api.models:
            export(model_ident(model.name), f"model `{model.name}`", model.location)
            problems += self.inline_collisions(model.name, model.properties)
        rfiles = resource_files(api)
        for rf in rfiles:
            export(rf.class_name, f"resource `{'.'.join(rf.path)}`", rf.resource.location)
            for m in rf.resource.methods:
                if self.non_path_params(m):
                    export(params_type_name(rf.path, m), f"the parameters of `{'.'.join(rf.path)}.{m.name}`",
                           m.location)
                for obj in returned_objects(rf.path, m):
                    export(type_name(obj.path), f"the response of `{'.'.join(rf.path)}.{m.name}`", m.location)
                    problems += self.inline_collisions(type_name(obj.path), obj.properties)
            members = [(c.path[-1], c.field, c.resource.location) for c in rfiles if c.path[:-1] == rf.path]
            members += [(m.name, member_name(m.name, RESOURCE_MEMBERS), m.location) for m in rf.resource.methods]
            problems += collisions("typescript", members, f"member of `{rf.resource.name}`")
            for m in rf.resource.methods:
                names = [(p.name, binding(p.name), p.source) for p in m.path_params]
                problems += collisions("typescript", names, f"parameter of `{m.name}`")
                for params in (m.params_in("query"), m.params_in("body"), self.non_path_params(m)):
                    problems += self.inline_collisions(params_type_name(rf.path, m), params)
        # Options first: a clash is reported at the second name, and only resources carry a position.
        first = rfiles[0].resource.location if rfiles else NOWHERE
        client_members = [(f"{o.name} (client option)", member_name(o.name, CLIENT_MEMBERS), first)
                          for o in api.client_options]
        client_members += [(f"{rf.path[-1]} (resource)", rf.field, rf.resource.location) for rf in rfiles
                           if len(rf.path) == 1]
        problems += collisions("typescript", client_members, "member of the client")
        return problems

    @staticmethod
    def inline_collisions(owner: str, fields: Iterable[Property | Parameter]) -> list[Diagnostic]:
        """Inline objects of one interface share its namespace: their names must stay distinct."""
        found = []
        for f in fields:
            for obj in direct_inline_objects([f]):
                found.append((obj.path[-1], type_ident(obj.path[-1]), f.source if isinstance(f, Parameter) else f.location))
        problems = collisions("typescript", found, f"inline object in `{owner}`")
        for f in fields:
            for obj in direct_inline_objects([f]):
                problems += TypeScriptTarget.inline_collisions(type_name(obj.path), obj.properties)
        return problems

    # -------------------------------------------------------------- files

    def docs_language(self) -> Language:
        from generator.targets.typescript.docs import TypeScript  # TODO(split): no cycle once names/types are modules

        return TypeScript()

    def files(self, api: Api) -> list[OutputFile]:
        package = api.package("typescript")
        rfiles = resource_files(api)
        homes = model_homes(api, rfiles)
        client = self.client_context(api, rfiles, homes)
        common = {"api": api, "package": package, "client": client, "status_errors": STATUS_ERRORS,
                  "dev_dependencies": sorted(dev_dependencies()["devDependencies"].items()),
                  "lock": package_lock(package.name, package.version),
                  "typescript_version": dev_dependencies()["devDependencies"]["typescript"]}
        files = [
            OutputFile("package.json", "package.json.j2", common),
            OutputFile("package-lock.json", "package-lock.json.j2", common),
            OutputFile("tsconfig.json", "tsconfig.json.j2", common),
            OutputFile(".prettierrc.json", "prettierrc.json.j2", common),
            OutputFile(".prettierignore", "prettierignore.j2", common),
            OutputFile(".gitignore", "gitignore.j2", common),
            OutputFile("README.md", "README.md.j2", {**common, "example": self.example(api, rfiles),
                                                    "renamed": self.renamed(api, rfiles),
                                                    "title": markdown_text(api.title) or "API"}),
            OutputFile("api.md", "api.md.j2", {**common, "sections": self.api_sections(api, rfiles, homes)}),
            OutputFile("src/version.ts", "version.ts.j2", common),
            OutputFile("src/core/error.ts", "error.ts.j2", common),
            OutputFile("src/core/api-promise.ts", "api-promise.ts.j2", common),
            OutputFile("src/core/resource.ts", "resource.ts.j2", common),
            OutputFile("src/internal/env.ts", "env.ts.j2", common),
            OutputFile("src/internal/headers.ts", "headers.ts.j2", common),
            OutputFile("src/internal/path.ts", "path.ts.j2", common),
            OutputFile("src/internal/query.ts", "query.ts.j2", common),
            OutputFile("src/internal/retry.ts", "retry.ts.j2", common),
            OutputFile("src/internal/timers.ts", "timers.ts.j2", common),
            OutputFile("src/client.ts", "client.ts.j2", common),
            OutputFile("src/index.ts", "index.ts.j2", {**common, "exports": self.index_exports(api, rfiles, homes)}),
        ]
        if any(self.non_path_params(m) for rf in rfiles for m in rf.resource.methods):
            files.append(OutputFile("src/internal/params.ts", "params.ts.j2", common))
        modules: dict[str, dict[str, Any]] = {}
        for rf in rfiles:
            modules[rf.module] = self.resource_context(api, rf, rfiles, homes)
        if "resources/shared" in homes.values():
            modules["resources/shared"] = self.module_context(api, "resources/shared", None, homes, [])
        for module, context in modules.items():
            files.append(OutputFile(f"src/{module}.ts", "resource.module.ts.j2", {**common, "module": context}))
        from generator.targets.typescript.surface import surface  # TODO(split): files.py imports surface.py

        files.append(OutputFile(FILENAME, text=surface(api)))
        return files

    # -------------------------------------------------------------- contexts

    def module_types(self, api: Api, module: str, rfiles: list[ResourceFile], homes: ModelHomes) -> list[str]:
        """The types a module exports: its models, then its methods' parameter types."""
        names = [model_ident(m.name) for m in homes.models_in(module)]
        rf = next((r for r in rfiles if r.module == module), None)
        if rf is not None:
            names += [params_type_name(rf.path, m) for m in rf.resource.methods if self.non_path_params(m)]
            names += [type_name(o.path) for m in rf.resource.methods for o in returned_objects(rf.path, m)]
        return names

    def client_context(self, api: Api, rfiles: list[ResourceFile], homes: ModelHomes) -> dict[str, Any]:
        top = [rf for rf in rfiles if len(rf.path) == 1]
        name, base_error = client_name(api), base_error_name(api)
        modules = [rf.module for rf in rfiles] + (["resources/shared"] if "resources/shared" in homes.values() else [])
        imports: list[str] = []
        namespace: list[str] = []
        for module in modules:
            rf = next((r for r in rfiles if r.module == module), None)
            types = self.module_types(api, module, rfiles, homes)
            source = f" from {string_literal(relative_import('client', module))};"
            if rf is not None and len(rf.path) == 1:
                imports.append(braced_line("", "import", [rf.class_name, *(f"type {t}" for t in types)], source))
            elif rf is not None or types:
                imports.append(braced_line("", "import type", [*([rf.class_name] if rf else []), *types], source))
            exported = ([f"{rf.class_name} as {rf.class_name}"] if rf and len(rf.path) == 1 else [])
            exported += [f"type {rf.class_name} as {rf.class_name}"] if rf and len(rf.path) > 1 else []
            exported += [f"type {t} as {t}" for t in types]
            if exported:
                namespace.append(braced_line(INDENT, "export", exported, ";"))
        return {
            "imports": imports,
            "namespace": namespace,
            "static_resources": [assign_line("", f"{name}.{rf.class_name} =", rf.class_name, ";") for rf in top],
            "namespace_example": f"{name}.{top[0].class_name}" if top else f"{name}.RequestOptions",
            "name": name,
            "base_error": base_error,
            "options": [{"name": member_name(o.name, CLIENT_MEMBERS), "header": o.header, "env": o.env,
                         "description": o.description} for o in api.client_options],
            "timeout_ms": round(api.timeout_seconds * 1000),
            "user_agent": f"{api.name}/JS ",
            "missing_key_throw": call_line(
                INDENT * 3, f"throw new {base_error}",
                [string_literal(f"The {api.api_key_env} environment variable is missing or empty; either provide it, "
                                f"or instantiate the {name} client with an apiKey option, like "
                                f"new {name}({{ apiKey: 'My API Key' }}).")], ";"),
            "resources": [{
                "field": initializer_line(INDENT, f"{rf.field}: {rf.class_name}",
                                          f"new {rf.class_name}", ["this"]),
                "description": rf.resource.description} for rf in top],
            "static_base_error": assign_line(INDENT, f"static {base_error} =", base_error, ";"),
            "index_client_export": braced_line("", "export", [f"{name} as default", name],
                                               " from './client.js';"),
        }

    @staticmethod
    def non_path_params(m: Method) -> tuple[Parameter, ...]:
        return m.params_in("query") + m.params_in("body")

    def method_context(self, api: Api, rf: ResourceFile, m: Method) -> dict[str, Any]:
        indent = INDENT
        args = [f"{binding(p.name)}: {ts_type(p.type)}" for p in m.path_params]
        others = self.non_path_params(m)
        params_var = None
        params_type = None
        if others:
            params_var = params_argument(m)
            params_type = params_type_name(rf.path, m)
            required = any(p.required for p in others)
            args.append(f"{params_var}: {params_type}" + ("" if required else " = {}"))
        args.append("options?: RequestOptions")
        returns = ts_type(returned(rf.path, m)) if m.returns is not None else "void"  # type: ignore[arg-type]
        path_expr = m.path
        for p in m.path_params:
            path_expr = path_expr.replace("{" + p.name + "}",
                                          "${pathParam(" + string_literal(binding(p.name)) + ", "
                                          + string_literal(p.name) + ", " + binding(p.name) + ")}")
        path_expr = path_expr.replace("\\", "\\\\").replace("`", "\\`")
        return {
            "name": member_name(m.name, RESOURCE_MEMBERS),
            "doc": jsdoc(m.description or m.summary, indent, m.deprecated),
            "signature": call_line(indent, member_name(m.name, RESOURCE_MEMBERS), args, f": APIPromise<{returns}> {{"),
            "http_method": m.http_method.lower(),
            "path_line": assign_line(INDENT * 3, "path: () =>", f"`{path_expr}`", ","),
            "has_path_params": bool(m.path_params),
            "returns": returns,
            "expects": "void" if m.returns is None else ("array" if isinstance(m.returns, Array) else "object"),
            "query": pick_line(INDENT * 3, "query:", params_var or "", [p.name for p in m.params_in("query")]),
            "body": pick_line(INDENT * 3, "body:", params_var or "", [p.name for p in m.params_in("body")]),
            "params_type": params_type,
            "params_interface": self.interface((params_type,), rooted_params(params_type, others), "", False, "")
            if params_type else None,
        }

    def field(self, name: str, t: Type, required: bool, nullable: bool, description: str, deprecated: bool,
              indent: str) -> str:
        head = f"{property_key(name)}{'' if required else '?'}:"
        doc = jsdoc(description, indent, deprecated)
        inherited = [] if required or name not in INHERITED_MEMBERS else [INHERITED_MEMBERS[name]]
        if nullable or inherited:
            return doc + typed_line(indent, head, type_parts(t) + (["null"] if nullable else []) + inherited, ";")
        return doc + member_line(indent, head, t, ";")

    def interface(self, path: tuple[str, ...], properties: tuple[Property, ...] | tuple[Parameter, ...], description: str,
                  deprecated: bool, indent: str) -> str:
        """An interface and, after it, the namespace of its inline objects (recursively)."""
        name = model_ident(path[-1]) if len(path) == 1 else type_ident(path[-1])
        fields = "\n\n".join(self.field(p.name, p.type, p.required, p.nullable, p.description, p.deprecated,
                                      indent + INDENT) for p in properties)
        text = jsdoc(description, indent, deprecated) + f"{indent}export interface {name} "
        text += f"{{\n{fields}\n{indent}}}\n" if fields else "{}\n"
        inner = []
        for obj in direct_inline_objects(properties):
            inner.append(self.interface(obj.path, obj.properties, obj.description, False, indent + INDENT))
        if inner:
            text += f"\n{indent}export namespace {name} {{\n" + "\n".join(inner) + f"{indent}}}\n"
        return text

    def module_context(self, api: Api, module: str, rf: ResourceFile | None, homes: ModelHomes,
                       methods: list[dict[str, Any]]) -> dict[str, Any]:
        models = homes.models_in(module)
        # Types this module mentions that live elsewhere.
        used: set[str] = set()
        for model in models:
            for prop in model.properties:
                used.update(referenced_models(prop.type))
        if rf is not None:
            for m in rf.resource.methods:
                for param in m.parameters:
                    used.update(referenced_models(param.type))
                if m.returns is not None:
                    used.update(referenced_models(m.returns))
        foreign: dict[str, list[str]] = {}
        for name in sorted(used):
            if homes[name] != module:
                foreign.setdefault(homes[name], []).append(model_ident(name))
        imports = [braced_line("", "import type", names, f" from {string_literal(relative_import(module, home))};")
                   for home, names in sorted(foreign.items())]
        return {
            "models": [self.interface((m.name,), m.properties, m.description, m.deprecated, "") for m in models],
            "type_imports": imports,
            "resource": None,
            "methods": methods,
        }

    def resource_context(self, api: Api, rf: ResourceFile, rfiles: list[ResourceFile],
                         homes: ModelHomes) -> dict[str, Any]:
        methods = [self.method_context(api, rf, m) for m in rf.resource.methods]
        context = self.module_context(api, rf.module, rf, homes, methods)
        context["models"] += [self.interface(obj.path, obj.properties, obj.description, False, "")
                              for m in rf.resource.methods for obj in returned_objects(rf.path, m)]
        children = [c for c in rfiles if c.path[:-1] == rf.path and len(c.path) == len(rf.path) + 1]
        core = ["APIResource"]
        uses_path = any(m["has_path_params"] for m in methods)
        context["resource"] = {
            "class": rf.class_name,
            "doc": jsdoc(rf.resource.description),
            "children": [{"field": initializer_line(INDENT, f"{c.field}: {c.class_name}",
                                                    f"new {c.class_name}", ["this._client"]),
                          "doc": jsdoc(c.resource.description, INDENT)} for c in children],
        }
        up = relative_import(rf.module, "core/resource")
        context["core_imports"] = [
            f"import {{ {', '.join(core)} }} from {string_literal(up)};",
            f"import type {{ APIPromise }} from {string_literal(relative_import(rf.module, 'core/api-promise'))};",
            f"import type {{ RequestOptions }} from {string_literal(relative_import(rf.module, 'client'))};",
        ]
        if uses_path:
            context["core_imports"].append(
                f"import {{ pathParam }} from {string_literal(relative_import(rf.module, 'internal/path'))};")
        if any(m["query"] or m["body"] for m in methods):
            context["core_imports"].append(
                f"import {{ pick }} from {string_literal(relative_import(rf.module, 'internal/params'))};")
        context["child_imports"] = [
            braced_line("", "import", [c.class_name], f" from {string_literal(relative_import(rf.module, c.module))};")
            for c in children]
        return context

    def index_exports(self, api: Api, rfiles: list[ResourceFile], homes: ModelHomes) -> list[str]:
        lines = []
        modules = [rf.module for rf in rfiles] + (["resources/shared"] if "resources/shared" in homes.values() else [])
        for module in modules:
            rf = next((r for r in rfiles if r.module == module), None)
            names = [rf.class_name] if rf else []
            names += [f"type {model_ident(m.name)}" for m in homes.models_in(module)]
            if rf:
                names += [f"type {params_type_name(rf.path, m)}" for m in rf.resource.methods
                          if self.non_path_params(m)]
                names += [f"type {type_name(o.path)}" for m in rf.resource.methods
                          for o in returned_objects(rf.path, m)]
            if names:
                lines.append(braced_line("", "export", names, f" from {string_literal('./' + module + '.js')};"))
        return lines

    def api_sections(self, api: Api, rfiles: list[ResourceFile], homes: ModelHomes) -> list[dict[str, Any]]:
        client_var = "client"
        sections = []
        for rf in rfiles:
            types = [(model_ident(m.name), f"./src/{rf.module}.ts") for m in homes.models_in(rf.module)]
            types += [(params_type_name(rf.path, m), f"./src/{rf.module}.ts") for m in rf.resource.methods
                      if self.non_path_params(m)]
            types += [(type_name(o.path), f"./src/{rf.module}.ts") for m in rf.resource.methods
                      for o in returned_objects(rf.path, m)]
            methods = []
            for m in rf.resource.methods:
                args = [binding(p.name) for p in m.path_params]
                others = self.non_path_params(m)
                if others:
                    args.append("{ ...params }")
                returns = ts_type(returned(rf.path, m)) if m.returns is not None else "void"  # type: ignore[arg-type]
                methods.append({
                    "http": f"{m.http_method.lower()} {m.path}",
                    "call": f"{client_var}.{accessor(rfiles, rf)}.",
                    "name": member_name(m.name, RESOURCE_MEMBERS),
                    "args": ", ".join(args),
                    "returns": returns,
                    "file": f"./src/{rf.module}.ts",
                })
            sections.append({"title": " > ".join(type_ident(p) for p in rf.path),
                             "level": "#" * min(len(rf.path), 5), "types": types, "methods": methods})
        shared = [(model_ident(m.name), "./src/resources/shared.ts") for m in homes.models_in("resources/shared")]
        if shared:
            sections.append({"title": "Shared", "level": "#", "types": shared, "methods": []})
        return sections

    def renamed(self, api: Api, rfiles: list[ResourceFile]) -> list[tuple[str, str, str]]:
        """(what, spec name, TypeScript name) for every name that was escaped or transliterated, for the
        README. Case conversion never makes a `_`, so a `_` in the result marks an escape."""
        found: list[tuple[str, str, str]] = []

        def note(what: str, spec_name: str, ident: str) -> None:
            if ("_" in ident or not spec_name.isascii()) and (what, spec_name, ident) not in found:
                found.append((what, spec_name, ident))

        for model in api.models:
            note("model", model.name, model_ident(model.name))
            for obj in all_inline_objects(model.properties):
                note("inline object", ".".join(obj.path), type_name(obj.path))
        for rf in rfiles:
            note("resource", ".".join(rf.path), f"{accessor(rfiles, rf)} ({rf.class_name})")
            for m in rf.resource.methods:
                note("method", f"{'.'.join(rf.path)}.{m.name}", member_name(m.name, RESOURCE_MEMBERS))
                for param in m.path_params:
                    note("path parameter", f"{m.name}({param.name})", binding(param.name))
                params = rooted_params(params_type_name(rf.path, m), self.non_path_params(m))
                for obj in all_inline_objects(params):  # type: ignore[arg-type]
                    note("inline object", ".".join(obj.path), type_name(obj.path))
        for option in api.client_options:
            note("client option", option.name, member_name(option.name, CLIENT_MEMBERS))
        return found

    def example(self, api: Api, rfiles: list[ResourceFile]) -> dict[str, Any] | None:
        """The first method that takes only path parameters, for the README's usage example."""
        for rf in rfiles:
            for m in rf.resource.methods:
                if not self.non_path_params(m) and m.returns is not None:
                    args = ", ".join(string_literal(f"{p.name}_123") if isinstance(p.type, Primitive)
                                     and p.type.kind == "string" else "1" for p in m.path_params)
                    call = f"client.{accessor(rfiles, rf)}.{member_name(m.name, RESOURCE_MEMBERS)}({args})"
                    return {"call": call,
                            "result": camel_case(singular(rf.path[-1])) if rf.path[-1] != singular(rf.path[-1])
                            else "result"}
        return None
