#!/usr/bin/env bash
# Builds every PSS image (the layer cache makes this quick when little changed) and pushes it to the
# project's image registry with its version tag: <registry>/pss/<service>:<version>-<commit>.
# A second host then deploys it: PSS_IMAGE_PREFIX=<registry>/pss bash scripts/swarm-deploy.sh.
#   PSS_IMAGE_REGISTRY  the registry (default 127.0.0.1:5000, run by scripts/image-registry.sh)
#   PSS_IMAGE_TAG       the tag (default <version>-<commit>, tools/build/image-version.js)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
export PATH=/usr/local/bin:$PATH
ensure_operator_env
. scripts/image-registry-lib.sh
image_registry_answers \
  || die "no image registry answers at http://$image_registry/v2/: start it with bash scripts/image-registry.sh (or set PSS_IMAGE_REGISTRY); nothing was published"
use_host_ca_for_builds
eval "$(node tools/build/image-version.js)"
export PSS_IMAGE_PREFIX=$image_registry/pss
# One image at a time: see scripts/up.sh.
[ "${PSS_SKIP_BUILD:-}" = true ] || docker compose --env-file "$env_file" --parallel 1 build --quiet
check_built_images "$env_file"
images=$(pss_images "$env_file")
push_all() { for image in $images; do docker push --quiet "$image" >/dev/null; done; }
with_image_registry_login push_all
log "published $PSS_IMAGE_TAG to $image_registry: $(echo $images | tr ' ' '\n' | sed 's|.*/||; s|:.*||' | paste -sd ' ')"
