#!/usr/bin/env bash
# Restores services' databases of the running stack from a backup of scripts/backup.sh. Each
# service named (every one the backup holds, unless named) is stopped; the backup is restored into
# a new database beside its own, which takes its name once the whole restore succeeded (the one it
# replaces is then dropped); the service starts again. What the service wrote after the backup is
# gone; a restore that fails changes nothing. Objects a newer version added since the backup go
# too: the service's migrations add them again as it starts.
#   bash scripts/restore.sh BACKUP_DIR [SERVICE...]
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: bash scripts/restore.sh BACKUP_DIR [SERVICE...]" >&2; exit 1; }
backup=$(realpath -m -- "$1") && shift
cd "$(dirname "$0")/.."
. scripts/lib.sh
export PATH=/usr/local/bin:$PATH
env_file=${PSS_ENV_FILE:-.env}
[ -f "$env_file" ] || die "no env file at $env_file: is this the stack's directory?"
compose=(docker compose --progress quiet --env-file "$env_file")
services=${*:-$(cd "$backup" && ls -- *.dump 2>/dev/null | sed 's/\.dump$//')}
[ -n "$services" ] || die "$backup holds no backup (no <service>.dump)"
for service in $services; do
  [ -f "$backup/$service.dump" ] || die "$backup holds no $service.dump; nothing was restored"
done

# As the database's superuser, in its container, connected to the postgres database.
sql() { "${compose[@]}" exec -T -e PGOPTIONS=--client-min-messages=warning "$1-db" psql --username postgres --dbname postgres -v ON_ERROR_STOP=1 -qc "$2"; }

for service in $services; do
  log "restoring $service from $backup/$service.dump"
  "${compose[@]}" stop "$service"
  restoring="${service}_restoring" replaced="${service}_replaced"
  if sql "$service" "DROP DATABASE IF EXISTS $restoring" && sql "$service" "CREATE DATABASE $restoring OWNER $service" \
    && "${compose[@]}" exec -T "$service-db" pg_restore --username postgres --dbname "$restoring" \
      --single-transaction --exit-on-error <"$backup/$service.dump" \
    && sql "$service" "ALTER DATABASE $service RENAME TO $replaced"; then
    sql "$service" "ALTER DATABASE $restoring RENAME TO $service"
    sql "$service" "DROP DATABASE $replaced"
  else
    sql "$service" "DROP DATABASE IF EXISTS $restoring" || true
    "${compose[@]}" start "$service"
    die "the restore of $service failed; its database is as it was"
  fi
  "${compose[@]}" start "$service"
done
wait_until_healthy "$env_file" $services
log "restored $(echo $services | sed 's/ /, /g') from $backup"
