"""Spec text is untrusted: no description, enum value or name may break out of a string, comment or
docstring of the generated Python code. Unit tests of the escaping filters, and a spec full of
hostile text whose generated package must compile, import and read the text back unchanged."""

from __future__ import annotations

import ast
import copy
import importlib
import sys
import typing
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from conformance.drivers.python import generate_package
from generator.targets.python import comment, docstring, field_identifier, identifier, string_literal

NASTY = [
    '"""',
    "'''",
    '"',
    "\\",
    'ends with a quote"',
    "ends with a backslash\\",
    "line\nbreak",
    "carriage\r\nreturn",
    "tab\there",
    "\u2028 and \u2029 and \x85",
    "{{ jinja }} {% if x %} {# c #}",
    "\\N{BULLET} \\x41 \\u0041",
    '"""; import os; os.system("echo pwned"); """',
    "# not a comment\n    indented = 1",
]


@pytest.mark.parametrize("text", NASTY)
def test_string_literal_reads_back_exactly(text: str) -> None:
    assert ast.literal_eval(string_literal(text)) == text


@given(st.text())
@settings(max_examples=300, deadline=None)
def test_string_literal_reads_back_any_text(text: str) -> None:
    assert ast.literal_eval(string_literal(text)) == text


def _as_docstring(text: str) -> str:
    return ast.literal_eval('"""' + docstring(text) + '"""')


@given(st.text())
@settings(max_examples=300, deadline=None)
def test_docstring_cannot_be_closed_early(text: str) -> None:
    read_back = _as_docstring(text)
    # Only carriage returns are dropped and other control characters become spaces.
    expected = "".join(
        " " if (ord(ch) < 0x20 and ch not in "\n\t") or ch in "\x7f\x85\u2028\u2029" else ch
        for ch in text.replace("\r", "")
    )
    assert read_back == expected


@given(st.text())
@settings(max_examples=200, deadline=None)
def test_comment_stays_on_one_line(text: str) -> None:
    line = "# " + comment(text)
    assert len(line.splitlines()) == 1
    tree = ast.parse(line + "\nx = 1\n")
    assert len(tree.body) == 1


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("class", "class_"),
        ("from", "from_"),
        ("batchId", "batch_id"),
        ("match", "match_"),
        ("json", "json"),  # a method or parameter may be called json; a model field may not
    ],
)
def test_identifier_avoids_keywords(name: str, expected: str) -> None:
    assert identifier(name) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("json", "json_"),
        ("model_dump", "model_dump_"),
        ("to_dict", "to_dict_"),
        ("copy", "copy_"),
        ("class", "class_"),
        ("id", "id"),
    ],
)
def test_field_names_leave_model_members_alone(name: str, expected: str) -> None:
    assert field_identifier(name) == expected


ENUM_VALUES = ['a"b', "c\\d", "e'''f", 'g"""h', "line\nbreak"]
HOSTILE_SPEC = {
    "format": 1,
    "api": {
        "name": "Hostile",
        "title": "Hostile \"\"\" API '''",
        "version": "1",
        "description": 'Ends with a quote" and has \\ backslashes """ and {{ braces }}',
        "base_url": "https://hostile.example.test/v1",
        "auth": {"type": "bearer", "env": "HOSTILE_KEY"},
        "client_options": [
            {"name": "tenant", "header": "X-Tenant'Id", "description": '"""; raise SystemExit  # \n newline'}
        ],
        "packages": {t: {"name": "hostile", "version": "1.0.0"} for t in ("python", "ruby", "typescript")},
    },
    "models": {
        "Thing": {
            "description": 'A thing """ with a docstring breaker\\',
            "properties": {
                "class": {"type": "string", "required": True, "description": 'Keyword name; """ \\N{BULLET}'},
                "kind": {"type": "enum", "values": ENUM_VALUES, "required": True},
                "marker": {"type": "const", "value": '"""x\\', "required": True},
                "json": {"type": "integer"},
            },
        }
    },
    "resources": {
        "things": {
            "description": 'Resource """ text',
            "methods": {
                "get": {
                    "summary": 'Summary """ closes?',
                    "description": 'Description with \\ and """ and a trailing quote"',
                    "http": "GET /things/{thing_id}",
                    "params": {
                        "thing_id": {"in": "path", "type": "string", "description": 'id """ id'},
                        "filter": {"in": "query", "type": "enum", "values": ['x"y', "z\\w"]},
                    },
                    "returns": {"ref": "Thing"},
                }
            },
        }
    },
}


def test_hostile_spec_generates_code_that_compiles_imports_and_reads_back(tmp_path: Path) -> None:
    spec = tmp_path / "hostile.yaml"
    spec.write_text(yaml.safe_dump(HOSTILE_SPEC), encoding="utf-8")
    src = generate_package(spec, tmp_path / "out")
    for path in sorted(src.rglob("*.py")):
        compile(path.read_text(encoding="utf-8"), str(path), "exec")
    sys.path.insert(0, str(src))
    try:
        hostile = importlib.import_module("hostile")
        thing = hostile.types.Thing
        hints = typing.get_type_hints(thing)
        assert typing.get_args(hints["kind"]) == tuple(ENUM_VALUES)
        assert typing.get_args(hints["marker"]) == ('"""x\\',)
        assert thing.model_fields["class_"].alias == "class"
        assert thing.model_fields["json_"].alias == "json" and callable(thing.json)
        assert thing.__doc__ == 'A thing """ with a docstring breaker\\'
        method_doc = hostile.resources.Things.get.__doc__ or ""
        assert 'Summary """ closes?' in method_doc and 'a trailing quote"' in method_doc
        client = hostile.Hostile(api_key="k", tenant="t")
        assert client._option_headers() == {"X-Tenant'Id": "t"}
        assert hostile.__doc__ == 'Ends with a quote" and has \\ backslashes """ and {{ braces }}'
    finally:
        sys.path.remove(str(src))
        for name in [m for m in sys.modules if m == "hostile" or m.startswith("hostile.")]:
            del sys.modules[name]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda spec: spec["resources"].update(request=spec["resources"].pop("things")),
            "resource `request`",
        ),
        (lambda spec: spec["api"]["client_options"][0].update(name="timeout"), "client option `timeout`"),
        (lambda spec: spec["resources"].update(tenant=spec["resources"].pop("things")), "resource `tenant`"),
    ],
)
def test_names_that_would_shadow_client_members_are_reported(
    tmp_path: Path, change: Any, message: str
) -> None:
    from generator.build import load_api
    from generator.diagnostics import SpecError

    spec = copy.deepcopy(HOSTILE_SPEC)
    change(spec)
    path = tmp_path / "clash.yaml"
    path.write_text(yaml.safe_dump(spec), encoding="utf-8")
    with pytest.raises(SpecError) as caught:
        load_api(path)
    rendered = caught.value.render()
    assert message in rendered and "error[E204]" in rendered


def test_models_that_would_clash_with_sdk_names_are_reported(tmp_path: Path) -> None:
    from generator.build import load_api
    from generator.diagnostics import SpecError

    spec = copy.deepcopy(HOSTILE_SPEC)
    spec["models"]["Query"] = {"properties": {"q": {"type": "string"}}}
    spec["models"]["Things"] = {"properties": {"t": {"type": "string"}}}
    spec["resources"]["things"]["methods"]["get"]["returns"] = {"ref": "Things"}
    path = tmp_path / "clash.yaml"
    path.write_text(yaml.safe_dump(spec), encoding="utf-8")
    with pytest.raises(SpecError) as caught:
        load_api(path)
    rendered = caught.value.render()
    assert "model `Query` would take the name of `Query`" in rendered
    assert "resource `things` and model `Things` both become the python class `Things`" in rendered
