#!/usr/bin/env bash
# Backs up every service's database to DIR/<UTC time>/<service>.dump, readable by its owner only:
# one pg_dump (custom format: a consistent snapshot of that database) per service of services.json
# that has one. Taken as the database's superuser over its socket, inside its container: it needs
# the Docker engine the operator already has, and no network account.
#   bash scripts/backup.sh DIR
# The stack: the compose project here (COMPOSE_PROJECT_NAME, PSS_ENV_FILE as for scripts/up.sh),
# or with PSS_STACK that Swarm stack, run on the node that holds its databases. Restore with
# scripts/restore.sh. Each database is its own snapshot: what happened between two of them
# reaches the other through its events, as after any outage.
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: bash scripts/backup.sh DIR" >&2; exit 1; }
backups=$(realpath -m -- "$1")
cd "$(dirname "$0")/.."
. scripts/lib.sh
export PATH=/usr/local/bin:$PATH
stack_target
umask 077 # passengers' names and bookings: for the operator only
target="$backups/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$target"
services=$(databases_of_services)
for service in $services; do
  in_database "$service" pg_dump --username postgres --format custom "$service" >"$target/$service.dump.partial" \
    || die "pg_dump of $service failed; $target is incomplete"
  mv "$target/$service.dump.partial" "$target/$service.dump"
done
log "backed up $(echo $services | sed 's/ /, /g') to $target"
