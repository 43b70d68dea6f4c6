#!/usr/bin/env bash
# Installs git (Debian package) for the tests of `gen diff --base` and `gen changelog`, which read
# specs at a revision of a temporary repository. Idempotent: does nothing when git is there.
set -euo pipefail

if command -v git >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends git >/dev/null
