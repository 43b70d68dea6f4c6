"""How the Ruby target spells spec text and names: Symbol literals exactly as Ruby's Symbol#inspect
prints them (the one spelling RuboCop's Lint/SymbolConversion accepts), and names that collide once
escaped refused with E204 rather than one replacing the other."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
import yaml

from conformance.drivers.ruby import require_tool
from generator.build import load_api
from generator.diagnostics import SpecError
from generator.targets.ruby import RubyTarget
from generator.targets.ruby.literals import (
    comment, invisible_in_symbol, number, string_array, string_literal, symbol_label, symbol_literal,
)
from generator.targets.ruby.names import constant, library_name, module_name

TRICKY = [
    "a", "a?", "A!", "a=", "a?=", "A=", "+@", "!", "!=", "[]", "[]=", "`", "$-", "$-w", "$1", "$10", "$0", "$~",
    "@1", "@@a", "$a", "a-b", 'a"b', "c'd", "e\\f", "#{g}", "${h}", "#$x", "#@y", "#", "`i`", "j\r\nk", "l\u2028m",
    "n\u0000o", "\U0001F600", "</script>", "*/", "café", "naïve-ünïcode", "2fa_enabled", "content-type", "a.b.c",
    "__proto__", "None", "True", "true", "x\x7f", "é\x01", "\x1b\a\v\b\t\f", "", " ", "a b", "é\u0080", "\u0378x",
    "**", "*", "/", "%", "==", "===", "=~", "!~", "<=>", "<", "<=", ">>", "&", "|", "^", "~", "-", "-@", "+", "a!=",
    "=", "x\u0301", "=begin", "__END__", "end", "nil", "self",
]

SYMBOLS = r"""
require 'json'
values = JSON.parse(STDIN.read)
literals = eval(File.read(ARGV[0])) # rubocop:disable Security/Eval
labels = eval(File.read(ARGV[1])) # rubocop:disable Security/Eval
puts JSON.generate(values.each_with_index.map { |v, i|
  [literals[i] == v.to_sym, v.to_sym.inspect, labels.keys[i] == v.to_sym]
}, ascii_only: true)
"""


def test_symbol_literals_are_what_symbol_inspect_prints(tmp_path: Path) -> None:
    require_tool("ruby")
    values = [v for v in TRICKY if not invisible_in_symbol(v)]
    literals, labels = tmp_path / "literals.rb", tmp_path / "labels.rb"
    literals.write_text("[\n" + ",\n".join(symbol_literal(v) for v in values) + "\n]\n", encoding="utf-8")
    labels.write_text("{\n" + ",\n".join(f"{symbol_label(v)} {i}" for i, v in enumerate(values)) + "\n}\n",
                      encoding="utf-8")
    # Symbol#inspect depends on the locale; the gem's .rubocop.yml asks for a UTF-8 one.
    result = subprocess.run(["ruby", "-e", SYMBOLS, str(literals), str(labels)], input=json.dumps(values),
                            capture_output=True, text=True, timeout=60,
                            env={"PATH": os.environ.get("PATH", ""), "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"})
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert [row[0] for row in report] == [True] * len(values)  # each literal reads back as the value
    assert [row[1] for row in report] == [symbol_literal(v) for v in values]
    assert [row[2] for row in report] == [True] * len(values)  # and so does each Hash label


def test_invisible_characters_never_stand_bare_in_the_source() -> None:
    for value in ("a\u200fb", "rtl\u202eevil", "nb\u00a0sp", "\ufeffbom", "nel\x85"):
        assert invisible_in_symbol(value)
        literal = string_literal(value)
        assert literal.isascii() and literal.startswith('"'), literal


def test_small_spellings() -> None:
    assert string_array(["a", "b-c"]) == "%w[a b-c]"
    assert string_array(["a b", "c"]) == "['a b', 'c']"
    assert string_array(["a"]) == "['a']"
    assert number(437598.3827713137) == "437_598.3827713137"
    assert number(600.0) == "600.0"
    assert number(12345) == "12_345"
    assert module_name("OpenAI") == "OpenAI"
    assert module_name("Hash") == "HashApi"
    assert module_name("APIConnectionError") == "APIConnectionErrorApi"  # a class of the runtime
    assert module_name("petstore") == "Petstore"
    assert constant("bignum") == "BignumType"  # Lint/UnifiedInteger reports any `Bignum`
    # A description line that reads as a magic comment would change how Ruby reads the file.
    assert comment("x\nfrozen_string_literal: false\n-*- coding: ascii -*-") == (
        "# x\n# # frozen_string_literal: false\n# # -*- coding: ascii -*-")
    assert library_name("json") == "json_sdk"  # `require 'json'` must still load Ruby's json
    assert library_name("names_sdk") == "names_sdk"


def spec_with(extra: dict, tmp_path: Path) -> Path:
    document = {
        "format": 1,
        "api": {"name": "Clash", "title": "Clash", "version": "1", "base_url": "https://clash.example.test",
                "auth": {"type": "bearer", "env": "CLASH_KEY"},
                "packages": {t: {"name": "clash", "version": "1.0.0"} for t in ("python", "ruby", "typescript")}},
        "models": {"Thing": {"properties": {"id": {"type": "string"}}}},
        "resources": {"things": {"methods": {"get": {"http": "GET /things", "returns": {"ref": "Thing"}}}}},
    }
    for section, content in extra.items():
        document[section] = {**document[section], **content}
    path = tmp_path / "clash.yaml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.parametrize(("extra", "message"), [
    ({"models": {"Thing": {"properties": {"foo-bar": {"type": "string"}, "foo_bar": {"type": "string"}}}}},
     "`foo-bar` and `foo_bar` (property of `Thing`) both become `foo_bar` in ruby"),
    ({"models": {"Thing": {"properties": {"café": {"type": "string"}, "cafe": {"type": "string"}}}}},
     "(property of `Thing`) both become `cafe` in ruby"),
    ({"resources": {"timeout_": {"methods": {"get": {"http": "GET /t", "returns": {"ref": "Thing"}}}},
                    "timeout": {"methods": {"get": {"http": "GET /u", "returns": {"ref": "Thing"}}}}}},
     "both become `timeout_` in ruby"),
    ({"api": {"client_options": [{"name": "things", "header": "X-Things"}]}},
     "resource `things` and client option `things` both become the client reader `things` in ruby"),
    ({"resources": {"things": {"methods": {"get": {
        "http": "GET /things", "returns": {"ref": "Thing"},
        "params": {"request_options": {"in": "query", "type": "string"},
                   "request_options_": {"in": "query", "type": "string"}}}}}}},
     "both become `request_options_` in ruby"),
    # A model named like a method's params class (`ThingGetParams` of `things.get`): one file, one class.
    ({"models": {"ThingGetParams": {"properties": {"id": {"type": "string"}}}},
      "resources": {"things": {"methods": {"get": {
          "http": "GET /things", "returns": {"ref": "Thing"}, "params": {"q": {"in": "query", "type": "string"}}}}}}},
     "(model class) both become `ThingGetParams` in ruby"),
])
def test_names_that_collide_once_escaped_are_refused(extra: dict, message: str, tmp_path: Path) -> None:
    with pytest.raises(SpecError) as raised:
        load_api(spec_with(extra, tmp_path), {"ruby": RubyTarget()})
    found = [d for d in raised.value.diagnostics if d.code == "E204"]
    assert any(message in d.message for d in found), raised.value.render()
    assert all(d.hint for d in found)


def test_runtime_names_list_every_constant_the_runtime_defines() -> None:
    """RUNTIME_NAMES is kept in step with the templates: a module named like a constant the runtime
    defines would hide the module from the runtime's code."""
    import re as regex

    from generator.targets.ruby.names import RUNTIME_NAMES

    templates = Path(__file__).resolve().parents[1] / "templates" / "ruby"
    found = set()
    for path in templates.rglob("*.rb.j2"):
        for match in regex.finditer(r"(?m)^\s*(?:class|module) ([A-Z][A-Za-z0-9]*)|^\s*([A-Z][A-Z0-9_]*) =",
                                    path.read_text(encoding="utf-8")):
            found.add(match.group(1) or match.group(2))
    assert found - RUNTIME_NAMES == set()
