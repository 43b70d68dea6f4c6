#!/usr/bin/env bash
# Installs the Node toolchain the TypeScript tests need: node and npm (Debian packages, only when
# node is missing), then typescript, prettier and @types/node at the exact versions of the committed
# package-lock.json, with `npm ci`, only when node_modules is missing or older than the lock file.
# Idempotent and fast when everything is already there.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
toolchain="$here/typescript"

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq nodejs npm >/dev/null
fi

major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$major" -lt 18 ]; then
  echo "node.sh: node $(node --version) is too old; the generated TypeScript SDK needs node >= 18" >&2
  exit 1
fi

# npm ci writes node_modules/.package-lock.json; when it is older than the committed lock file (or
# missing), the installed tree is stale and is reinstalled exactly from the lock.
stamp="$toolchain/node_modules/.package-lock.json"
if [ ! -f "$stamp" ] || [ "$toolchain/package-lock.json" -nt "$stamp" ] || [ ! -x "$toolchain/node_modules/.bin/tsc" ]; then
  (cd "$toolchain" && npm ci --no-audit --no-fund --loglevel=error)
fi
