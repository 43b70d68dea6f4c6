"""Type tests of the generated TypeScript package: tests/toolchains/typescript/type-tests/*.ts are
compiled (never run) against the built package with tsc strict, noUncheckedIndexedAccess and
exactOptionalPropertyTypes. Code written for the official package compiles; each line marked
`@ts-expect-error` must fail to compile, or tsc reports the directive as unused."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from conformance.drivers import node

TYPE_TESTS = node.TOOLCHAIN / "type-tests"

CONSUMER_TSCONFIG = {
    "compilerOptions": {
        "target": "ES2022", "module": "NodeNext", "moduleResolution": "NodeNext", "lib": ["ES2022", "DOM"],
        "strict": True, "noUncheckedIndexedAccess": True, "exactOptionalPropertyTypes": True,
        "noEmit": True, "types": [],
    },
    "include": ["*.ts"],
}


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Path:
    node.ensure_toolchain()
    return node.build_package(tmp_path_factory.mktemp("ts-types"))


def compile_in(app: Path, sources: dict[str, str]) -> subprocess.CompletedProcess[str]:
    for old in app.glob("*.ts"):
        old.unlink()
    for name, text in sources.items():
        (app / name).write_text(text, encoding="utf-8")
    (app / "tsconfig.json").write_text(json.dumps(CONSUMER_TSCONFIG), encoding="utf-8")
    return subprocess.run([node.tool("tsc"), "-p", str(app / "tsconfig.json")], cwd=app, capture_output=True,
                          text=True)


def test_type_tests_compile_and_every_expected_error_happens(app: Path) -> None:
    sources = {path.name: path.read_text(encoding="utf-8") for path in sorted(TYPE_TESTS.glob("*.ts"))}
    assert sum(text.count("@ts-expect-error") for text in sources.values()) >= 10
    result = compile_in(app, sources)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_wrong_call_fails_to_compile(app: Path) -> None:
    # The control: without the directive, a wrong call is an error tsc reports (so the directives
    # above are not satisfied by some unrelated problem such as a missing module).
    result = compile_in(app, {"wrong.ts": "import OpenAI from 'openai';\n"
                                          "await new OpenAI().batches.cancel(123);\nexport {};\n"})
    assert result.returncode != 0
    assert "wrong.ts(2," in result.stdout and "TS2345" in result.stdout, result.stdout
