#!/usr/bin/env bash
# The official postgres entrypoint's contract, reimplemented for the Debian-package image:
# POSTGRES_USER / POSTGRES_PASSWORD / POSTGRES_DB / POSTGRES_INITDB_ARGS / POSTGRES_HOST_AUTH_METHOD
# (and their *_FILE forms), /docker-entrypoint-initdb.d, a socket-only temporary server during
# initialisation, then the real server as PID 1 listening on all interfaces.
set -Eeo pipefail

file_env() {
  local var=$1 file_var="${1}_FILE" def=${2:-}
  if [ -n "${!var:-}" ] && [ -n "${!file_var:-}" ]; then
    echo >&2 "error: both $var and $file_var are set (they are exclusive)"; exit 1
  fi
  local val=$def
  if [ -n "${!var:-}" ]; then val=${!var}; elif [ -n "${!file_var:-}" ]; then val=$(< "${!file_var}"); fi
  export "$var"="$val"; unset "$file_var"
}

setup_env() {
  file_env POSTGRES_PASSWORD
  file_env POSTGRES_USER postgres
  file_env POSTGRES_DB "$POSTGRES_USER"
  file_env POSTGRES_INITDB_ARGS
  : "${POSTGRES_HOST_AUTH_METHOD:=}"
  DATABASE_ALREADY_EXISTS=
  [ -s "$PGDATA/PG_VERSION" ] && DATABASE_ALREADY_EXISTS=true
  return 0
}

verify_minimum_env() {
  if [ -z "$POSTGRES_PASSWORD" ] && [ "$POSTGRES_HOST_AUTH_METHOD" != trust ]; then
    cat >&2 <<'MSG'
Error: Database is uninitialized and superuser password is not specified.
       You must specify POSTGRES_PASSWORD to a non-empty value for the
       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".
       Or set POSTGRES_HOST_AUTH_METHOD=trust to allow all connections without a password.
MSG
    exit 1
  fi
}

init_database_dir() {
  # shellcheck disable=SC2086 # POSTGRES_INITDB_ARGS is a list of words on purpose
  initdb --username="$POSTGRES_USER" --pwfile=<(printf '%s\n' "$POSTGRES_PASSWORD") $POSTGRES_INITDB_ARGS
  local auth=${POSTGRES_HOST_AUTH_METHOD:-$(postgres -C password_encryption)}
  printf '\nhost all all all %s\n' "$auth" >> "$PGDATA/pg_hba.conf"
}

psql_init() { psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --no-password --no-psqlrc "$@"; }

temp_server_start() {
  PGUSER=$POSTGRES_USER pg_ctl -D "$PGDATA" -o "-c listen_addresses='' -p ${PGPORT:-5432}" -w start
}

setup_db() {
  local exists
  exists=$(psql_init --dbname postgres --set db="$POSTGRES_DB" --tuples-only <<<"SELECT 1 FROM pg_database WHERE datname = :'db';")
  if [ -z "$exists" ]; then
    psql_init --dbname postgres --set db="$POSTGRES_DB" <<<'CREATE DATABASE :"db";'
    echo
  fi
}

process_init_files() {
  local f
  for f in /docker-entrypoint-initdb.d/*; do
    case "$f" in
      *.sh) if [ -x "$f" ]; then echo "running $f"; "$f"; else echo "sourcing $f"; . "$f"; fi ;;
      *.sql) echo "running $f"; psql_init --dbname "$POSTGRES_DB" -f "$f"; echo ;;
      *.sql.gz) echo "running $f"; gunzip -c "$f" | psql_init --dbname "$POSTGRES_DB"; echo ;;
      *.sql.xz) echo "running $f"; xzcat "$f" | psql_init --dbname "$POSTGRES_DB"; echo ;;
      *.sql.zst) echo "running $f"; zstd -dc "$f" | psql_init --dbname "$POSTGRES_DB"; echo ;;
      /docker-entrypoint-initdb.d/\*) ;;
      *) echo "ignoring $f" ;;
    esac
  done
}

main() {
  if [ "${1:0:1}" = '-' ]; then set -- postgres "$@"; fi
  if [ "$1" = postgres ] && [[ " $* " != *" --help "* && " $* " != *" --version "* ]]; then
    setup_env
    mkdir -p "$PGDATA" && chmod 00700 "$PGDATA" || :
    if [ "$(id -u)" = 0 ]; then
      chown -R postgres "$PGDATA" /var/run/postgresql 2>/dev/null || :
      exec gosu postgres "$BASH_SOURCE" "$@"
    fi
    if [ -z "$DATABASE_ALREADY_EXISTS" ]; then
      verify_minimum_env
      init_database_dir
      export PGPASSWORD=$POSTGRES_PASSWORD
      temp_server_start
      setup_db
      process_init_files
      pg_ctl -D "$PGDATA" -m fast -w stop
      unset PGPASSWORD
      echo
      echo 'PostgreSQL init process complete; ready for start up.'
      echo
    else
      echo
      echo 'PostgreSQL Database directory appears to contain a database; Skipping initialization'
      echo
    fi
  fi
  exec "$@"
}

main "$@"
