#!/usr/bin/env bash
# Runs the whole system on this host: machine set-up, then docker compose up (arguments passed on).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
if [ ! -f docker-compose.yml ]; then
  echo "No services yet: docker-compose.yml arrives with the first service (fares, then discovery," \
    "search, booking, checkin, each with its PostgreSQL, and RabbitMQ)." >&2
  exit 0
fi
exec docker compose up --build "$@"
