"""The Python SDK of the hostile fixture specs (tests/specs/hostile/): text that tries to break out of
every context, and names that are keywords, builtins or members of the SDK. Each package compiles,
passes mypy --strict and black, and sends and reads back every hostile value and wire name through a
real loopback server. A third spec holds the names that used to break the Python target (models
`None` and `True`, a resource `none`, nested classes named like typing names)."""

from __future__ import annotations

import ast
import importlib
import inspect
import subprocess
import sys
import typing
from pathlib import Path
from typing import Any, Iterator

import pytest
import yaml

from conformance.drivers.python import generate_package
from conformance.mock_server import MockServer
from generator.targets.python.names import field_identifier
from snapshots import ROOT

HOSTILE = ROOT / "tests" / "specs" / "hostile"
TEXT_SPEC = yaml.safe_load((HOSTILE / "hostile_text.yaml").read_text(encoding="utf-8"))
NAMES_SPEC = yaml.safe_load((HOSTILE / "hostile_names.yaml").read_text(encoding="utf-8"))

KEYWORDS_SPEC: dict[str, Any] = {
    "format": 1,
    "api": {
        "name": "Keywords",
        "title": "Keywords API",
        "version": "1",
        "base_url": "https://keywords.example.test",
        "auth": {"type": "bearer", "env": "KEYWORDS_KEY"},
        "packages": {
            t: {"name": "keywords-sdk", "version": "0.1.0"} for t in ("python", "ruby", "typescript")
        },
    },
    "models": {
        "None": {"properties": {"value": {"type": "string"}, "True": {"ref": "True"}}},
        "True": {"properties": {"none": {"ref": "None"}, "self": {"ref": "True"}}},
        "Owner": {"properties": {"name": {"type": "string"}}},
        "Query": {"properties": {"q": {"type": "string"}}},
        "Keywords": {"properties": {"k": {"type": "string"}}},
        "RegisterForwardReferences": {"properties": {"again": {"ref": "RegisterForwardReferences"}}},
        "Shadows": {
            "properties": {
                # Fields after a field named like a builtin still see the builtin.
                "str": {"type": "string"},
                "int": {"type": "integer"},
                "count": {"type": "integer"},
                "label": {"type": "string"},
                # Nested classes named like typing names or models step aside.
                "optional": {"type": "object", "properties": {"x": {"type": "integer"}}},
                "owner": {"type": "object", "properties": {"real": {"ref": "Owner"}}},
                "real_owner": {"ref": "Owner"},
                "2fa": {"type": "object", "properties": {"on": {"type": "boolean"}}},
                "maybe": {"type": "string", "nullable": True},
            }
        },
    },
    "resources": {
        "none": {
            "methods": {
                "get": {
                    "http": "GET /none/{self}",
                    "params": {
                        "self": {"in": "path", "type": "string"},
                        "response": {"in": "query", "type": "string"},
                        "timeout": {"in": "query", "type": "integer"},
                    },
                    "returns": {"ref": "None"},
                },
                "str": {"http": "GET /shadows", "returns": {"ref": "Shadows"}},
            }
        },
        "keywords": {"methods": {"get": {"http": "GET /keywords", "returns": {"ref": "Keywords"}}}},
        "query": {"methods": {"get": {"http": "GET /query", "returns": {"ref": "Query"}}}},
    },
}

MODULES = {"text": "hostile", "names": "names_sdk", "keywords": "keywords_sdk"}


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("hostile")
    keywords = root / "keywords.yaml"
    keywords.write_text(yaml.safe_dump(KEYWORDS_SPEC, allow_unicode=True), encoding="utf-8")
    specs = {
        "text": HOSTILE / "hostile_text.yaml",
        "names": HOSTILE / "hostile_names.yaml",
        "keywords": keywords,
    }
    return {stem: generate_package(spec, root / stem) for stem, spec in specs.items()}


@pytest.fixture(scope="module")
def imported(packages: dict[str, Path]) -> Iterator[dict[str, Any]]:
    for path in packages.values():
        sys.path.insert(0, str(path))
    try:
        yield {stem: importlib.import_module(module) for stem, module in MODULES.items()}
    finally:
        for path in packages.values():
            sys.path.remove(str(path))
        for name in [m for m in sys.modules if m.split(".")[0] in MODULES.values()]:
            del sys.modules[name]


def test_packages_compile_pass_mypy_strict_and_black(packages: dict[str, Path], tmp_path: Path) -> None:
    import black

    sources = [path for root in packages.values() for path in sorted(root.rglob("*.py"))]
    assert len(sources) > 40
    for path in sources:
        text = path.read_text(encoding="utf-8")
        compile(text, str(path), "exec")
        assert black.format_str(text, mode=black.Mode()) == text, path
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path / "cache")]
        + [str(packages[stem] / module) for stem, module in MODULES.items()],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"Success: no issues found in" in result.stdout


# ---------------------------------------------------------------- hostile text


def test_hostile_text_round_trips_through_the_sdk(imported: dict[str, Any]) -> None:
    hostile = imported["text"]
    thing = TEXT_SPEC["models"]["Thing"]["properties"]
    values = thing["mood"]["values"]
    marker, note = thing["marker"]["value"], thing["note"]["description"]
    filter_text = TEXT_SPEC["resources"]["things"]["methods"]["fetch"]["params"]["filter"]["description"]
    with MockServer() as server:
        server.play(
            [{"status": 200, "body": {"id": 'x"', "mood": v, "marker": marker, "note": note}} for v in values]
        )
        with hostile.Hostile(api_key="k", base_url=server.url, tenant="tenant-1") as client:
            read = [client.things.fetch('a/"b', filter=filter_text) for _ in values]
    assert [t.mood for t in read] == values
    assert {t.marker for t in read} == {marker} and {t.note for t in read} == {note}
    request = server.requests[0]
    assert request.path.startswith("/things/a%2F%22b?filter=")
    from urllib.parse import parse_qs, urlsplit

    assert parse_qs(urlsplit(request.path).query) == {"filter": [filter_text]}
    assert request.headers["x-tenant-`id`"] == "tenant-1"
    # The literal types list every value exactly as written in the spec.
    hints = typing.get_type_hints(hostile.types.Thing)
    assert list(typing.get_args(hints["mood"])) == values
    assert typing.get_args(hints["marker"]) == (marker,)


def _docstrings_after_fields(source: str, class_name: str) -> dict[str, str]:
    """Attribute docstrings of a class: the string expression right after each annotated field."""
    (cls,) = [n for n in ast.walk(ast.parse(source)) if isinstance(n, ast.ClassDef) and n.name == class_name]
    out = {}
    for before, after in zip(cls.body, cls.body[1:]):
        if isinstance(before, ast.AnnAssign) and isinstance(after, ast.Expr):
            assert isinstance(before.target, ast.Name) and isinstance(after.value, ast.Constant)
            out[before.target.id] = after.value.value
    return out


def test_hostile_descriptions_read_back_in_docstrings(
    imported: dict[str, Any], packages: dict[str, Path]
) -> None:
    hostile = imported["text"]
    model = TEXT_SPEC["models"]["Thing"]
    assert inspect.getdoc(hostile.types.Thing) == inspect.cleandoc(model["description"])
    assert hostile.__doc__ == TEXT_SPEC["api"]["description"]
    source = (packages["text"] / "hostile" / "types" / "thing.py").read_text(encoding="utf-8")
    documented = _docstrings_after_fields(source, "Thing")
    for name, prop in model["properties"].items():
        assert inspect.cleandoc(documented[field_identifier(name)]) == inspect.cleandoc(
            prop["description"]
        ), name
    method = TEXT_SPEC["resources"]["things"]["methods"]["fetch"]
    doc = inspect.getdoc(hostile.resources.Things.fetch) or ""
    expected = method["summary"] + "\n\n" + method["description"].strip()
    # Trailing spaces of a line are not kept (black strips them in docstrings); everything else is.
    assert "\n".join(line.rstrip() for line in doc.splitlines()).startswith(
        "\n".join(line.rstrip() for line in expected.splitlines())
    )
    assert inspect.getdoc(hostile.resources.Things) == TEXT_SPEC["resources"]["things"]["description"]


# ---------------------------------------------------------------- hostile names


def _object_body() -> dict[str, Any]:
    props = NAMES_SPEC["models"]["Object"]["properties"]
    return {name: (True if prop["type"] == "boolean" else f"value of {name}") for name, prop in props.items()}


def test_hostile_names_keep_their_wire_names(imported: dict[str, Any]) -> None:
    names = imported["names"]
    body = _object_body()
    with MockServer() as server:
        server.play(
            [
                {"status": 200, "body": body},
                {"status": 200, "body": {"value": 7}},
                {"status": 200, "body": {"default": body, "self": {"self": {}}}},
                {"status": 200, "body": body},
                {"status": 200, "body": body},
            ]
        )
        with names.Names(api_key="k", base_url=server.url) as client:
            obj = client.class_.def_("e/1", yield_="y", then=3)
            default = client.class_.delete("me")
            typed = client.class_.new(
                function="f", content_type="c", n_2_fa_enabled=True, proto="p", constructor="k"
            )
            sent = client.with_raw_response_.send(options="o", client="c")
            raw = client.with_raw_response.class_.def_("x")
    for wire, value in body.items():
        assert getattr(obj, field_identifier(wire)) == value, wire
    assert obj.to_dict() == body and sent.to_dict() == body and raw.parse().to_dict() == body
    assert default.value == 7
    assert isinstance(typed.default, names.types.Object) and typed.default.to_dict() == body
    assert isinstance(typed.self, names.types.Type) and isinstance(typed.self.self, names.types.Type)
    get, delete, new, send, raw_get = server.requests
    assert (get.method, get.path) == ("GET", "/class/e%2F1?yield=y&then=3")
    assert (delete.method, delete.path) == ("DELETE", "/class/me")
    assert (new.method, new.path) == ("POST", "/class")
    assert new.json() == {
        "function": "f",
        "content-type": "c",
        "2fa_enabled": True,
        "__proto__": "p",
        "constructor": "k",
    }
    assert (send.method, send.path, send.json()) == ("POST", "/send", {"options": "o", "client": "c"})
    assert raw_get.path == "/class/x"


def test_keyword_models_and_shadowing_names(imported: dict[str, Any]) -> None:
    kw = imported["keywords"]
    types = kw.types
    assert (types.None_.__name__, types.True_.__name__, types.Query_.__name__) == ("None_", "True_", "Query_")
    shadows = {
        "str": "s",
        "int": 1,
        "count": 2,
        "label": "l",
        "optional": {"x": 3},
        "owner": {"real": {"name": "Ann"}},
        "real_owner": {"name": "Bob"},
        "2fa": {"on": True},
        "maybe": None,
    }
    with MockServer() as server:
        server.play(
            [
                {"status": 200, "body": {"value": "v", "True": {"none": {"value": "w"}, "self": {}}}},
                {"status": 200, "body": shadows},
                {"status": 200, "body": {"k": "k"}},
                {"status": 200, "body": {"q": "q"}},
            ]
        )
        with kw.Keywords(api_key="k", base_url=server.url) as client:
            none = client.none.get("me", response_="r", timeout_=5)
            shadowed = client.none.str_()
            keywords = client.keywords.get()
            query = client.query.get()
    assert isinstance(none, types.None_) and isinstance(none.true, types.True_)
    assert none.true.none is not None and none.true.none.value == "w"
    assert isinstance(shadowed.count, int) and shadowed.int_ == 1 and shadowed.str_ == "s"
    assert isinstance(shadowed.optional, types.Shadows.Optional_) and shadowed.optional.x == 3
    assert isinstance(shadowed.owner, types.Shadows.Owner_)
    assert isinstance(shadowed.owner.real, types.Owner) and isinstance(shadowed.real_owner, types.Owner)
    assert isinstance(shadowed.n_2_fa, types.Shadows.N2Fa) and shadowed.n_2_fa.on is True
    assert shadowed.to_dict() == shadows
    assert isinstance(keywords, types.Keywords) and isinstance(query, types.Query_)
    # The model `None` took `None_`; the resource `none` steps aside once more, and `keywords` steps
    # aside for the client class.
    assert kw.resources.None__.__name__ == "None__" and kw.resources.Keywords_.__name__ == "Keywords_"
    assert [r.path for r in server.requests] == [
        "/none/me?response=r&timeout=5",
        "/shadows",
        "/keywords",
        "/query",
    ]


def test_readme_and_api_md_inject_no_markup(packages: dict[str, Path]) -> None:
    import re

    root = packages["text"].parent
    for name in ("README.md", "api.md"):
        text = (root / name).read_text(encoding="utf-8")
        prose = re.sub(r"(?ms)^(`{3,}).*?^\1", "", text)  # code blocks show text literally
        prose = re.sub(r"(`+).*?\1", "", prose)  # and so do code spans
        assert not re.search(r"<(script|iframe|img)\b", prose), name
        assert not re.search(r"(?<!\\)\]\(javascript:", prose), name  # an escaped \] makes no link
        for line in prose.splitlines():
            assert not re.match(r"(#+ )?(Heading injection|=end|import os)", line), (name, line)
        assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f]", text), name
    readme = (root / "README.md").read_text(encoding="utf-8")
    assert readme.startswith(
        "# Hostile \"\"\" ''' \\*/ /\\* &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; Python"
    )


def test_pyproject_reads_back_the_hostile_description(packages: dict[str, Path]) -> None:
    try:
        import tomllib
    except ImportError:  # Python 3.10: black depends on tomli there
        import tomli as tomllib  # type: ignore[no-redef]

    project = tomllib.loads((packages["text"].parent / "pyproject.toml").read_text(encoding="utf-8"))[
        "project"
    ]
    assert project["description"] == TEXT_SPEC["api"]["description"]
    assert (project["name"], project["version"]) == ("hostile", "1.0.0")


def test_package_named_like_a_standard_module_imports_as_itself(tmp_path: Path) -> None:
    import copy

    stdlib = copy.deepcopy(KEYWORDS_SPEC)
    stdlib["api"]["packages"]["python"]["name"] = "types"
    spec = tmp_path / "types.yaml"
    spec.write_text(yaml.safe_dump(stdlib), encoding="utf-8")
    src = generate_package(spec, tmp_path / "out")
    assert [p.name for p in src.iterdir()] == ["types_"]
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import types_, types; print(types_.Keywords.__name__, hasattr(types, 'ModuleType'))",
        ],
        capture_output=True,
        text=True,
        cwd=src,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["Keywords", "True"]
