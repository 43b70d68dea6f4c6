#!/usr/bin/env bash
# Installs the generators bench/run.py compares with into a scratch virtualenv (not the project's):
# openapi-generator-cli (its jar ships in the PyPI package; needs Java 11+) and openapi-python-client.
# bench/run.py finds them there, or on PATH. Idempotent.
set -euo pipefail
venv=${APIGEN_BENCH_TOOLS:-/tmp/apigen-bench-tools}
if [ ! -x "$venv/bin/openapi-generator-cli" ] || [ ! -x "$venv/bin/openapi-python-client" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check openapi-generator-cli openapi-python-client
fi
command -v java >/dev/null || echo "note: java is not installed; openapi-generator will be skipped" >&2
echo "tools in $venv/bin"
