#!/usr/bin/env bash
# Makes sure an env file for docker compose exists (default: .env at the repo root): when missing,
# it is written from .env.example with a fresh random secret in every empty *_PASSWORD.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/lib.sh"
target=${1:-$root/.env}
[ -f "$target" ] && exit 0

secret() { od -An -tx1 -N18 /dev/urandom | tr -d ' \n'; }
umask 077
while IFS= read -r line; do
  if [[ $line =~ ^([A-Z0-9_]+_PASSWORD)=$ ]]; then
    echo "${BASH_REMATCH[1]}=$(secret)"
  else
    echo "$line"
  fi
done <"$root/.env.example" >"$target"
log "wrote $target with random secrets (keep it; the databases are initialised with them)"
