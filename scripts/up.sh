#!/usr/bin/env bash
# Runs the whole system on this host: machine set-up, .env and .secrets (random passwords) the first time,
# then docker compose up (arguments passed on, e.g. --detach or --scale fares=3).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
bash scripts/setup.sh
export PATH=/usr/local/bin:$PATH
refuse_volumes_of_lost_passwords "$(databases_without_password "$(secrets_dir_of .env)")"
bash scripts/ensure-env-file.sh
use_host_ca_for_builds
# Images carry their version and commit, and are tagged <version>-<commit> (PSS_IMAGE_TAG).
eval "$(node tools/build/image-version.js)"
# One image at a time, each checked to be the service it is named after (see check_built_images).
docker compose --parallel 1 build
check_built_images .env
address=$(sed -n 's/^PSS_BIND_ADDRESS=//p' .env | tail -1)
port=$(sed -n 's/^PSS_WEBSITE_PORT=//p' .env | tail -1)
log "the website and its public API: http://${address:-127.0.0.1}:${port:-8001}/ (and /api/{service}/...)"
exec docker compose up "$@"
