"""`gen import-openapi` on real documents: the Batch excerpt against the bundled spec, and OpenAI's
whole document (288 operations): it imports, validates, and two imports are byte-identical."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from generator.cli import main
from generator.ir import Api, Binary, FileUpload, Method, ModelRef, Union
from generator.openapi import CODES, ImportResult, import_openapi
from generator.spec.loader import load_spec, load_spec_text
from generator.spec.validator import build_api

ROOT = Path(__file__).resolve().parent.parent
SPECS = ROOT / "tests" / "specs" / "openapi"
EXCERPT = SPECS / "batch-excerpt.yaml"
OPENAI = SPECS / "openai-openapi.json.gz"


def validate(result: ImportResult) -> Api:
    return build_api(load_spec_text(result.text.encode("utf-8"), "imported.yaml"), "imported.yaml")


@pytest.fixture(scope="module")
def bundled() -> Api:
    path = ROOT / "spec" / "openai.yaml"
    return build_api(load_spec(path), str(path))


@pytest.fixture(scope="module")
def whole() -> tuple[ImportResult, Api, float]:
    start = time.perf_counter()
    result = import_openapi(OPENAI)
    elapsed = time.perf_counter() - start
    return result, validate(result), elapsed


def methods(api: Api, resource: str) -> dict[str, Method]:
    res = next(r for r in api.resources if r.name == resource)
    return {m.name: m for m in res.methods}


def signature(method: Method) -> dict[str, tuple[str, bool]]:
    return {p.name: (p.location, p.required) for p in method.parameters}


def test_the_batch_excerpt_matches_the_bundled_spec_where_they_overlap(bundled: Api) -> None:
    result = import_openapi(EXCERPT)
    assert result.operations == result.methods == 4
    assert result.notes == ()
    api = validate(result)
    ours, theirs = methods(api, "batches"), methods(bundled, "batches")
    assert set(ours) == set(theirs) == {"create", "retrieve", "list", "cancel"}
    for name, method in theirs.items():
        assert (ours[name].http_method, ours[name].path) == (method.http_method, method.path)
        assert signature(ours[name]) == signature(method), name
        assert ours[name].returns == method.returns == ModelRef("Batch")
    assert ours["list"].page is not None and ours["list"].page.cursor_param == "after"
    assert theirs["list"].params_in("query")[1].default == ours["list"].params_in("query")[1].default
    imported = api.model("Batch")
    assert {p.name for p in imported.properties} == {p.name for p in bundled.model("Batch").properties}
    for prop in bundled.model("Batch").properties:
        assert imported.property(prop.name).required == prop.required, prop.name
    assert api.alias("Metadata") is not None


def test_openai_document_imports_every_operation_and_validates(whole: tuple[ImportResult, Api, float]) -> None:
    result, api, elapsed = whole
    assert result.operations == 288
    assert sum(len(r.methods) for r in api.all_resources()) == 288
    assert elapsed < 5.0
    assert len(api.models) > 700 and len(api.aliases) > 100
    codes = {note.code for note in result.notes}
    assert codes <= set(CODES)
    assert all(note.location.startswith("#/") for note in result.notes)
    counts: dict[str, int] = {}
    for note in result.notes:
        counts[note.code] = counts.get(note.code, 0) + 1
    # 12 streaming operations, 6 `?beta=true` paths, 1 deepObject, 1 default name taken twice
    assert counts == {"W01": 12, "W02": 6, "W06": 1, "W08": 1}


def test_openai_document_files_match_the_bundled_spec(whole: tuple[ImportResult, Api, float],
                                                     bundled: Api) -> None:
    api = whole[1]
    ours, theirs = methods(api, "files"), methods(bundled, "files")
    assert set(theirs) <= set(ours)
    for name, method in theirs.items():
        assert (ours[name].http_method, ours[name].path) == (method.http_method, method.path)
        assert set(signature(method)) <= set(signature(ours[name])), name
        for param, where in signature(method).items():
            assert signature(ours[name])[param] == where, (name, param)
    create = ours["create"]
    assert create.body_encoding == "multipart"
    assert isinstance(next(p for p in create.parameters if p.name == "file").type, FileUpload)
    assert isinstance(ours["content"].returns, Binary)
    assert ours["list"].page is not None


def test_openai_document_admin_methods_use_the_admin_key(whole: tuple[ImportResult, Api, float]) -> None:
    api = whole[1]
    assert [(s.name, s.env) for s in api.auth_schemes] == [("admin_api_key", "OPENAI_ADMIN_KEY")]
    admin = [m for r in api.all_resources() for m in r.methods if m.auth == "admin_api_key"]
    assert len(admin) == 119
    assert api.api_key_env == "OPENAI_API_KEY"


def test_openai_document_unions_are_discriminated_where_they_can_be(
        whole: tuple[ImportResult, Api, float]) -> None:
    api = whole[1]
    unions = [a.type for a in api.aliases if isinstance(a.type, Union)]
    assert sum(1 for u in unions if u.discriminator) > 30
    status = api.model("ThreadResource").property("status").type
    assert isinstance(status, Union) and status.discriminator == "type"
    assert api.model("Error2") is not None  # `Error-2`, PascalCase


def test_openai_document_imports_are_byte_identical(whole: tuple[ImportResult, Api, float]) -> None:
    again = import_openapi(OPENAI)
    assert again.text == whole[0].text
    assert again.notes == whole[0].notes


def test_cli_writes_the_spec_and_reports_warnings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "openai.yaml"
    assert main(["import-openapi", str(OPENAI), "-o", str(out)]) == 0
    captured = capsys.readouterr()
    assert "288 methods from 288 operations" in captured.out
    assert "warning[W02]" in captured.err and "#/paths/~1responses?beta=true" in captured.err
    build_api(load_spec(out), str(out))


def test_cli_refuses_what_is_not_openapi(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "spec.yaml"
    bad.write_text("format: 2\n", encoding="utf-8")
    assert main(["import-openapi", str(bad), "-o", str(tmp_path / "out.yaml")]) == 2
    assert "not an OpenAPI 3.0 or 3.1 document" in capsys.readouterr().err
    assert not (tmp_path / "out.yaml").exists()


def test_openai_names_file_gives_the_official_method_paths() -> None:
    result = import_openapi(OPENAI, ROOT / "spec" / "openai-names.yaml")
    assert [n.code for n in result.notes if n.code == "W08"] == []
    api = validate(result)
    dotted = set()
    for top in api.resources:
        stack = [(top.name, top)]
        while stack:
            prefix, res = stack.pop()
            dotted.update(f"{prefix}.{m.name}" for m in res.methods)
            stack.extend((f"{prefix}.{sub.name}", sub) for sub in res.resources)
    assert len(dotted) == 288
    assert {"chat.completions.create", "beta.threads.runs.steps.list", "batches.cancel", "files.content",
            "evals.runs.cancel", "beta.threads.create_and_run"} <= dotted


def test_imports_are_identical_across_hash_seeds(tmp_path: Path) -> None:
    import subprocess
    import sys

    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"spec{seed}.yaml"
        subprocess.run([sys.executable, "-m", "generator", "import-openapi", str(OPENAI), "-q", "-o", str(out)],
                       cwd=ROOT, env={"PYTHONHASHSEED": seed, "PATH": "/usr/bin:/bin"}, check=True,
                       capture_output=True, timeout=120)
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
