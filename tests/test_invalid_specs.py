"""The corpus of broken specs (tests/specs/invalid/): every one is refused the same careful way.

For each spec, `gen build` must exit 2, print nothing on stdout, report
every problem as `file:line:col: error[CODE]: message` followed by a hint, report exactly the codes
the spec's `# expect:` line names, leave a pre-populated output folder byte-for-byte untouched,
and never show a traceback. The whole output is locked by one snapshot file per spec.

A few cases cannot be committed as files (a spec over the size limit, a missing file, a folder):
they are made in a temporary folder by the test.

The corpus runs `gen build` in-process through `cli.main`, the function the `gen` script calls (a
process per spec costs more time than the rest of the test); a sample of specs, chosen for what a
real process adds (non-ASCII output on stderr, the slowest spec, the made-up cases), also runs as
`python -m generator build` in a subprocess.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator import cli
from generator.spec.loader import MAX_SPEC_BYTES
from snapshots import TextFileSnapshot

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "specs" / "invalid"
CORPUS_FILES = sorted(CORPUS.glob("*.yaml"))

# Files that cannot carry an `# expect:` line readable as bytes.
EXPECTED_WITHOUT_HEADER = {"empty_file.yaml": {"E002"}, "utf16_file.yaml": {"E001"}}
EXPECT_LINE = re.compile(rb"^# expect: (E\d{3}(?: E\d{3})*)$", re.MULTILINE)

DIAGNOSTIC = re.compile(r"^(?P<file>[^\n]+?):(?P<line>\d+):(?P<col>\d+): error\[(?P<code>E\d{3})\]: (?P<message>\S.*)$")
HINT = re.compile(r"^  hint: \S.*$")
SUMMARY = re.compile(r"^(?P<count>\d+) problems? found; nothing was written\.$")


def expected_codes(spec: Path) -> set[str]:
    if spec.name in EXPECTED_WITHOUT_HEADER:
        return EXPECTED_WITHOUT_HEADER[spec.name]
    match = EXPECT_LINE.search(spec.read_bytes())
    assert match, f"{spec.name} has no `# expect: E...` line"
    return set(match.group(1).decode().split())


# ---------------------------------------------------------------- the output folder must stay untouched


def populate_output(out: Path) -> None:
    """An output folder as a user has it: generated files with manifests, one of them hand-edited,
    one file the generator owns but no longer produces (a successful build would delete it), and a
    file the user added. A build that got as far as writing would change every one of these."""
    for target in ("python", "ruby", "typescript", "docs"):
        root = out / target
        (root / "src").mkdir(parents=True)
        (root / "src" / "client.txt").write_text(f"generated {target} client, edited by hand\n", encoding="utf-8")
        (root / "stale.txt").write_text("owned by the generator, no longer produced\n", encoding="utf-8")
        (root / "NOTES.md").write_text("the user's own file\n", encoding="utf-8")
        (root / ".gen-manifest").write_text("# Files written by `gen build`.\nsrc/client.txt\nstale.txt\n",
                                            encoding="utf-8")


def tree_state(out: Path) -> dict[str, tuple[bytes, int, int]]:
    """Every file and folder under `out` with its bytes, modification time and mode."""
    state = {}
    for path in sorted(out.rglob("*")):
        stat = path.stat()
        state[path.relative_to(out).as_posix()] = (path.read_bytes() if path.is_file() else b"<dir>",
                                                    stat.st_mtime_ns, stat.st_mode)
    return state


SUBPROCESS_SAMPLE = {"not_utf8", "invalid_name_non_ascii", "alias_bomb", "yaml_tab_indentation"}


@dataclass
class Outcome:
    returncode: int
    stdout: str
    stderr: str


def run_in_subprocess(spec: str, cwd: Path, out: Path) -> Outcome:
    env = {k: v for k, v in os.environ.items() if k != "GEN_TRACEBACK"}
    done = subprocess.run([sys.executable, "-m", "generator", "build", "--spec", spec, "--out", str(out)],
                          cwd=cwd, env=env, capture_output=True, text=True, encoding="utf-8", timeout=60)
    return Outcome(done.returncode, done.stdout, done.stderr)


def run_in_process(spec: str, cwd: Path, out: Path) -> Outcome:
    stdout, stderr = io.StringIO(), io.StringIO()
    previous = Path.cwd()
    os.chdir(cwd)
    try:
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            status = cli.main(["build", "--spec", spec, "--out", str(out)])
    finally:
        os.chdir(previous)
    return Outcome(status, stdout.getvalue(), stderr.getvalue())


def check_refusal(spec: str, cwd: Path, out: Path, expected: set[str], subprocess: bool) -> str:
    """Run the build, assert everything the corpus promises, and return the text to snapshot."""
    populate_output(out)
    before = tree_state(out)
    result = (run_in_subprocess if subprocess else run_in_process)(spec, cwd, out)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    assert tree_state(out) == before, "the output folder changed"

    lines = result.stderr.splitlines()
    summary = SUMMARY.match(lines[-1]) if lines else None
    assert summary, f"no summary line: {result.stderr}"
    body = lines[:-1]
    assert len(body) % 2 == 0 and body, result.stderr
    codes = set()
    spec_lines = (cwd / spec).read_bytes().decode("utf-8", "replace").split("\n") if (cwd / spec).is_file() else [""]
    for diagnostic, hint in zip(body[::2], body[1::2]):
        match = DIAGNOSTIC.match(diagnostic)
        assert match, f"not `file:line:col: error[CODE]: message`: {diagnostic!r}"
        assert HINT.match(hint), f"no hint after {diagnostic!r}"
        assert match["file"] == spec
        line, col = int(match["line"]), int(match["col"])
        assert 1 <= line <= len(spec_lines), diagnostic
        assert 1 <= col <= len(spec_lines[line - 1]) + 1, diagnostic
        codes.add(match["code"])
    assert int(summary["count"]) == len(body) // 2
    assert codes == expected
    return f"exit status: {result.returncode}\n--- stderr\n{result.stderr}"


@pytest.fixture(autouse=True)
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # `gen build` keeps build stamps in a cache folder; these tests must not read or touch the user's.
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


# ---------------------------------------------------------------- the corpus


def test_the_corpus_is_large_and_every_spec_says_what_it_expects() -> None:
    assert len(CORPUS_FILES) >= 30
    for spec in CORPUS_FILES:
        assert expected_codes(spec)


@pytest.mark.parametrize("spec", CORPUS_FILES, ids=lambda path: path.stem)
def test_invalid_spec(spec: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, snapshot) -> None:
    monkeypatch.delenv("GEN_TRACEBACK", raising=False)
    rel = spec.relative_to(ROOT).as_posix()
    output = check_refusal(rel, ROOT, tmp_path / "generated", expected_codes(spec), subprocess=False)
    assert output == snapshot(extension_class=TextFileSnapshot)


@pytest.mark.parametrize("name", sorted(SUBPROCESS_SAMPLE))
def test_invalid_spec_as_a_real_process(name: str, tmp_path: Path) -> None:
    spec = CORPUS / f"{name}.yaml"
    rel = spec.relative_to(ROOT).as_posix()
    in_process = check_refusal(rel, ROOT, tmp_path / "in-process", expected_codes(spec), subprocess=False)
    assert check_refusal(rel, ROOT, tmp_path / "process", expected_codes(spec), subprocess=True) == in_process


# ---------------------------------------------------------------- cases made by the test


def huge_spec() -> bytes:
    """A spec that is valid YAML, and valid in every other way, but larger than the limit."""
    head = (CORPUS / "unknown_type.yaml").read_text(encoding="utf-8").replace("type: str,", "type: string,")
    models = "".join(f"  Model{i}:\n    properties:\n      id: {{type: string, required: true}}\n"
                     for i in range(MAX_SPEC_BYTES // 50))
    text = head.replace("resources:\n", models + "resources:\n")
    assert len(text.encode()) > MAX_SPEC_BYTES
    return text.encode()


def test_a_spec_over_the_size_limit(tmp_path: Path, snapshot) -> None:
    (tmp_path / "huge.yaml").write_bytes(huge_spec())
    output = check_refusal("huge.yaml", tmp_path, tmp_path / "generated", {"E006"}, subprocess=True)
    assert output == snapshot(extension_class=TextFileSnapshot)


def test_a_spec_that_does_not_exist(tmp_path: Path, snapshot) -> None:
    output = check_refusal("missing.yaml", tmp_path, tmp_path / "generated", {"E001"}, subprocess=True)
    assert output == snapshot(extension_class=TextFileSnapshot)


def test_a_folder_given_as_the_spec(tmp_path: Path, snapshot) -> None:
    (tmp_path / "spec").mkdir()
    output = check_refusal("spec", tmp_path, tmp_path / "generated", {"E001"}, subprocess=True)
    assert output == snapshot(extension_class=TextFileSnapshot)


# ---------------------------------------------------------------- the last-resort guard


def test_an_unexpected_error_prints_one_line_and_exits_3(monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    # Stands for a bug anywhere in the pipeline: the guard sits in cli.main, around everything.
    def broken_build(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a bug\nspanning lines")

    monkeypatch.setattr("generator.build.build", broken_build)
    monkeypatch.delenv("GEN_TRACEBACK", raising=False)
    status = cli.main(["build", "--spec", str(ROOT / "spec" / "openai.yaml"), "--out", "unused"])
    captured = capsys.readouterr()
    assert status == 3
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert captured.err.startswith("gen: internal error: RuntimeError: a bug spanning lines; please report it")


def test_gen_traceback_shows_the_original_exception(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken_load_api(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("generator.build.load_api", broken_load_api)
    monkeypatch.setenv("GEN_TRACEBACK", "1")
    with pytest.raises(RuntimeError, match="boom"):
        cli.main(["validate", "--spec", "any.yaml"])
