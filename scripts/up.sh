#!/usr/bin/env bash
# Runs the whole system on this host: machine set-up, .env and .secrets (random passwords) the first time,
# then docker compose up (arguments passed on, e.g. --detach or --scale fares=3).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
bash scripts/setup.sh
bash scripts/ensure-env-file.sh
export PATH=/usr/local/bin:$PATH
# Image builds run npm: behind a TLS-inspecting proxy it needs the proxy's CA, which the host's
# bundle has. It is passed as a build secret, never stored in an image.
if [ -z "${PSS_EXTRA_CA_FILE:-}" ] && [ -f /etc/ssl/certs/ca-certificates.crt ]; then
  export PSS_EXTRA_CA_FILE=/etc/ssl/certs/ca-certificates.crt
fi
# Images carry their version and commit, and are tagged <version>-<commit> (PSS_IMAGE_TAG).
eval "$(node tools/build/image-version.js)"
# One image at a time, each checked to be the service it is named after (see check_built_images).
docker compose --parallel 1 build
check_built_images .env
exec docker compose up "$@"
