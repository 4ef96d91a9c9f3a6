#!/usr/bin/env bash
# Restores services' databases from a backup of scripts/backup.sh, on the stack backup.sh would
# back up. Each service named (every one the backup holds, unless named) is stopped; the backup is
# restored into a new database beside its own, which takes its name once the whole restore
# succeeded (the one it replaces is then dropped); the service starts again, as many instances as
# before. What the service wrote after the backup is gone; a restore that fails changes nothing.
# Objects a newer version added since the backup go too: its migrations add them again as it starts.
#   bash scripts/restore.sh BACKUP_DIR [SERVICE...]
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: bash scripts/restore.sh BACKUP_DIR [SERVICE...]" >&2; exit 1; }
backup=$(realpath -m -- "$1") && shift
cd "$(dirname "$0")/.."
. scripts/lib.sh
export PATH=/usr/local/bin:$PATH
stack_target
services=${*:-$(cd "$backup" && ls -- *.dump 2>/dev/null | sed 's/\.dump$//')}
[ -n "$services" ] || die "$backup holds no backup (no <service>.dump)"
for service in $services; do
  [ -f "$backup/$service.dump" ] || die "$backup holds no $service.dump; nothing was restored"
done

# As the database's superuser, connected to the postgres database.
sql() { in_database "$1" env PGOPTIONS=--client-min-messages=warning psql --username postgres --dbname postgres -v ON_ERROR_STOP=1 -qc "$2"; }

for service in $services; do
  log "restoring $service from $backup/$service.dump"
  stop_service "$service"
  restoring="${service}_restoring" replaced="${service}_replaced"
  if sql "$service" "DROP DATABASE IF EXISTS $restoring" && sql "$service" "CREATE DATABASE $restoring OWNER $service" \
    && in_database "$service" pg_restore --username postgres --dbname "$restoring" --single-transaction \
      --exit-on-error <"$backup/$service.dump" \
    && sql "$service" "ALTER DATABASE $service RENAME TO $replaced"; then
    sql "$service" "ALTER DATABASE $restoring RENAME TO $service"
    sql "$service" "DROP DATABASE $replaced"
  else
    sql "$service" "DROP DATABASE IF EXISTS $restoring" || true
    start_service "$service"
    die "the restore of $service failed; its database is as it was"
  fi
  start_service "$service"
done
log "restored $(echo $services | sed 's/ /, /g') from $backup"
