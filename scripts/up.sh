#!/usr/bin/env bash
# Runs the whole system on this host: machine set-up, .env and .secrets (random passwords) the first time,
# then docker compose up (arguments passed on, e.g. --detach or --scale fares=3).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
bash scripts/setup.sh
bash scripts/ensure-env-file.sh
export PATH=/usr/local/bin:$PATH
use_host_ca_for_builds
# Images carry their version and commit, and are tagged <version>-<commit> (PSS_IMAGE_TAG).
eval "$(node tools/build/image-version.js)"
# One image at a time, each checked to be the service it is named after (see check_built_images).
docker compose --parallel 1 build
check_built_images .env
exec docker compose up "$@"
