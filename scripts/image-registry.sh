#!/usr/bin/env bash
# Runs the project's image registry (docker/image-registry/compose.yml) on this host, at
# PSS_IMAGE_REGISTRY_BIND:PSS_IMAGE_REGISTRY_PORT (127.0.0.1:5000), basic auth for the user pss
# with the generated password in the secrets directory (image-registry-password). Images are kept
# on the volume pss-images_images.
#   bash scripts/image-registry.sh [up | down [--volumes]]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
export PATH=/usr/local/bin:$PATH
ensure_operator_env
bash docker/base-images/build.sh image-registry
set -a && . docker/images.env && set +a
PSS_SECRETS_DIR=$(secrets_dir_of "$env_file")
export PSS_SECRETS_DIR
compose=(docker compose --project-directory . --env-file "$env_file" -f docker/image-registry/compose.yml)
case "${1:-up}" in
  up)
    "${compose[@]}" up --detach --wait --quiet-pull
    log "the image registry answers at http://127.0.0.1:${PSS_IMAGE_REGISTRY_PORT:-5000} (user pss, password in $PSS_SECRETS_DIR/image-registry-password)"
    ;;
  down) "${compose[@]}" down "${@:2}" ;;
  *) die "usage: scripts/image-registry.sh [up|down]" ;;
esac
