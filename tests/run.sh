#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine: makes the virtualenv, installs the generator with
# its test dependencies, installs the toolchains the tests need (each script in tests/toolchains/
# installs one, only when missing), then runs pytest. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
if ! .venv/bin/python -c "import generator, syrupy, httpx, mypy" 2>/dev/null || [ pyproject.toml -nt .venv/.installed ]; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
  touch .venv/.installed
fi

for script in tests/toolchains/*.sh; do
  [ -e "$script" ] || continue
  bash "$script"
done

exec .venv/bin/python -m pytest "$@"
