#!/usr/bin/env bash
# Makes sure Debian's chromium is installed: the website's browser tests drive it headless
# (playwright-core, with its executable path; no browser download).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

if command -v chromium >/dev/null 2>&1; then exit 0; fi
need_root
log "installing chromium"
apt_install chromium
