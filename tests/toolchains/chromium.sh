#!/usr/bin/env bash
# Installs headless Chromium (Debian's `chromium` package) for the browser test of the HTML
# reference (tests/test_docs_browser.py drives it over the DevTools protocol on a pipe, so nothing
# else is needed). Idempotent: does nothing when chromium is already there.
set -euo pipefail

if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
