#!/usr/bin/env bash
# Installs what the Ruby SDK tests need, from Debian's packages only (rubygems.org is not reachable):
#   ruby     -> ruby 3.1 and `gem`; its libruby3.1 carries the bundled gems, rbs 2.1.0 among them,
#               and the ruby3.1 package installs its command as `rbs3.1` (Debian has no ruby-rbs).
#   rubocop  -> the linter the generated gem is checked with.
#   yard     -> checks that every class, method and constant of the gem is documented.
# Idempotent: does nothing when all are already there.
set -euo pipefail

missing=()
command -v ruby >/dev/null 2>&1 || missing+=(ruby)
command -v rubocop >/dev/null 2>&1 || missing+=(rubocop)
command -v yard >/dev/null 2>&1 || missing+=(yard)
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
