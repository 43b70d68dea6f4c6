"""Ruby target: names, types and the file list of the Ruby gem.

The gem is standard library only. Its runtime (HTTP, retries, errors, the model base class) is
rendered from templates/ruby/ with the API's names; models and resources come from the spec. This
module decides every name and type; the templates only lay them out.
"""

from __future__ import annotations

from pathlib import Path

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from generator.diagnostics import Diagnostic
from generator.ir import (
    Api, Array, Const, Enum, InlineObject, Location, Map, Method, Model, ModelRef, Parameter, Primitive, Property,
    Resource, Type, inline_objects,
)
from generator.text.case import ascii_name, pascal_case, snake_case, upper_snake_case
from generator.text.wordlist import word_list
from generator.targets.base import OutputFile, Target
from generator.targets.language import Language
from generator.targets.listing import FILENAME
from generator.targets.collisions import collisions
from generator.text.wrap import wrap

RESERVED_DIR = Path(__file__).resolve().parent / "reserved"


def reserved_words(name: str) -> frozenset[str]:
    """A word list of this language (reserved/<name>.txt): words its identifiers may not take."""
    return word_list(RESERVED_DIR / f"{name}.txt")


#: The runtime of the gem, in load order: the same for every spec, rendered with its names.
RUNTIME_FILES = (
    "version", "errors", "internal/enum", "internal/coerce", "internal/base_model", "internal/path",
    "internal/params", "internal/retry_policy", "internal/redirect", "internal/connection_pool",
    "internal/request_options", "internal/base_client",
)

#: Methods, instance variables and keyword arguments of the generated Client and its base class
#: (public and private): a client option or top-level resource of one of these names gets a
#: trailing underscore on its reader (and instance variable), so that it cannot replace one of them.
CLIENT_METHODS = frozenset({
    "base_url", "timeout", "max_retries", "request", "api_key", "close", "inspect", "to_s", "headers",
    "connections", "retry_policy", "request_id_header", "initial_retry_delay", "max_retry_delay",
    "default_headers", "send_with_retries", "attempt", "send_once", "send_request", "build_url", "encode_query",
    "query_value", "encode_component", "encode_body", "build_headers", "parse", "load_result", "describe",
    "status_error", "error_body", "error_message", "validation_error", "response_headers", "lower_keys",
    "string_keys", "default_request_headers",
})

#: What a resource class keeps for itself: a sub-resource of this name gets a trailing underscore.
RESOURCE_MEMBERS = frozenset({"client"})

#: Every constant the runtime defines, in any of its namespaces (templates/ruby/): the gem's module
#: may not take one of these names, or `<Module>::...` inside that namespace would mean the constant.
RUNTIME_NAMES = frozenset({
    "APIConnectionError", "APIError", "APIResponseValidationError", "APIStatusError", "APITimeoutError",
    "AuthenticationError", "BODY_HEADERS", "BODY_METHODS", "BadRequestError", "BaseClient", "BaseModel",
    "CONNECTION_ERRORS", "Client", "Coerce", "ConflictError", "ConnectionPool", "DEFAULT_BASE_URL",
    "DEFAULT_INITIAL_RETRY_DELAY", "DEFAULT_MAX_RETRIES", "DEFAULT_MAX_RETRY_DELAY", "DEFAULT_TIMEOUT_IN_SECONDS",
    "Enum", "Error", "Errors", "HTTP_STATUS", "Internal", "InternalServerError", "KEYS", "LIMIT",
    "MAX_IDLE_PER_ORIGIN", "MAX_SERVER_DELAY", "MISSING_API_KEY", "Models", "NotFoundError", "OMIT", "Params",
    "Path", "PermissionDeniedError", "RETRYABLE_STATUSES", "RateLimitError", "Redirect", "RequestOptions",
    "Resources", "RetryPolicy", "STATUSES", "STATUS_CLASSES", "TIMEOUT_ERRORS", "UNRESERVED",
    "UnprocessableEntityError", "VERSION",
})

#: Constants Ruby once defined (RuboCop's Lint/DeprecatedConstants reports any use): an enum
#: constant of one of these names gets a trailing underscore.
DEPRECATED_CONSTANTS = frozenset({"TRUE", "FALSE", "NIL"})

#: Every method takes this keyword: a parameter of this name gets a trailing underscore.
METHOD_KEYWORDS = frozenset({"request_options"})

#: Constants the runtime defines in the gem's top-level module: a model with one of these names is
#: reachable only under `Models::`, without the top-level alias.
RUNTIME_CONSTANTS = frozenset({"Client", "Errors", "Internal", "Models", "Resources", "VERSION"})

_YARD_PRIMITIVES = {"string": "String", "integer": "Integer", "number": "Float", "boolean": "Boolean"}
# Core classes are written from the root (`::String`) in signatures: a model, resource or enum of
# the spec may be named `String` or `Hash`, and RBS resolves a bare name in the nearest namespace.
_RBS_PRIMITIVES = {"string": "::String", "integer": "::Integer", "number": "(::Float | ::Integer)", "boolean": "bool"}
_SIMPLE_SYMBOL = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
_RBS_QUOTABLE = re.compile(r"[\x20-\x7e]*\Z")
_INTERPOLATION = re.compile(r"#[{$@]")

# When Ruby's Symbol#inspect prints a Symbol bare (`:name`, `:a?`, `:[]`, `:$1`, `:@x`): identifiers
# (any non-ASCII character counts as a letter), operators and global/instance/class variable names.
# The sets [A-Za-z_\u0080-\U0010ffff] and [A-Za-z0-9_\u0080-\U0010ffff], written as the ASCII they
# exclude: `re` takes about 5 ms to compile a range reaching U+10FFFF, and this pattern is compiled four
# times at import (18 ms of every build). tests/test_text_shortcuts.py checks the two spellings agree.
_ID = r"[^\x00-\x40\x5b-\x5e\x60\x7b-\x7f][^\x00-\x2f\x3a-\x40\x5b-\x5e\x60\x7b-\x7f]*"
_BARE_SYMBOL = re.compile(
    rf"{_ID}[?!=]?|@@?{_ID}|\${_ID}|\$[~*$?!@/\\;,.=:<>\"&`'+0]|\$[1-9][0-9]*|\$-[A-Za-z0-9_]"
    r"|\[\]=?|[+\-]@?|\*\*?|/|%|={2,3}|!=|=~|!~|!|<=>|<=|>=|<<|>>|<|>|&|\||\^|~|`"
)
_LABEL = re.compile(rf"{_ID}[?!]?")  # a Symbol written bare as a Hash label (`name:`)
_MAGIC_COMMENT = re.compile(r"(?i).*-\*-|\s*(frozen[-_]string[-_]literal|shareable[-_]constant[-_]value|warn[-_]indent"
                            r"|warn[-_]past[-_]scope|(en)?coding)\s*:")
# Ruby's String#inspect writes these with a letter.
_NAMED_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\f": "\\f", "\v": "\\v", "\b": "\\b",
                  "\a": "\\a", "\x1b": "\\e"}

# ---------------------------------------------------------------- escaping


def identifier(name: str) -> str:
    """A Ruby method or argument name for a spec name: snake_case of its ASCII spelling, `n_` before
    a leading digit (not `_`: RuboCop reserves a leading underscore for unused variables), and `_`
    appended to keywords and to the methods every object has (reserved/ruby.txt)."""
    ident = snake_case(ascii_name(name)) or "n"
    if ident[0].isdigit():
        ident = "n_" + ident
    return ident + "_" if ident in reserved_words("ruby") else ident


def client_reader(name: str) -> str:
    """A reader on the client: also kept clear of the client's own methods."""
    return member(name, CLIENT_METHODS)


def member(name: str, taken: frozenset[str]) -> str:
    """`identifier`, kept clear of the names in `taken` by a trailing underscore."""
    ident = identifier(name)
    return ident + "_" if ident in taken else ident


def constant(name: str) -> str:
    """A Ruby class or module name for a spec name."""
    const = pascal_case(ascii_name(name)) or "Unnamed"
    if const in ("Fixnum", "Bignum"):  # RuboCop's Lint/UnifiedInteger reports any use of these
        const += "Type"
    return const if const[0].isalpha() else "N" + const


def library_name(package: str) -> str:
    """The gem's `require` name and lib/ folder: the snake_case package name, with `_sdk` appended
    when a library of Ruby's own has that name (`json`, `logger`): `require 'json'` in the gem would
    otherwise load the gem itself."""
    lib = snake_case(ascii_name(package)) or "sdk"
    return lib + "_sdk" if lib in reserved_words("ruby_libraries") else lib


def module_name(name: str) -> str:
    """The gem's top-level module: the API's name as written when it is already a constant (`OpenAI`),
    with `Api` appended when that is a constant of Ruby or of a standard library (`Hash`, `JSON`,
    `Logger`), which the gem would reopen, or a constant of the gem's own runtime (`APIError`), which
    would hide the module from the runtime's code, or a keyword (`BEGIN`, `END`), which is no name."""
    module = name if re.fullmatch(r"[A-Z][A-Za-z0-9]*", name) else constant(name)
    taken = module in reserved_words("ruby_constants") or module in RUNTIME_NAMES or module in reserved_words("ruby")
    return module + "Api" if taken else module


def string_literal(text: str) -> str:
    """A Ruby string literal that reads back as `text`: single-quoted (no interpolation; only `\\`
    and `'` escaped) unless the text has characters that are invisible or break lines, or looks like
    interpolation; those are written double-quoted with escapes."""
    if _INTERPOLATION.search(text) or any(not ch.isprintable() for ch in text):
        return '"' + _double_quoted_body(text) + '"'
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def string_literal_lines(text: str, indent: int, width: int = 118) -> str:
    """`string_literal`, split into literals joined by `\\` line continuations so that no line
    passes `width` columns; `indent` is the column the first literal starts at (later ones align)."""
    whole = string_literal(text)
    room = max(20, width - indent - 2)
    if indent + len(whole) <= width:
        return whole
    pieces: list[str] = []
    rest = text
    while rest:
        size = len(rest)
        while size > 1 and len(string_literal(rest[:size])) > room:
            size = max(1, size * 3 // 4) if len(string_literal(rest[:size])) > 2 * room else size - 1
        pieces.append(string_literal(rest[:size]))
        rest = rest[size:]
    return (" \\\n" + " " * indent).join(pieces)


def _double_quoted_body(text: str) -> str:
    """Escapes for a double-quoted literal: `"` and `\\`, `#` where it would start interpolation
    (`#{`, `#$`, `#@`), and every character that is not printable as `\\u{..}`."""
    out = []
    for index, ch in enumerate(text):
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "#" and text[index + 1:index + 2] in ("{", "$", "@"):
            out.append("\\#")
        elif not ch.isprintable():
            out.append(f"\\u{{{ord(ch):x}}}")
        else:
            out.append(ch)
    return "".join(out)


def _ruby_escapes(ch: str) -> bool:
    """Whether Ruby's String#inspect escapes a non-ASCII character (C1 controls but U+0085, line and
    paragraph separators, unassigned code points); it prints every other one as it is."""
    return ch != "\x85" and unicodedata.category(ch) in ("Cc", "Zl", "Zp", "Cn", "Cs")


def invisible_in_symbol(text: str) -> bool:
    """True when Symbol#inspect would print characters that are invisible (e.g. a right-to-left mark,
    a no-break space): such a Symbol is not written as a literal but built from an escaped String."""
    return any(not ch.isascii() and not ch.isprintable() and not _ruby_escapes(ch) for ch in text)


def symbol_literal(text: str) -> str:
    """The Symbol literal for `text`, written exactly as Ruby's Symbol#inspect prints it: RuboCop's
    Lint/SymbolConversion accepts no other spelling (and the gem's .rubocop.yml has
    Style/QuotedSymbols take double quotes, the ones Symbol#inspect uses). Callers keep text with
    invisible characters (`invisible_in_symbol`) away from here."""
    if _bare(text):
        return ":" + text
    return ":" + _inspect_quoted(text)


def symbol_label(text: str) -> str:
    """A Symbol key in `key: value` Hash syntax: bare for an identifier (as RuboCop wants it), else
    quoted as Symbol#inspect quotes."""
    if _bare(text) and _LABEL.fullmatch(text):
        return text + ":"
    return _inspect_quoted(text) + ":"


def _bare(text: str) -> bool:
    if not _BARE_SYMBOL.fullmatch(text):
        return False
    return text.isascii() or not any(not ch.isascii() and _ruby_escapes(ch) for ch in text)


def _inspect_quoted(text: str) -> str:
    """`text` double-quoted with the escapes of Ruby's String#inspect."""
    ascii_only = text.isascii()
    out = []
    for index, ch in enumerate(text):
        code = ord(ch)
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "#" and text[index + 1:index + 2] in ("{", "$", "@"):
            out.append("\\#")
        elif ch in _NAMED_ESCAPES:
            out.append(_NAMED_ESCAPES[ch])
        elif code < 0x20 or code == 0x7F:
            # An ASCII-only Symbol is US-ASCII: Ruby writes its control characters as bytes.
            out.append(f"\\x{code:02X}" if ascii_only else f"\\u{code:04X}")
        elif code >= 0x80 and _ruby_escapes(ch):
            out.append(f"\\u{code:04X}" if code <= 0xFFFF else f"\\u{{{code:X}}}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def string_array(texts: list[str]) -> str:
    """An Array literal of Strings, as RuboCop's Style/WordArray wants it: `%w[a b]` when there are
    two or more and each is a word (letters, marks, digits, `_`, inner `-`), else `['a b', 'c']`."""
    if len(texts) >= 2 and all(_is_word(text) for text in texts):
        return "%w[" + " ".join(texts) + "]"
    return "[" + ", ".join(string_literal(text) for text in texts) + "]"


def _is_word(text: str) -> bool:
    def word(ch: str) -> bool:
        category = unicodedata.category(ch)
        return category[0] in "LM" or category in ("Nd", "Pc")

    return bool(text) and all(word(ch) or (ch == "-" and 0 < i < len(text) - 1 and word(text[i - 1])
                                           and word(text[i + 1])) for i, ch in enumerate(text))


def number(value: float | int) -> str:
    """A Ruby numeric literal; five digits or more before the point are grouped by three with `_`,
    as RuboCop's Style/NumericLiterals wants."""
    text = repr(value)
    if "e" in text or "n" in text:  # 1e+20, inf, nan: the validator keeps these out of timeouts
        return text
    whole, dot, fraction = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    digits = whole.lstrip("-")
    if len(digits) >= 5:
        digits = f"{int(digits):_}"
    return f"{sign}{digits}{dot}{fraction}"


# Characters a comment shows as a space: controls but the line break, and the other line terminators.
_COMMENT_BLANKS = {code: " " for code in (*range(0x20), 0x7F, 0x85, 0x2028, 0x2029) if code != 0x0A}


# Descriptions repeat across properties and files: each distinct comment is laid out once.
@lru_cache(maxsize=8192)
def comment(text: str, indent: int = 0, lead: str = "", width: int = 100) -> str:
    """Spec text as whole `# ` comment lines, wrapped to `width` columns, continuation lines indented
    by `indent` spaces (the first line's indentation comes from the template). `lead` starts the
    first line (e.g. a YARD tag); the lines that continue a tag hang by two more spaces, as YARD
    reads them. Every line starts with `#`, so no text can leave the comment.
    """
    clean = text.replace("\r\n", "\n").translate(_COMMENT_BLANKS)
    hang = "  " if lead.startswith("@") else ""
    lines: list[str] = []
    for paragraph in clean.strip().split("\n"):
        if not paragraph.strip():
            lines.append("")
            continue
        lines += wrap(paragraph, max(40, width - indent - 2), hang if lines else lead, hang)
    # A line that reads as a magic comment (`frozen_string_literal: false`, `-*- coding: x -*-`) would
    # change how Ruby reads the file: it gets a second `#`, which Ruby does not take as one.
    lines = ["# " + line if _MAGIC_COMMENT.match(line) else line for line in lines]
    if not any(lines):
        # Blank text: the tag alone, or words, never an empty `#` line (RuboCop's Layout/EmptyComment).
        lines = [lead or "(no description)"]
    return ("\n" + " " * indent).join(("# " + line).rstrip() for line in lines)


def markdown(text: str) -> str:
    """Spec text as Markdown prose in the README: markup and HTML characters escaped."""
    out = []
    for ch in text:
        if ch in "\\`*_[]#|":
            out.append("\\" + ch)
        elif ch in "<>&":
            out.append({"<": "&lt;", ">": "&gt;", "&": "&amp;"}[ch])
        elif ord(ch) < 0x20 or ch in "\x7f\u2028\u2029":
            out.append(" ")
        else:
            out.append(ch)
    return "".join(out)


def markdown_code(text: str) -> str:
    """An inline code span holding `text`: fenced with more backticks than it contains, `|` escaped
    so that it cannot end a table cell."""
    clean = "".join(" " if ord(c) < 0x20 or c in "\x7f\u2028\u2029\x85" else c for c in text).replace("|", "\\|")
    fence = "`" * (max((len(run) for run in re.findall(r"`+", clean)), default=0) + 1)
    pad = " " if clean.startswith("`") or clean.endswith("`") or fence != "`" else ""
    return f"{fence}{pad}{clean}{pad}{fence}"


def rbs_symbol(text: str) -> str | None:
    """A Symbol literal type for RBS, or None when the value is safer typed as plain `Symbol`."""
    if _SIMPLE_SYMBOL.match(text) and not text[0].isupper():
        return ":" + text
    if _RBS_QUOTABLE.match(text) and '"' not in text and "\\" not in text:
        return ':"' + text + '"'
    return None


def enum_constants(values: tuple[str, ...]) -> list[tuple[str, str]]:
    """(CONSTANT_NAME, symbol literal) per enum value; names made valid and unique."""
    seen: set[str] = set()
    out = []
    for index, value in enumerate(values):
        name = upper_snake_case(value)
        if not name or not name[0].isalpha():
            name = f"VALUE_{name}" if name else f"VALUE_{index}"
        if name in reserved_words("ruby") or name in DEPRECATED_CONSTANTS:  # BEGIN, END, TRUE
            name += "_"
        while name in seen:
            name += "_"
        seen.add(name)
        # Invisible characters stay escaped in the source: such a value is built from a String.
        literal = f"symbol({string_literal(value)})" if invisible_in_symbol(value) else symbol_literal(value)
        out.append((name, literal))
    return out


# ---------------------------------------------------------------- types


@dataclass(frozen=True)
class TypeNames:
    """How one IR type reads in each place the gem mentions it."""

    descriptor: str  # runtime type descriptor for Internal::Coerce (Ruby expression)
    yard: str  # YARD type
    rbs: str  # RBS type


class Types:
    """Type mapping for one API: knows the gem's module so that every reference is fully qualified."""

    def __init__(self, module: str) -> None:
        self.module = module
        # Code and signatures name the gem's classes from the root (`::OpenAI::Models::Batch`): a
        # model, resource or enum of the spec may carry the module's own name, and a bare
        # `OpenAI::...` inside it would resolve to that one.
        self.root = f"::{module}"
        self._rooted = re.compile(rf"(?<![\w:])::{re.escape(module)}::")

    def model_path(self, name: str) -> str:
        return f"{self.root}::Models::{constant(name)}"

    def names(self, t: Type, owner: str, prop: str) -> TypeNames:
        """`owner` is the class the property belongs to; enums and inline objects are nested in it."""
        return self._for_docs(self._names(t, owner, prop, nested=True))

    def param_names(self, t: Type) -> TypeNames:
        """Types of parameters: nothing nests there, so an enum is any Symbol or String, an inline
        object a Hash, and a model may also be given as a Hash."""
        return self._for_docs(self._names(t, self.root, "", nested=False, given=True))

    def result_names(self, t: Type) -> TypeNames:
        """Types of what a method returns."""
        return self._for_docs(self._names(t, self.root, "", nested=False, given=False))

    def _for_docs(self, names: TypeNames) -> TypeNames:
        """YARD types read as the user writes them (`OpenAI::Models::Batch`), without the root."""
        return TypeNames(names.descriptor, self._rooted.sub(f"{self.module}::", names.yard), names.rbs)

    def _names(self, t: Type, owner: str, prop: str, nested: bool, given: bool = False) -> TypeNames:
        if isinstance(t, Primitive):
            return TypeNames("nil", _YARD_PRIMITIVES[t.kind], _RBS_PRIMITIVES[t.kind])
        if isinstance(t, Const):
            if isinstance(t.value, str):
                return TypeNames(f"[:const, {string_literal(t.value)}]", "Symbol", rbs_symbol(t.value) or "::Symbol")
            literal = ("true" if t.value else "false") if isinstance(t.value, bool) else str(t.value)
            return TypeNames("nil", "Boolean" if isinstance(t.value, bool) else "Integer", literal)
        if isinstance(t, Enum):
            if not nested:
                literals = " | ".join(dict.fromkeys(rbs_symbol(v) or "::Symbol" for v in t.values))
                return TypeNames("nil", "Symbol, String", f"({literals + ' | ' if literals else ''}::String)")
            path = f"{owner}::{constant(prop)}"
            return TypeNames(path, "Symbol, String", f"({path}::value | ::String)")
        if isinstance(t, Array):
            item = self._names(t.items, owner, prop, nested, given)
            return TypeNames(f"[:array, {item.descriptor}]", f"Array<{item.yard}>", f"::Array[{item.rbs}]")
        if isinstance(t, Map):
            item = self._names(t.values, owner, prop, nested, given)
            return TypeNames(f"[:map, {item.descriptor}]", f"Hash{{Symbol=>{item.yard}}}",
                             f"::Hash[::Symbol, {item.rbs}]")
        if isinstance(t, InlineObject):
            if not nested:
                return TypeNames("nil", "Hash{Symbol=>Object}", "::Hash[::Symbol, untyped]")
            path = f"{owner}::{constant(t.path[-1])}"
            return TypeNames(path, path, path)
        assert isinstance(t, ModelRef)
        path = self.model_path(t.name)
        if given:
            return TypeNames(path, f"{path}, Hash{{Symbol=>Object}}", f"({path} | ::Hash[::Symbol, untyped])")
        return TypeNames(path, path, path)


def aliased(model: str, module: str) -> bool:
    """Whether a model also gets the alias `<Module>::<Model>` (as the official gem has them): not
    when that would hide a constant the gem's own code uses (the runtime's, Ruby's core classes,
    the module itself); those models are reached as `<Module>::Models::<Model>` only."""
    return model != module and model not in RUNTIME_CONSTANTS and model not in reserved_words("ruby_constants")


def optional_rbs(rbs: str) -> str:
    return rbs if rbs.endswith("?") else f"{rbs}?"


def inner_enum(t: Type) -> Enum | None:
    """The enum a property's type holds, directly or inside arrays and maps."""
    if isinstance(t, Enum):
        return t
    if isinstance(t, Array):
        return inner_enum(t.items)
    if isinstance(t, Map):
        return inner_enum(t.values)
    return None


def inner_object(t: Type) -> InlineObject | None:
    if isinstance(t, InlineObject):
        return t
    if isinstance(t, Array):
        return inner_object(t.items)
    if isinstance(t, Map):
        return inner_object(t.values)
    return None


# ---------------------------------------------------------------- the target


# What model.rb.j2 and sig/model.rbs.j2 read per class, property and enum. Attributes rather than dict
# keys: Jinja reads `f.label` as an attribute first, and on a dict each of those reads fails first
# (about a sixth of the Ruby rendering time of a 1,000-model spec).
@dataclass(slots=True)
class FieldContext:
    reader: str
    key: str  # the Symbol literal of the wire name
    label: str  # the same Symbol as a Hash label
    descriptor: str
    yard: str
    rbs: str
    description: str
    deprecated: bool


@dataclass(slots=True)
class EnumContext:
    name: str
    description: str
    constants: list[tuple[str, str]]
    rbs_types: list[str]
    raw: list[str]
    rbs_values: str


@dataclass(slots=True)
class ClassContext:
    path: str
    name: str
    description: str
    deprecated: bool
    fields: list[FieldContext]
    enums: list[EnumContext]
    nested: list["ClassContext"]


class RubyTarget(Target):
    name = "ruby"
    filters = {"rbstr": string_literal, "rbstr_lines": string_literal_lines, "comment": comment, "md": markdown,
               "code": markdown_code}

    def check(self, api: Api) -> list[Diagnostic]:
        """Names that differ in the spec but not once escaped for Ruby (see `identifier`, `member`,
        `constant`): each pair is reported (E204) rather than one silently replacing the other."""
        problems = collisions("ruby", [(m.name, snake_case(m.name), m.location) for m in api.models], "model file")
        problems += collisions("ruby", [(m.name, constant(m.name), m.location) for m in api.models], "model class")
        for model in api.models:
            for owner, props in [(model.name, model.properties)] + [
                    (".".join(o.path), o.properties) for o in inline_objects(model)]:
                problems += collisions("ruby", [(p.name, identifier(p.name), p.location) for p in props],
                                       f"property of `{owner}`")
        # Client options and top-level resources are both readers of the client.
        spec_start = Location(api.source or "<spec>", 1, 1)
        problems += collisions("ruby", [(o.name, client_reader(o.name), spec_start) for o in api.client_options],
                               "client option")
        problems += collisions("ruby", [(r.name, client_reader(r.name), r.location) for r in api.resources],
                               "resource")
        options = {client_reader(o.name): o.name for o in api.client_options}
        for r in api.resources:
            if client_reader(r.name) in options:
                problems.append(Diagnostic(
                    r.location, "E204",
                    f"resource `{r.name}` and client option `{options[client_reader(r.name)]}` both become the "
                    f"client reader `{client_reader(r.name)}` in ruby",
                    "rename the resource or the client option"))
        problems += collisions("ruby", [(r.name, constant(r.name), r.location) for r in api.resources], "resource")
        for resource in api.all_resources():
            # Methods and sub-resources are both methods of the resource class.
            problems += collisions("ruby", [(m.name, identifier(m.name), m.location) for m in resource.methods]
                                   + [(r.name, member(r.name, RESOURCE_MEMBERS), r.location) for r in resource.resources],
                                   f"method or resource under `{resource.name}`")
            problems += collisions("ruby", [(r.name, constant(r.name), r.location) for r in resource.resources],
                                   f"resource class under `{resource.name}`")
            for method in resource.methods:
                problems += collisions("ruby", [(p.name, member(p.name, METHOD_KEYWORDS), p.source)
                                                for p in method.parameters],
                                       f"parameter of `{resource.name}.{method.name}`")
        return problems

    def docs_language(self) -> Language:
        from generator.targets.ruby.docs import Ruby  # TODO(split): no cycle once names/types are modules

        return Ruby()

    def files(self, api: Api) -> list[OutputFile]:
        package = api.package("ruby")
        lib = library_name(package.name)
        module = module_name(api.name)
        types = Types(module)
        common = {"api": api, "package": package, "module": module, "root": types.root, "lib": lib,
                  "request_id_header": api.request_id_header}
        resources = [self.resource_context(api, r, (), types, lib) for r in api.resources]
        all_resources = flatten(resources)
        models = [self.model_context(m, types) for m in api.models]
        runtime = RUNTIME_FILES
        aliases = [m.name for m in models if aliased(m.name, module)]

        client = self.client_context(api, module, resources)
        files = [
            OutputFile(f"{lib}.gemspec", "gemspec.j2", common),
            OutputFile(".rubocop.yml", "rubocop.yml.j2", common),
            OutputFile("README.md", "README.md.j2",
                       {**common, **client, **self.readme_context(api, module, all_resources)}),
            OutputFile(f"lib/{lib}.rb", "entry.rb.j2", {
                **common,
                "requires": [f"{lib}/{r}" for r in runtime]
                + [f"{lib}/models/{snake_case(m.name)}" for m in api.models]
                + [f"{lib}/resources/{r['file']}" for r in all_resources]
                + [f"{lib}/client"],
                "aliases": aliases,
            }),
            OutputFile(f"lib/{lib}/client.rb", "client.rb.j2", {**common, **client}),
            OutputFile(f"sig/{lib}/client.rbs", "sig/client.rbs.j2", {**common, **client}),
            OutputFile(f"sig/{lib}.rbs", "sig/entry.rbs.j2", {
                **common, "aliases": aliases}),
        ]
        for name in runtime:
            files.append(OutputFile(f"lib/{lib}/{name}.rb", f"{name}.rb.j2", common))
            files.append(OutputFile(f"sig/{lib}/{name}.rbs", f"sig/{name}.rbs.j2", common))
        for model, context in zip(api.models, models):
            files.append(OutputFile(f"lib/{lib}/models/{snake_case(model.name)}.rb", "model.rb.j2",
                                    {**common, "model": context}))
            files.append(OutputFile(f"sig/{lib}/models/{snake_case(model.name)}.rbs", "sig/model.rbs.j2",
                                    {**common, "model": context}))
        for resource in all_resources:
            files.append(OutputFile(f"lib/{lib}/resources/{resource['file']}.rb", "resource.rb.j2",
                                    {**common, "resource": resource}))
            files.append(OutputFile(f"sig/{lib}/resources/{resource['file']}.rbs", "sig/resource.rbs.j2",
                                    {**common, "resource": resource}))
        from generator.targets.ruby.surface import surface  # TODO(split): files.py imports surface.py

        files.append(OutputFile(FILENAME, text=surface(api)))
        return files

    # ------------------------------------------------------------ contexts

    def client_context(self, api: Api, module: str, resources: list[dict[str, Any]]) -> dict[str, Any]:
        options = [{"name": client_reader(o.name), "header": o.header.lower(), "header_display": o.header,
                    "env": o.env, "description": o.description} for o in api.client_options]
        return {
            "options": options,
            "resources": resources,
            "timeout": number(float(api.timeout_seconds)),
            "max_retries": number(api.max_retries),
            "missing_key_message": [
                "The api_key client option must be set either by passing api_key to the client ",
                f"or by setting the {api.api_key_env} environment variable",
            ],
        }

    def model_context(self, model: Model, types: Types) -> ClassContext:
        path = types.model_path(model.name)
        return self.class_context(path, constant(model.name), model.description, model.deprecated,
                                  model.properties, types)

    def class_context(self, path: str, name: str, description: str, deprecated: bool, props: tuple[Property, ...],
                      types: Types) -> ClassContext:
        fields, enums, nested = [], [], []
        for p in props:
            names = types.names(p.type, path, p.name)
            optional = p.nullable or not p.required
            fields.append(FieldContext(
                reader=identifier(p.name),
                key=symbol_literal(p.name),
                label=symbol_label(p.name),
                descriptor=names.descriptor,
                yard=names.yard + (", nil" if optional else ""),
                rbs=optional_rbs(names.rbs) if optional else names.rbs,
                description=p.description,
                deprecated=p.deprecated,
            ))
            enum = inner_enum(p.type)
            if enum is not None:
                enums.append(EnumContext(
                    name=constant(p.name),
                    description=p.description,
                    constants=enum_constants(enum.values),
                    rbs_types=[rbs_symbol(v) or "::Symbol" for v in enum.values],
                    raw=list(enum.values),
                    rbs_values=" | ".join(dict.fromkeys(rbs_symbol(v) or "::Symbol" for v in enum.values))
                    or "::Symbol",
                ))
            inline = inner_object(p.type)
            if inline is not None:
                nested_name = constant(inline.path[-1])
                nested.append(self.class_context(f"{path}::{nested_name}", nested_name,
                                                 inline.description or p.description, False, inline.properties, types))
        return ClassContext(path, name, description, deprecated, fields, enums, nested)

    def resource_context(self, api: Api, resource: Resource, parents: tuple[str, ...], types: Types,
                         lib: str, owner: str = "client") -> dict[str, Any]:
        """`owner` is how a user reaches the parent: `client`, then `client.widgets`, ..."""
        chain = (*parents, constant(resource.name))
        class_path = f"{types.root}::Resources::{'::'.join(chain)}"
        attr = client_reader(resource.name) if not parents else member(resource.name, RESOURCE_MEMBERS)
        accessor = f"{owner}.{attr}"
        children = [self.resource_context(api, r, chain, types, lib, accessor) for r in resource.resources]
        return {
            "name": constant(resource.name),
            "attr": attr,
            "accessor": accessor,
            "chain": chain,
            "class_path": class_path,
            "file": "/".join(snake_case(part) for part in (*parents, resource.name)),
            "description": resource.description,
            # The `def` lines stand in the class body: 4 columns of modules, 2 per enclosing class, 2.
            "methods": [self.method_context(m, types, 6 + 2 * len(parents)) for m in resource.methods],
            "children": children,
        }

    def method_context(self, method: Method, types: Types, indent: int = 6) -> dict[str, Any]:
        positional = [self.param_context(p, types) for p in method.path_params]
        keywords = [self.param_context(p, types) for p in method.parameters if p.location != "path"]
        # Required keywords first: reads naturally in the signature and in the docs.
        keywords.sort(key=lambda p: not p["required"])
        returns = types.result_names(method.returns) if method.returns is not None else None
        omit = f"{types.root}::Internal::Params::OMIT"
        params = [p["name"] for p in positional] + [
            f"{p['name']}:" + (f" {omit}" if p["default"] == "OMIT" else f" {p['default']}" if p["default"] else "")
            for p in keywords] + ["request_options: {}"]
        name = identifier(method.name)
        return {
            # One line when it fits in RuboCop's 120 columns, else one parameter per line.
            "params": params,
            "one_line": indent + len(f"def {name}({', '.join(params)})") <= 120,
            "nullable_query": string_array([p["wire"] for p in keywords if p["location"] == "query" and p["nullable"]]),
            "nullable_body": string_array([p["wire"] for p in keywords if p["location"] == "body" and p["nullable"]]),
            "name": name,
            "http_method": method.http_method,
            "path": method.path,
            "summary": method.summary,
            "description": method.description,
            "deprecated": method.deprecated,
            "positional": positional,
            "keywords": keywords,
            "query": [p for p in keywords if p["location"] == "query"],
            "body": [p for p in keywords if p["location"] == "body"],
            "has_body": any(p.location == "body" for p in method.parameters),
            "returns": returns,
        }

    def param_context(self, p: Parameter, types: Types) -> dict[str, Any]:
        names = types.param_names(p.type)
        required = p.required or p.location == "path"
        # nil leaves a parameter out of the request; a nullable one needs a distinct default so
        # that nil can be sent as JSON null.
        default = None if required else ("OMIT" if p.nullable else "nil")
        rbs = names.rbs if not (p.nullable or not required) else optional_rbs(names.rbs)
        return {
            "name": member(p.name, METHOD_KEYWORDS),
            "wire": p.name,
            "location": p.location,
            "required": required,
            "nullable": p.nullable,
            "default": default,
            "yard": names.yard + (", nil" if p.nullable or not required else ""),
            "rbs": f"({rbs})" if "|" in rbs and not rbs.startswith("(") else rbs,
            "description": p.description,
        }

    def readme_context(self, api: Api, module: str, resources: list[dict[str, Any]]) -> dict[str, Any]:
        first = next(((r, m) for r in resources for m in r["methods"]), None)
        example = None
        if first is not None:
            resource, method = first
            args = [string_literal(p["name"]) for p in method["positional"]]
            args += [f"{p['name']}: {example_value(p)}" for p in method["keywords"] if p["required"]]
            example = {"call": f"{resource['accessor']}.{method['name']}({', '.join(args)})",
                       "returns": method["returns"].yard if method["returns"] else "nil"}
        return {"example": example, "all_resources": resources}


def example_value(param: dict[str, Any]) -> str:
    yard = param["yard"]
    if yard.startswith("Integer"):
        return "1"
    if yard.startswith("Float"):
        return "1.0"
    if yard.startswith("Boolean"):
        return "true"
    return string_literal(param["name"])


def flatten(resources: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every resource context, parents before children."""
    out = []
    for resource in resources:
        out.append(resource)
        out.extend(flatten(resource["children"]))
    return out
