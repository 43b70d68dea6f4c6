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
from snapshots import ROOT
from generator.targets.python.literals import comment, docstring, string_literal
from generator.targets.python.names import (
    class_name,
    field_identifier,
    identifier,
    member_identifier,
    option_identifier,
    param_identifier,
    resource_attribute,
    resource_class_name,
)

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
def test_docstring_cannot_be_closed_early_and_reads_back_exactly(text: str) -> None:
    # Control characters, \r and U+2028/2029 are written as escape sequences, so nothing is lost.
    assert _as_docstring(text) == text


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


def _load_python_only(spec: dict[str, Any], tmp_path: Path) -> Any:
    """The IR of `spec` checked by the python target alone (other targets report their own names)."""
    from generator.build import load_api
    from generator.targets.python import PythonTarget

    path = tmp_path / "spec.yaml"
    path.write_text(yaml.safe_dump(spec), encoding="utf-8")
    return load_api(path, {"python": PythonTarget()})


@pytest.mark.parametrize(
    ("change", "check"),
    [
        # A top-level resource named like a client member becomes `<name>_`.
        (
            lambda spec: spec["resources"].update(request=spec["resources"].pop("things")),
            lambda api: resource_attribute(api, "request") == "request_",
        ),
        (
            lambda spec: spec["resources"].update(with_raw_response=spec["resources"].pop("things")),
            lambda api: resource_attribute(api, "with_raw_response") == "with_raw_response_",
        ),
        # A client option named like a client argument becomes `<name>_`.
        (
            lambda spec: spec["api"]["client_options"][0].update(name="timeout"),
            lambda api: option_identifier(api.client_options[0].name) == "timeout_",
        ),
        # Models named like what the SDK's modules import (or a keyword) get a trailing `_`.
        (
            lambda spec: spec["models"].update(Query={"properties": {"q": {"type": "string"}}}),
            lambda api: class_name("Query") == "Query_",
        ),
        # A resource whose class would be a model's name steps aside (the model keeps its name).
        (
            lambda spec: spec["models"].update(Things={"properties": {"t": {"type": "string"}}}),
            lambda api: resource_class_name(api, ("things",)) == "Things_"
            and class_name("Things") == "Things",
        ),
    ],
)
def test_names_that_would_shadow_sdk_members_are_escaped(tmp_path: Path, change: Any, check: Any) -> None:
    spec = copy.deepcopy(HOSTILE_SPEC)
    change(spec)
    assert check(_load_python_only(spec, tmp_path))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda spec: spec["resources"].update(
                with_raw_response=spec["resources"]["things"], with_raw_response_=spec["resources"]["things"]
            ),
            "(client attribute) both become `with_raw_response_` in python",
        ),
        (
            lambda spec: spec["resources"].update(tenant=spec["resources"].pop("things")),
            "`tenant (client option)` and `tenant` (client attribute) both become `tenant` in python",
        ),
        (
            lambda spec: spec["models"]["Thing"]["properties"].update(
                {"2fa": {"type": "string"}, "n_2_fa": {"type": "string"}}
            ),
            "(property of `Thing`) both become `n_2_fa` in python",
        ),
        (
            lambda spec: spec["models"]["Thing"]["properties"].update(
                {"café": {"type": "string"}, "cafe": {"type": "string"}}
            ),
            "(property of `Thing`) both become `cafe` in python",
        ),
        (
            lambda spec: spec["models"]["Thing"]["properties"].update(
                {"box": {"type": "object", "properties": {}}, "box_": {"type": "object", "properties": {}}}
            ),
            "(nested class of `Thing`) both become `Box` in python",
        ),
    ],
)
def test_escaped_names_that_collide_are_reported(tmp_path: Path, change: Any, message: str) -> None:
    from generator.diagnostics import SpecError

    spec = copy.deepcopy(HOSTILE_SPEC)
    change(spec)
    with pytest.raises(SpecError) as caught:
        _load_python_only(spec, tmp_path)
    assert message in caught.value.render()


# Any printable wire name with an ASCII letter or digit (what the validator accepts for properties and
# query/body parameters) gives a usable name of each kind.
WIRE_NAMES = st.text(st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=20).filter(
    lambda s: any(c.isascii() and c.isalnum() for c in s)
)


@given(WIRE_NAMES)
@settings(max_examples=400, deadline=None)
def test_every_wire_name_gives_valid_python_names(name: str) -> None:
    import keyword

    sys.path.insert(0, str(ROOT / "generated" / "python" / "src"))
    try:
        from openai._models import BaseModel
    finally:
        sys.path.pop(0)
    for make in (identifier, field_identifier, member_identifier, param_identifier):
        ident = make(name)
        assert ident.isidentifier() and ident.isascii() and not keyword.iskeyword(ident), (make, ident)
        assert not keyword.issoftkeyword(ident) and not ident.startswith("_"), (make, ident)
        assert make(name) == ident  # deterministic
    assert field_identifier(name) not in dir(BaseModel)
    assert param_identifier(name) not in ("self", "timeout", "extra_headers", "extra_query", "extra_body")
    assert member_identifier(name) != "with_raw_response"
    cls = class_name(name)
    assert cls.isidentifier() and cls.isascii() and not keyword.iskeyword(cls) and cls[0].isupper()


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("2fa_enabled", "n_2_fa_enabled"),
        ("naïve-ünïcode", "naive_unicode"),
        ("a.b.c", "a_b_c"),
        ("__proto__", "proto"),
    ],
)
def test_wire_names_become_snake_case_ascii(name: str, expected: str) -> None:
    assert field_identifier(name) == expected
