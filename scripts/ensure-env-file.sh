#!/usr/bin/env bash
# Makes sure docker compose has its settings and its secrets:
#   scripts/ensure-env-file.sh [env-file [secrets-dir]]
# The env file (default .env at the repo root) is written from .env.example when missing, naming
# secrets-dir as PSS_SECRETS_DIR when one is given. Then the secrets directory (PSS_SECRETS_DIR of
# the environment, else of the env file, else .secrets: as compose reads it) gets every secret that
# is missing (tools/secrets/ensure-secrets.js): a random password per account, never a value in
# .env or in a container's environment.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/lib.sh"
export PATH=/usr/local/bin:$PATH
target=${1:-$root/.env}
if [ ! -f "$target" ]; then
  if [ -n "${2:-}" ]; then
    sed "s|^PSS_SECRETS_DIR=.*|PSS_SECRETS_DIR=$2|" "$root/.env.example" >"$target"
  else
    cp "$root/.env.example" "$target"
  fi
  log "wrote $target from .env.example"
fi
# The group of the Docker engine's socket, which only lifecycle's container joins (apps/lifecycle).
socket=${PSS_DOCKER_SOCKET:-/var/run/docker.sock}
if ! grep -q '^PSS_DOCKER_GID=' "$target" && [ -S "$socket" ]; then
  echo "PSS_DOCKER_GID=$(stat -c %g "$socket")" >>"$target"
fi
secrets=${2:-$(secrets_dir_of "$target")}
[[ $secrets = /* ]] || secrets="$root/$secrets"
node "$root/tools/secrets/ensure-secrets.js" "$secrets"
