#!/usr/bin/env bash
# Installs what the Ruby SDK tests need, from Debian's packages only (rubygems.org is not reachable):
#   ruby     -> ruby 3.1; its libruby3.1 carries the bundled gems, rbs 2.1.0 among them, and the
#               ruby3.1 package installs its command as `rbs3.1` (Debian has no separate ruby-rbs).
#   rubocop  -> the linter the generated gem is checked with.
# Idempotent: does nothing when both are already there.
set -euo pipefail

missing=()
command -v ruby >/dev/null 2>&1 || missing+=(ruby)
command -v rubocop >/dev/null 2>&1 || missing+=(rubocop)
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends ruby rubocop >/dev/null
