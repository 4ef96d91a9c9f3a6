#!/usr/bin/env bash
# Runs once, when the database's volume is new (docker-entrypoint-initdb.d): makes the role the
# service connects as, PSS_SERVICE_ROLE, with the password in /run/secrets/service-password. It owns
# the service's database and nothing else: no superuser, no role or database creation, so a
# compromised service can neither read another database nor run programs on the server.
set -euo pipefail
role=${PSS_SERVICE_ROLE:?PSS_SERVICE_ROLE names the role the service connects as}
password=$(</run/secrets/service-password)
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v role="$role" -v password="$password" -v database="$POSTGRES_DB" <<'SQL'
CREATE ROLE :"role" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'password';
ALTER DATABASE :"database" OWNER TO :"role";
REVOKE CONNECT ON DATABASE postgres FROM PUBLIC;
SQL
