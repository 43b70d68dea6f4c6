"""The formatting cache of `gen build`: hits skip black, a bad cache never breaks or changes a build."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from generator.build import generate, load_api
from generator.cli import main
from generator.format_cache import FormatCache, cache_dir, format_files
from generator.targets import all_targets
from snapshots import BUNDLED_SPEC, ROOT

KITCHEN_SINK = ROOT / "tests" / "specs" / "fixtures" / "kitchen_sink.yaml"


@pytest.fixture(autouse=True)
def own_cache_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    # Each test starts cold, whatever other runs left in the user's cache folder.
    root = tmp_path / "cache-root"
    monkeypatch.setenv("GEN_CACHE_DIR", str(root))
    return root


def cache_file(out: Path) -> Path:
    return cache_dir(out) / "format-python.json"


def build(out: Path, *extra: str, spec: Path = KITCHEN_SINK) -> int:
    # Python alone: the only target with a formatter, and it keeps these tests fast.
    return main(["build", "--spec", str(spec), "--out", str(out), "--quiet", "--target", "python", *extra])


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def imports_of_build(out: Path) -> set[str]:
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "generator", "build", "--spec", str(KITCHEN_SINK),
                             "--out", str(out), "--quiet", "--target", "python"], cwd=ROOT, capture_output=True, text=True,
                            check=True)
    return {line.rsplit("|", 1)[1].strip() for line in result.stderr.splitlines() if line.startswith("import time:")}


def test_a_rebuild_through_the_whole_pipeline_takes_formatted_files_from_the_cache(tmp_path: Path) -> None:
    assert "black" in imports_of_build(tmp_path)
    for stamp in cache_dir(tmp_path).glob("build-*.json"):
        stamp.unlink()  # no shortcut (build_stamp.py): load, render, then format through the cache
    modules = imports_of_build(tmp_path)
    assert "jinja2" in modules
    assert "black" not in modules


def test_the_cache_is_outside_the_output_and_keeps_only_the_last_build(tmp_path: Path, own_cache_root: Path) -> None:
    out = tmp_path / "out"
    assert build(out) == 0
    assert sorted(p.name for p in out.iterdir()) == ["python"]
    assert cache_file(out).is_relative_to(own_cache_root)
    before = cache_file(out).read_bytes()
    assert build(out, spec=BUNDLED_SPEC) == 0  # another spec: every old entry is dropped
    assert build(out) == 0
    assert cache_file(out).read_bytes() == before


def test_at_most_so_many_output_folders_are_remembered(tmp_path: Path, own_cache_root: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("generator.cache_dir.MAX_OUTPUT_FOLDERS", 2)
    for name in ("a", "b", "c"):
        assert build(tmp_path / name) == 0
    assert len(list(own_cache_root.iterdir())) == 2
    assert cache_file(tmp_path / "c").exists()


@pytest.mark.parametrize("damage", [
    lambda raw: raw[: len(raw) // 2],  # truncated
    lambda raw: b"\xff\xfe not a cache",  # not even UTF-8
    lambda raw: raw.replace(b"BaseModel", b"BadModel"),  # edited: the checksum no longer matches
    lambda raw: b"",
], ids=["truncated", "garbage", "edited", "empty"])
def test_a_damaged_cache_neither_breaks_nor_changes_the_build(tmp_path: Path, damage) -> None:  # type: ignore[no-untyped-def]
    assert build(tmp_path / "clean") == 0
    assert build(tmp_path / "damaged") == 0
    cache = cache_file(tmp_path / "damaged")
    cache.write_bytes(damage(cache.read_bytes()))
    for path in (tmp_path / "damaged" / "python").rglob("*.py"):
        path.unlink()  # every file must be produced again, through the damaged cache

    assert build(tmp_path / "damaged") == 0

    assert tree(tmp_path / "damaged") == tree(tmp_path / "clean")
    assert build(tmp_path / "damaged", "--check") == 0


def test_a_cache_with_a_forged_checksum_and_wrong_types_is_ignored(tmp_path: Path) -> None:
    import hashlib
    import json

    assert build(tmp_path) == 0
    payload = json.dumps({"some key": 42})
    checksum = hashlib.sha256(payload.encode()).hexdigest()
    cache_file(tmp_path).write_text(f"apigen-format-cache 1 {checksum}\n{payload}")
    assert build(tmp_path, "--check") == 0
    assert build(tmp_path) == 0


def test_check_reads_the_cache_but_writes_nothing(tmp_path: Path) -> None:
    assert build(tmp_path, "--check") == 1
    assert not cache_dir(tmp_path).exists()


def test_a_cache_entry_is_bound_to_the_formatter_fingerprint(tmp_path: Path) -> None:
    target = all_targets()["python"]
    rendered = {"m.py": "x=1\n"}
    cache = FormatCache(tmp_path / "cache.json", "fingerprint A")
    assert format_files(target, rendered, cache) == {"m.py": "x = 1\n"}
    cache.save()
    same = FormatCache(tmp_path / "cache.json", "fingerprint A")
    assert same.get(same.key("m.py", "x=1\n"), "x=1\n") == "x = 1\n"
    other = FormatCache(tmp_path / "cache.json", "fingerprint B")  # e.g. another black version
    assert other.get(other.key("m.py", "x=1\n"), "x=1\n") is None


def test_formatting_in_worker_processes_gives_the_same_files(monkeypatch: pytest.MonkeyPatch) -> None:
    api = load_api(KITCHEN_SINK.relative_to(ROOT).as_posix())
    target = all_targets()["python"]
    serial = generate(api, ("python",))
    monkeypatch.setenv("GEN_FORMAT_WORKERS", "2")
    from generator.render import render_target

    parallel = format_files(target, render_target(target, api))
    assert parallel == {path[len("python/"):]: text for path, text in serial.items() if path[len("python/"):] in parallel}


def test_damaged_compiled_templates_neither_break_nor_change_the_build(tmp_path: Path) -> None:
    assert build(tmp_path / "clean") == 0
    assert build(tmp_path / "damaged") == 0
    compiled = sorted((cache_dir(tmp_path / "damaged") / "templates").iterdir())
    assert compiled
    for index, path in enumerate(compiled):
        raw = path.read_bytes()
        path.write_bytes(raw[: len(raw) // 2] if index % 2 else b"j2 not a template" + raw[-50:])

    assert build(tmp_path / "damaged") == 0

    assert tree(tmp_path / "damaged") == tree(tmp_path / "clean")


def test_black_is_told_the_oldest_python_the_generated_sdk_supports() -> None:
    # formatting.PYTHON_SDK_MINIMUM must follow the SDK's requires-python: black may otherwise use
    # syntax that the oldest supported Python cannot read.
    import re

    from generator import formatting

    pyproject = generate(load_api(KITCHEN_SINK.relative_to(ROOT).as_posix()), ("python",))["python/pyproject.toml"]
    found = re.search(r'requires-python\s*=\s*">=\s*(\d+)\.(\d+)', pyproject)
    assert found, pyproject
    assert (int(found.group(1)), int(found.group(2))) == formatting.PYTHON_SDK_MINIMUM


def test_worker_processes_are_used_only_on_free_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    from generator import format_cache

    monkeypatch.delenv("GEN_FORMAT_WORKERS", raising=False)
    monkeypatch.setattr(format_cache.sys, "platform", "linux")
    monkeypatch.setattr(format_cache.os, "sched_getaffinity", lambda pid: {0, 1})
    small = [("a.py", "x = 1\n")]
    large = [(f"m{i}.py", "x = 1\n" * 20_000) for i in range(4)]
    monkeypatch.setattr(format_cache, "_running_elsewhere", lambda: 0)  # an idle 2-core machine
    assert format_cache._worker_count(small, overlap=True) == 1  # black runs beside the next renders
    assert format_cache._worker_count(small, overlap=False) == 0  # nothing to overlap: no process to start
    assert format_cache._worker_count(large, overlap=False) == 2
    assert format_cache._worker_count([], overlap=True) == 0
    monkeypatch.setattr(format_cache, "_running_elsewhere", lambda: 1)  # one core busy elsewhere
    assert format_cache._worker_count(small, overlap=True) == 0
    assert format_cache._worker_count(large, overlap=True) == 0
    monkeypatch.setenv("GEN_FORMAT_WORKERS", "1")  # the bench's "one process" measurement
    assert format_cache._worker_count(large, overlap=True) == 0


def test_a_busy_process_counts_as_running_elsewhere() -> None:
    import subprocess
    import sys
    import time

    from generator import format_cache

    busy = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    try:
        time.sleep(0.2)
        seen = max(format_cache._running_elsewhere() for _ in range(200))  # a snapshot: sample it
    finally:
        busy.kill()
        busy.wait()
    assert seen >= 1
