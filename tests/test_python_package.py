"""The generated Python package as a user gets it: it installs, type-checks under mypy --strict, and
works for every spec (the bundled one and the fixtures: an unrelated API, and every construct)."""

from __future__ import annotations

import importlib
import importlib.util
import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any, Iterator

import httpx
import pytest

from conformance.drivers.python import generate_package
from conformance.drivers.python import bundled_src
from conformance.mock_server import MockServer
from snapshots import BUNDLED_SPEC, FIXTURE_SPECS, ROOT

SPECS = {"openai": BUNDLED_SPEC, **{spec.stem: spec for spec in FIXTURE_SPECS}}
MODULES = {"openai": "openai", "petstore": "petstore_sdk", "kitchen_sink": "kitchen_sink", "zoo_unions": "zoo_sdk"}

# Code written against the official SDK, type-checked against ours.
USAGE = """
from pathlib import Path
from typing import List, Optional

import httpx
import openai
from openai import AsyncOpenAI, HttpxBinaryResponseContent, OpenAI
from openai.pagination import SyncCursorPage
from openai.types import Batch, BatchCreateParams, FileDeleted, FileObject, batch_create_params


def sync_usage() -> Optional[str]:
    client = OpenAI(api_key="sk-x", organization="org", max_retries=3, timeout=httpx.Timeout(10.0))
    batch: Batch = client.batches.retrieve("batch_abc", timeout=5.0, extra_headers={"X-A": "1"})
    if batch.status == "completed" and batch.request_counts is not None:
        total: int = batch.request_counts.total
    errors: Optional[Batch.Errors] = batch.errors
    raw = client.with_options(max_retries=0).batches.with_raw_response.cancel("batch_abc")
    parsed: Batch = raw.parse()
    code: int = raw.status_code
    try:
        client.batches.cancel("batch_abc")
    except openai.RateLimitError as err:
        retry: Optional[str] = err.request_id
    except openai.APIStatusError as err:
        status: int = err.status_code
    except openai.APIConnectionError:
        pass
    dumped: dict[str, object] = parsed.to_dict()
    return batch._request_id


async def async_usage() -> str:
    async with AsyncOpenAI(api_key="sk-x") as client:
        batch = await client.batches.cancel("batch_abc")
        raw = await client.batches.with_raw_response.retrieve("batch_abc")
        again: Batch = raw.parse()  # the body is read: parse() is no coroutine, as in openai-python
        async for listed in client.batches.list(limit=2):
            listed_id: str = listed.id
        page = await client.files.list(purpose="batch")
        files: List[FileObject] = page.data
        if page.has_next_page():
            page = await page.get_next_page()
        return batch.id + again.to_json()


def workflow(path: Path) -> bytes:
    client = OpenAI(api_key=lambda: "sk-from-a-function", http_client=openai.DefaultHttpxClient())
    uploaded: FileObject = client.files.create(file=path, purpose="batch")
    client.files.create(file=("input.jsonl", b"{}", "application/jsonl"), purpose="batch")
    with open(path, "rb") as handle:
        client.files.create(file=handle, purpose="batch", expires_after={"anchor": "created_at", "seconds": 3600})
    expires: batch_create_params.OutputExpiresAfter = {"anchor": "created_at", "seconds": 3600}
    params: BatchCreateParams = {"input_file_id": uploaded.id, "endpoint": "/v1/chat/completions", "completion_window": "24h"}
    batch = client.batches.create(
        input_file_id=uploaded.id,
        endpoint="/v1/chat/completions",
        completion_window="24h",
        metadata={"customer_id": "user_123456789"},
        output_expires_after=expires,
    )
    client.batches.create(input_file_id="f", endpoint="/v1/embeddings", completion_window="24h", metadata=openai.omit)
    first: SyncCursorPage[Batch] = client.batches.list(limit=2)
    ids: List[str] = [b.id for b in first]
    for page in first.iter_pages():
        ids += [b.id for b in page.data]
    deleted: FileDeleted = client.files.delete(uploaded.id)
    content: HttpxBinaryResponseContent = client.files.content(batch.output_file_id or "")
    content.write_to_file(path)
    chunks: List[bytes] = list(content.iter_bytes())
    return content.content + content.read() + content.text.encode()
"""


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The src/ folder of each spec's package, generated into a temporary folder."""
    out = {"openai": bundled_src()}
    for stem in ("petstore", "kitchen_sink", "zoo_unions"):
        out[stem] = generate_package(SPECS[stem], tmp_path_factory.mktemp(stem))
    return out


@pytest.fixture(scope="module")
def imported(packages: dict[str, Path]) -> Iterator[dict[str, Any]]:
    """Each package imported in this process (their import names differ, so they coexist)."""
    for path in packages.values():
        sys.path.insert(0, str(path))
    try:
        yield {stem: importlib.import_module(module) for stem, module in MODULES.items()}
    finally:
        for path in packages.values():
            sys.path.remove(str(path))


def test_mypy_strict_on_every_package_and_on_official_style_usage(
    packages: dict[str, Path], tmp_path: Path
) -> None:
    usage = tmp_path / "usage.py"
    usage.write_text(USAGE, encoding="utf-8")
    targets = [str(packages[stem] / module) for stem, module in MODULES.items()]
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--cache-dir",
            str(tmp_path / "cache"),
            *targets,
            str(usage),
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "MYPYPATH": str(packages["openai"])},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Success: no issues found in" in result.stdout


def test_generated_code_is_black_formatted(packages: dict[str, Path]) -> None:
    import black

    sources = [path for root in packages.values() for path in sorted(root.rglob("*.py"))]
    assert len(sources) > 30
    for path in sources:
        text = path.read_text(encoding="utf-8")
        assert black.format_str(text, mode=black.Mode()) == text, path


@pytest.mark.parametrize("stem", sorted(SPECS))
def test_readme_examples_compile(stem: str, packages: dict[str, Path]) -> None:
    readme = (packages[stem].parent / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", readme, flags=re.S)
    assert len(blocks) >= 5
    for block in blocks:
        if "<resource>" not in block:  # the placeholder shown when no method fits an example
            compile(block, f"{stem}/README.md", "exec")


def test_pip_installs_the_package(tmp_path: Path) -> None:
    target = tmp_path / "site"
    command = [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--disable-pip-version-check"]
    if all(importlib.util.find_spec(name) is not None for name in ("setuptools", "wheel")):
        command.append("--no-build-isolation")  # offline when the build backend is at hand
    root = bundled_src().parent
    subprocess.run([*command, "--target", str(target), str(root)], check=True, capture_output=True)
    assert (target / "openai" / "py.typed").exists()
    assert (target / "openai" / "resources" / "batches.py").exists()
    program = textwrap.dedent("""
        import json, sys
        import openai
        client = openai.OpenAI(api_key="sk-installed", base_url=sys.argv[1])
        batch = client.batches.retrieve("batch_1")
        print(json.dumps({"file": openai.__file__, "id": batch.id, "request_id": batch._request_id}))
        """)
    with MockServer() as server:
        server.play([{"status": 200, "headers": {"x-request-id": "req_i"}, "body": {"id": "batch_1"}}])
        result = subprocess.run(
            [sys.executable, "-c", program, f"{server.url}/v1"],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            env={**os.environ, "PYTHONPATH": str(target)},
        )
    assert result.returncode == 0, result.stderr
    outcome = json.loads(result.stdout)
    assert Path(outcome["file"]).is_relative_to(target)
    assert (outcome["id"], outcome["request_id"]) == ("batch_1", "req_i")
    assert server.requests[0].path == "/v1/batches/batch_1"


def test_petstore_real_calls(imported: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    petstore = imported["petstore"]
    monkeypatch.setenv("PETSTORE_API_TOKEN", "pet-token")
    monkeypatch.setenv("PETSTORE_CLINIC", "clinic-7")
    pet = {"pet_id": "p/1", "name": "Rex", "species": "dog", "object": "pet"}
    with MockServer() as server:
        monkeypatch.setenv("PETSTORE_BASE_URL", f"{server.url}/v3")
        server.play([{"status": 200, "headers": {"x-trace-id": "trace-1"}, "body": pet}])
        with petstore.Petstore() as client:
            # the spec's defaults; connecting may take at most 5 s, as in the official SDK
            assert (client.timeout, client.max_retries) == (httpx.Timeout(20, connect=5.0), 4)
            adopted = client.pets.adopt("p/1", family="Smith")
        server.play(
            [{"status": 404, "headers": {"x-trace-id": "trace-2"}, "body": {"error": {"message": "gone"}}}]
        )
        with pytest.raises(petstore.NotFoundError) as missing:
            petstore.Petstore().pets.fetch("p2")
    assert (
        isinstance(adopted, petstore.types.Pet) and adopted.name == "Rex" and adopted._request_id == "trace-1"
    )
    assert missing.value.request_id == "trace-2" and isinstance(missing.value, petstore.PetstoreError)
    adopt, fetch = server.requests
    assert (adopt.method, adopt.path, fetch.path) == ("POST", "/v3/pets/p%2F1/adopt", "/v3/pets/p2")
    assert adopt.headers["content-type"] == "application/json" and adopt.json() == {"family": "Smith"}
    assert adopt.headers["authorization"] == "Bearer pet-token" and adopt.headers["x-clinic-id"] == "clinic-7"
    assert adopt.headers["user-agent"] == "Petstore/Python 2.0.0"


def test_kitchen_sink_real_calls(imported: dict[str, Any]) -> None:
    sink = imported["kitchen_sink"]
    widget = {
        "id": "w1",
        "count": 2,
        "enabled": True,
        "kind": "widget",
        "created": None,
        "parts": [{"sku": "s1"}],
    }
    with MockServer() as server:
        server.play(
            [
                {"status": 200, "body": [widget]},
                {"status": 200, "body": widget},
                {"status": 200, "body": widget},
                {"status": 200, "body": {"sku": "s9", "quantity": 1}},
                {"status": 204},
            ]
        )
        with sink.KitchenSink(api_key="sink-token", base_url=f"{server.url}/api") as client:
            listed = client.widgets.list(enabled=True, limit=5)
            created = client.widgets.create(name="W", owner=sink.types.Owner(name="Ann"), tags=["a", "b"])
            client.widgets.update("w 1", label=None)
            part = client.widgets.parts.retrieve("w1", 9)
            assert client.widgets.delete("w1") is None
    assert isinstance(listed, list) and isinstance(listed[0], sink.types.Widget)
    assert isinstance(listed[0].parts[0], sink.types.Part) and created.kind == "widget"
    assert isinstance(part, sink.types.Part) and part.quantity == 1
    listing, create, update, retrieve, delete = server.requests
    assert (listing.method, listing.path, "content-type" in listing.headers) == (
        "GET",
        "/api/widgets?limit=5&enabled=true",
        False,
    )
    assert (create.method, create.path) == ("POST", "/api/widgets")
    assert create.json() == {"name": "W", "tags": ["a", "b"], "owner": {"name": "Ann"}}
    assert create.headers["content-type"] == "application/json"
    assert (update.method, update.path, update.json()) == ("PATCH", "/api/widgets/w%201", {"label": None})
    assert (retrieve.method, retrieve.path) == ("GET", "/api/widgets/w1/parts/9")
    assert (delete.method, delete.path) == ("DELETE", "/api/widgets/w1")


RECURSIVE_SPEC = {
    "format": 1,
    "api": {
        "name": "Trees",
        "title": "Trees API",
        "version": "1",
        "base_url": "https://trees.example.test",
        "auth": {"type": "bearer", "env": "TREES_KEY"},
        "packages": {t: {"name": "trees", "version": "0.1.0"} for t in ("python", "ruby", "typescript")},
    },
    "models": {
        "Node": {
            "properties": {
                "name": {"type": "string", "required": True},
                "children": {"type": "array", "items": {"ref": "Node"}},
                "owner": {"ref": "Person"},
                "extra": {"type": "object", "properties": {"twin": {"ref": "Node"}}},
            }
        },
        "Person": {"properties": {"favourite": {"ref": "Node"}, "name": {"type": "string"}}},
    },
    "resources": {
        "nodes": {
            "methods": {
                "get": {
                    "http": "GET /nodes/{id}",
                    "params": {"id": {"in": "path", "type": "string"}},
                    "returns": {"ref": "Node"},
                }
            }
        }
    },
}


def test_models_that_refer_to_themselves_or_each_other(tmp_path: Path) -> None:
    import yaml

    spec = tmp_path / "trees.yaml"
    spec.write_text(yaml.safe_dump(RECURSIVE_SPEC), encoding="utf-8")
    src = generate_package(spec, tmp_path / "out")
    checked = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--cache-dir",
            str(tmp_path / "cache"),
            str(src / "trees"),
        ],
        capture_output=True,
        text=True,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    tree = {
        "name": "root",
        "children": [{"name": "leaf", "owner": {"name": "Ann", "favourite": {"name": "root"}}}],
        "extra": {"twin": {"name": "twin"}},
    }
    program = textwrap.dedent("""
        import json, sys
        import trees
        node = trees.Trees(api_key="k", base_url=sys.argv[1]).nodes.get("n1")
        leaf = node.children[0]
        print(json.dumps({
            "types": [type(x).__name__ for x in (node, leaf, leaf.owner, leaf.owner.favourite, node.extra, node.extra.twin)],
            "dict": node.to_dict(),
        }))
        """)
    with MockServer() as server:
        server.play([{"status": 200, "body": tree}])
        result = subprocess.run(
            [sys.executable, "-c", program, server.url],
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONPATH": str(src)},
        )
    assert result.returncode == 0, result.stderr
    outcome = json.loads(result.stdout)
    assert outcome["types"] == ["Node", "Node", "Person", "Node", "Extra", "Node"]
    assert outcome["dict"] == tree


def test_kitchen_sink_recursive_models_over_http(imported: dict[str, Any]) -> None:
    """kitchen_sink's TreeNode refers to itself (optional property, array, map) and to Forest, which
    refers back: the package imports and builds the whole graph from a real response."""
    sink = imported["kitchen_sink"]
    tree = {
        "name": "root",
        "parent": {"name": "up"},
        "children": [{"name": "leaf", "by_name": {"x": {"name": "x"}}}],
        "forest": {"root": {"name": "r"}, "neighbours": {"n": [{"root": {"name": "n"}}]}},
    }
    with MockServer() as server:
        server.play([{"status": 200, "body": tree}])
        with sink.KitchenSink(api_key="sink-token", base_url=f"{server.url}/api") as client:
            node = client.trees.retrieve("t1")
    assert server.requests[0].path == "/api/trees/t1"
    assert isinstance(node.parent, sink.types.TreeNode) and isinstance(node.children[0].by_name["x"], sink.types.TreeNode)
    assert isinstance(node.forest, sink.types.Forest)
    assert isinstance(node.forest.neighbours["n"][0].root, sink.types.TreeNode)
    assert node.to_dict() == tree
