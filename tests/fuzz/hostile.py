"""Hostile material for the fuzz strategies: names that are reserved or special in some target, and
text fragments that try to break out of a string literal, docstring, comment or Markdown/HTML.

Names are lists, not patterns: each is something a real spec could contain and that some target
must escape. The strategies mix them with random names and random text.
"""

from __future__ import annotations

from pathlib import Path

# Reserved or special words of Python, Ruby and TypeScript, and members the SDKs define themselves.
RESERVED_WORDS = (
    "class", "def", "end", "self", "nil", "none", "true", "false", "import", "from", "lambda", "yield",
    "async", "await", "function", "default", "delete", "new", "prototype", "then", "object",
    "type", "hash", "send", "method", "class_eval", "initialize", "to_h", "to_s", "client", "options",
    "begin", "rescue", "ensure", "module", "alias", "undef", "unless", "until", "super", "this", "var",
    "let", "const", "enum", "interface", "extends", "implements", "package", "private", "public", "static",
    "typeof", "instanceof", "void", "with", "as", "is", "in", "not", "and", "or", "pass", "raise", "global",
    "nonlocal", "del", "assert", "print", "exec", "match", "case", "json", "dict", "model_config",
    "model_fields", "to_dict", "to_json", "copy", "fields", "schema", "validate", "construct", "items",
    "keys", "values", "get", "set", "id", "name", "request", "response", "body", "query", "params",
    "headers", "path", "data", "error", "errors", "freeze", "frozen", "dup", "clone", "inspect", "tap",
    "then_", "instance_variable_get", "object_id", "__send__", "__id__", "__proto__", "__init__",
    "__class__", "__dict__", "tostring", "valueof", "hasownproperty", "to_str", "to_ary", "nil?", "empty?",
    "symbol", "string", "number", "boolean", "integer", "float", "array", "map", "any", "unknown", "never",
    "undefined", "null", "nan", "infinity", "arguments", "eval", "require", "exports", "globalthis",
    "list", "str", "int", "bool", "bytes", "typing", "annotations", "optional", "literal", "union",
)

# Shapes a JSON wire name can take that no identifier has: dashes, dots, digits first, non-ASCII
# letters, upper case, spaces and punctuation. `{}` stands for a reserved or random word.
WIRE_SHAPES = (
    "{}", "{}-id", "x-{}", "{}.{}", "2{}", "9-{}", "{}_", "_{}", "__{}__", "{}Id", "{}ID", "{}URL",
    "@{}", "${}", "{}?", "{}!", "{} {}", "{}:{}", "{}/{}", "{}[0]", "{}'s", '{}"q', "{}`", "{}\\n",
    "café-{}", "naïve_{}", "{}_ünïcode", "名前{}", "{}🚀", "Ωmega{}", "{}-ü", "{}#{{x}}", "{}${{y}}",
)

# Fragments that end or open a context in some language; text is assembled from them.
TEXT_FRAGMENTS = (
    '"""', "'''", '"', "'", "`", "```", "\\", "\\\\", "\\n", "\\u0000", "\\x00", "*/", "/*", "/**", "//",
    "#", "#{`id`}", "#{x}", "${process.exit(1)}", "${x}", "=begin", "=end", "__END__", "@param x",
    "@return", "@type {any}", "{@link x}", "</script>", "<script>alert(1)</script>", "<!--", "-->",
    "&amp;", "&lt;", "<b>", "[link](javascript:alert(1))", "| a | b |", "{{ x }}", "{% if %}", "{#",
    "%s", "%(x)s", "{0}", "\r", "\n", "\r\n", "\t", "\u2028", "\u2029", "\u200f", "\u202e", "\x00",
    "\x07", "\x1b", "\x0b", "\x0c", "\x7f", "\x85", "\ufeff", "\U0001F680", "\U0001F4A3", "é", "ß", "漢字",
    " ", "  ", "a", "text", "-- x", "# frozen_string_literal: false", "# type: ignore", "# noqa",
    "// @ts-ignore", "? :", "; DROP TABLE x; --", "$", "$$", "`whoami`", "\\\"", "'\\''", "\\'",
    "end", "}", "{", ")", "(", "]", "[", "<<~EOS", "EOS", "%q{", "?>", "<?php",
)

# Values a const or an enum may hold that are awkward as literals or as constant names.
VALUE_FRAGMENTS = TEXT_FRAGMENTS + ("", "0", "1", "-1", "true", "null", "None", "nil", "undefined", "NaN")

# Path segments: anything but whitespace, `{`, `}`, `?` and `#` (the validator refuses those).
PATH_SEGMENTS = (
    "v1", "things", "a-b", "a.b", "a_b", "~user", "%20", "%2F", "'", '"', "`", "\\", "$x", "$", "@me",
    "caf\u00e9", "\U0001F680", "*/", ":cancel", "a;b", "a,b", "a=b", "a&b", "a+b", "!", "()", "[]", "..",
)

MODEL_WORDS = (
    "Object", "Type", "Default", "Class", "Hash", "Module", "Kernel", "Self", "None", "True", "False", "Nil",
    "Client", "Base", "Model", "BaseModel", "Field", "Optional", "List", "Dict", "Any", "Literal", "Enum",
    "Struct", "Comparable", "Symbol", "Proc", "Integer", "Float", "Set", "Data", "Time", "IO", "File",
    "Constructor", "Prototype", "Proto", "Function", "Async", "Await", "Yield", "Lambda", "Import", "From",
    "Begin", "End", "Then", "Send", "Method", "Initialize", "ToH", "Options", "Httpx", "Pydantic", "Typing",
    "Annotations", "HTTPResponse", "URLPart", "APIKey", "V2", "Batch", "Page", "Stream", "Resource",
    "Internal", "Errors", "Status", "Coerce", "Params", "Path", "Headers2", "Version", "Core", "Util", "Env",
    "Uploadable", "Union", "Tuple", "Sequence", "Mapping", "ClassVar", "Annotated", "Unknown", "Never",
    "Undefined", "Null", "Infinity", "NaN", "Partial", "Readonly", "Pick", "Omit", "Exclude", "Map",
)

PACKAGE_NAMES = (
    "acme", "acme-sdk", "acme_sdk", "acme.sdk", "a1", "x-y.z_w", "sdk", "client", "api", "models",
    "types", "core", "lib", "src", "json", "typing", "http", "email", "openai", "httpx", "pydantic",
)


def target_words() -> tuple[str, ...]:
    """Every word of generator/targets/*/reserved/*.txt: the words some target treats specially."""
    import generator.targets

    words = set()
    for path in sorted(Path(generator.targets.__file__).parent.glob("*/reserved/*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            word = line.split("#", 1)[0].strip()
            if word:
                words.add(word)
    return tuple(sorted(words))
