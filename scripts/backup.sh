#!/usr/bin/env bash
# Backs up every service's database of the running stack to DIR/<UTC time>/<service>.dump, one
# pg_dump (custom format: a consistent snapshot of that database) per service of services.json
# that has one. Taken as the database's superuser over its socket, inside its container: it needs
# the Docker engine the operator already has, and no network account.
#   bash scripts/backup.sh DIR
# The stack is the one `docker compose` finds here (COMPOSE_PROJECT_NAME, PSS_ENV_FILE as for
# scripts/up.sh). Restore with scripts/restore.sh. Each database is its own snapshot: what
# happened between two of them reaches the other through its events, as after any outage.
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: bash scripts/backup.sh DIR" >&2; exit 1; }
backups=$(realpath -m -- "$1")
cd "$(dirname "$0")/.."
. scripts/lib.sh
export PATH=/usr/local/bin:$PATH
env_file=${PSS_ENV_FILE:-.env}
[ -f "$env_file" ] || die "no env file at $env_file: is this the stack's directory?"
compose=(docker compose --progress quiet --env-file "$env_file")
umask 077  # passengers' names and bookings: for the operator only
target="$backups/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$target"
services=$(databases_of_services)
for service in $services; do
  "${compose[@]}" exec -T "$service-db" pg_dump --username postgres --format custom "$service" \
    >"$target/$service.dump.partial" || die "pg_dump of $service failed; $target is incomplete"
  mv "$target/$service.dump.partial" "$target/$service.dump"
done
log "backed up $(echo $services | sed 's/ /, /g') to $target"
