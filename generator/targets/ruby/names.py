"""The naming authority of the Ruby gem: every identifier, constant, file, module and library name it declares.

The SDK contexts, check.py, surface.py and docs.py all ask these functions; none spells a Ruby name itself.
Words a name may not take are data (reserved/*.txt); the names the gem's own runtime takes are listed here,
next to the rule that keeps spec names clear of them.
"""

from __future__ import annotations

from functools import lru_cache

import re
from pathlib import Path

from generator.ir import InlineObject, Parameter
from generator.text.case import ascii_name, pascal_case, snake_case, upper_snake_case
from generator.text.wordlist import named_word_list

RESERVED_DIR = str(Path(__file__).resolve().parent / "reserved")


def reserved_words(name: str) -> frozenset[str]:
    """A word list of this language (reserved/<name>.txt): words its identifiers may not take."""
    return named_word_list(RESERVED_DIR, name)


#: Methods, instance variables and keyword arguments of the generated Client and its base class
#: (public and private): a client option or top-level resource of one of these names gets a
#: trailing underscore on its reader (and instance variable), so that it cannot replace one of them.
CLIENT_METHODS = frozenset({
    "base_url", "timeout", "max_retries", "request", "api_key", "close", "inspect", "to_s", "headers",
    "connections", "retry_policy", "request_id_header", "initial_retry_delay", "max_retry_delay",
    "default_headers", "send_with_retries", "attempt", "send_once", "send_request", "build_url", "encode_query",
    "query_value", "encode_component", "encode_body", "build_headers", "parse", "load_result", "describe",
    "status_error", "error_body", "error_message", "validation_error", "response_headers", "lower_keys",
    "string_keys", "default_request_headers", "prepare", "send_checked", "load_page", "merge_headers",
    "with_options", "settings",
})

#: What a page class has besides its items and `has_more` readers: such a field gets a trailing underscore.
PAGE_MEMBERS = frozenset({
    "request_id", "_request_id", "next_page", "auto_paging_each", "to_enum", "enum_for", "inspect", "to_s",
    "cursor", "client", "request",
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
    "MAX_IDLE_PER_ORIGIN", "MAX_SERVER_DELAY", "MISSING_API_KEY", "MISSING_KEYS", "Models", "NotFoundError", "OMIT",
    "Params",
    "Path", "PermissionDeniedError", "RETRYABLE_STATUSES", "RateLimitError", "Redirect", "RequestOptions",
    "Resources", "RetryPolicy", "STATUSES", "STATUS_CLASSES", "TIMEOUT_ERRORS", "UNRESERVED",
    "UnprocessableEntityError", "VERSION", "BINARY", "FilePart", "Multipart", "IDEMPOTENCY_HEADER",
})

#: Constants Ruby once defined (RuboCop's Lint/DeprecatedConstants reports any use): an enum
#: constant of one of these names gets a trailing underscore.
DEPRECATED_CONSTANTS = frozenset({"TRUE", "FALSE", "NIL"})

#: Every method takes this keyword: a parameter of this name gets a trailing underscore.
METHOD_KEYWORDS = frozenset({"request_options"})

#: The local variables of a resource method's body: a path parameter (a positional argument, so a
#: local variable too) of one of these names gets a trailing underscore.
METHOD_LOCALS = frozenset({"params", "given", "options"})

#: Constants the runtime defines in the gem's top-level module: a model with one of these names is
#: reachable only under `Models::`, without the top-level alias.
RUNTIME_CONSTANTS = frozenset({"Client", "Errors", "FilePart", "Internal", "Models", "Resources", "VERSION"})


@lru_cache(maxsize=None)  # pure, and asked ~90,000 times at 1,000 models
def identifier(name: str) -> str:
    """A Ruby method or argument name for a spec name: snake_case of its ASCII spelling, `n_` before
    a leading digit (not `_`: RuboCop reserves a leading underscore for unused variables), and `_`
    appended to keywords and to the methods every object has (reserved/ruby.txt)."""
    ident = snake_case(ascii_name(name)) or "n"
    if ident[0].isdigit():
        ident = "n_" + ident
    return ident + "_" if ident in reserved_words("ruby") else ident


def member(name: str, taken: frozenset[str]) -> str:
    """`identifier`, kept clear of the names in `taken` by a trailing underscore."""
    ident = identifier(name)
    return ident + "_" if ident in taken else ident


def client_reader(name: str) -> str:
    """A reader on the client (a client option or a top-level resource): also kept clear of the
    client's own methods."""
    return member(name, CLIENT_METHODS)


def resource_reader(path: tuple[str, ...]) -> str:
    """The reader that reaches a resource from its parent: the client's for a top-level one, else
    the parent resource's (kept clear of the resource class's own `client`)."""
    return client_reader(path[-1]) if len(path) == 1 else member(path[-1], RESOURCE_MEMBERS)


def param_name(param: Parameter) -> str:
    """A method's argument: kept clear of the `request_options:` every method takes, and a path
    parameter (a local variable of the method) of the method's own locals. A header parameter is
    named from its header (`OpenAI-Beta` -> `openai_beta`)."""
    taken = METHOD_KEYWORDS | METHOD_LOCALS if param.location == "path" else METHOD_KEYWORDS
    return member(param.name, taken)


def singular(word: str) -> str:
    """The singular of a resource's (English, plural) name, as the official gem names its params
    classes after it: `batches` -> `batch`, `files` -> `file`, `entries` -> `entry`."""
    for plural, one in (("ies", "y"), ("sses", "ss"), ("ches", "ch"), ("shes", "sh"), ("xes", "x")):
        if word.endswith(plural) and len(word) > len(plural):
            return word[: -len(plural)] + one
    return word[:-1] if word.endswith("s") and not word.endswith("ss") and len(word) > 1 else word


def params_class(path: tuple[str, ...], method: str) -> str:
    """The class of a method's parameters (as the official gem's `BatchCreateParams`), under Models:
    the resource's parents, the resource in the singular, the method, `Params`."""
    parents = "".join(constant(part) for part in path[:-1])
    return parents + constant(singular(path[-1])) + constant(method) + "Params"


def page_class(style_name: str, module: str = "") -> str:
    """The class of a page style's pages, as the official gem names it: `OpenAI::Internal::CursorPage`
    (`CursorPage` without a module)."""
    name = constant(style_name) + "Page"
    return f"{module}::Internal::{name}" if module else name


def page_reader(field: str) -> str:
    """The reader of a page's items or `has_more`, kept clear of the page class's own methods."""
    return member(field, PAGE_MEMBERS)


def page_file(style_name: str) -> str:
    """The file of a page class under internal/, without `.rb`: `cursor_page`."""
    return file_name(constant(style_name) + "Page")


def file_part_class(module: str) -> str:
    """The wrapper of a file's content, name and content type (as the official gem's `OpenAI::FilePart`)."""
    return f"{module}::FilePart"


@lru_cache(maxsize=None)  # pure, and asked ~90,000 times at 1,000 models
def constant(name: str) -> str:
    """A Ruby class or module name for a spec name."""
    const = pascal_case(ascii_name(name)) or "Unnamed"
    if const in ("Fixnum", "Bignum"):  # RuboCop's Lint/UnifiedInteger reports any use of these
        const += "Type"
    return const if const[0].isalpha() else "N" + const


def model_class(name: str, module: str = "") -> str:
    """A model's class as a user writes it, `OpenAI::Models::Batch`; without a module, as the reference
    docs name it (`Batch`)."""
    return f"{module}::Models::{constant(name)}" if module else constant(name)


def inline_class(obj: InlineObject, module: str = "") -> str:
    """An inline object's class, nested in its model's: `OpenAI::Models::Batch::Errors` (`Batch::Errors`)."""
    nested = "::".join(constant(part) for part in obj.path)
    return f"{module}::Models::{nested}" if module else nested


def enum_module(owner: str, prop: str) -> str:
    """The module of a property's enum, nested in the property's class `owner`: `...::Batch::Status`."""
    return f"{owner}::{constant(prop)}"


def client_class(module: str) -> str:
    return f"{module}::Client"


def call_path(path: tuple[str, ...], method: str) -> str:
    """How a user reaches a method from the client: `batches.cancel`, `widgets.parts.retrieve`."""
    readers = [resource_reader(path[:depth]) for depth in range(1, len(path) + 1)]
    return ".".join([*readers, identifier(method)])


def resource_class(path: tuple[str, ...], module: str) -> str:
    """A resource's class, nested in its parents': `OpenAI::Resources::Batches`."""
    return f"{module}::Resources::{'::'.join(constant(part) for part in path)}"


def file_name(name: str) -> str:
    """The file (under models/ or resources/) of a model or resource, without `.rb`."""
    return snake_case(name)


def resource_file(path: tuple[str, ...]) -> str:
    """A resource's file under resources/, one folder per parent resource."""
    return "/".join(file_name(part) for part in path)


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


def aliased(model: str, module: str) -> bool:
    """Whether a model also gets the alias `<Module>::<Model>` (as the official gem has them): not
    when that would hide a constant the gem's own code uses (the runtime's, Ruby's core classes,
    the module itself); those models are reached as `<Module>::Models::<Model>` only."""
    return model != module and model not in RUNTIME_CONSTANTS and model not in reserved_words("ruby_constants")


def enum_constant_names(values: tuple[str, ...]) -> list[str]:
    """The constant of each enum value, in order: UPPER_SNAKE_CASE, made valid and unique."""
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
        out.append(name)
    return out
