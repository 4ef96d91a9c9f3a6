#!/usr/bin/env bash
# Rolls the stack $PSS_STACK (default pss) back to the version it ran before its last deploy: reads
# that version from Swarm's previous spec of the stack's services and deploys it again with
# scripts/swarm-deploy.sh, from the registry it came from (or from this engine's images). The same
# as PSS_IMAGE_TAG=<version> PSS_IMAGE_PREFIX=<registry>/pss bash scripts/swarm-deploy.sh. Like
# `docker service rollback`, a second rollback undoes the first.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
stack=${PSS_STACK:-pss}
spec_image() {
  docker service inspect "${stack}_fares" --format "{{with .$1}}{{.TaskTemplate.ContainerSpec.Image}}{{end}}" 2>/dev/null \
    || die "there is no stack $stack on this engine"
}
previous=$(spec_image PreviousSpec)
[ -n "$previous" ] || die "stack $stack has no previous version to roll back to"
image=${previous%@*}
tag=${image##*:} && repository=${image%:*} && prefix=${repository%/*}
current=$(spec_image Spec) && current=${current%@*}
[ "${current##*:}" != "$tag" ] || die "stack $stack runs $tag already"
log "rolling stack $stack back from ${current##*:} to $tag"
if [ "$prefix" = pss ]; then
  PSS_IMAGE_TAG=$tag PSS_SKIP_BUILD=true exec bash scripts/swarm-deploy.sh
fi
PSS_IMAGE_TAG=$tag PSS_IMAGE_PREFIX=$prefix exec bash scripts/swarm-deploy.sh
