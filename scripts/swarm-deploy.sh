#!/usr/bin/env bash
# Deploys PSS to Docker Swarm as the stack $PSS_STACK (default pss): docker-compose.yml with
# docker-compose.swarm.yml over it, rendered for `docker stack deploy` by tools/swarm/stack-file.js.
# On a host in no swarm it makes a single-node one. The stateful services (databases, RabbitMQ,
# Prometheus) run on the node labelled pss.data=true; when no node is, this one gets the label.
# Images: built here; or, with PSS_IMAGE_PREFIX, pulled from a registry by every node (publish them
# with scripts/publish.sh first; the project's registry is checked to hold every one of them before
# anything changes). Rolling back is deploying the previous version: PSS_IMAGE_TAG=<version-commit>.
#   PSS_IMAGE_PREFIX          <registry>/pss, e.g. 127.0.0.1:5000/pss (default: the local images)
#   PSS_IMAGE_TAG             the version to deploy (default: this work tree's <version>-<commit>)
#   PSS_ENV_FILE              the env file (default .env, made from .env.example when missing)
#   PSS_SECRETS_DIR           the secret files (default: as the env file says; made when missing)
#   PSS_SWARM_ENDPOINT_MODE   vip (default) or dnsrr, for hosts without IPVS (see stack-file.js)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
export PATH=/usr/local/bin:$PATH
stack=${PSS_STACK:-pss}
ensure_operator_env
use_host_ca_for_builds

# Images carry their version and commit, and are tagged <version>-<commit> (PSS_IMAGE_TAG).
eval "$(node tools/build/image-version.js)"
deploy=(docker stack deploy)
if [ -n "${PSS_IMAGE_PREFIX:-}" ]; then
  . scripts/image-registry-lib.sh
  if [ "${PSS_IMAGE_PREFIX%%/*}" = "$image_registry" ]; then
    image_registry_answers || die "no image registry answers at http://$image_registry/v2/; nothing was deployed"
    for image in $(pss_images "$env_file"); do
      repository=${image#"$image_registry"/} && repository=${repository%:*}
      image_registry_has "$repository" "$PSS_IMAGE_TAG" \
        || die "the image registry at $image_registry holds no $repository:$PSS_IMAGE_TAG (publish it with scripts/publish.sh); nothing was deployed"
    done
    deploy=(with_image_registry_login docker stack deploy --with-registry-auth)
  fi
fi

if [ "$(docker info --format '{{.Swarm.LocalNodeState}}')" != active ]; then
  log "this engine is in no swarm: making a single-node one"
  docker swarm init --advertise-addr "${PSS_SWARM_ADVERTISE_ADDR:-127.0.0.1}" >/dev/null
fi
if [ -z "$(docker node ls --quiet --filter node.label=pss.data=true)" ]; then
  log "no node is labelled pss.data=true: this one holds the databases"
  docker node update --label-add pss.data=true "$(docker info --format '{{.Swarm.NodeID}}')" >/dev/null
fi

compose=(docker compose --env-file "$env_file" -f docker-compose.yml -f docker-compose.swarm.yml)
if [ "${PSS_SKIP_BUILD:-}" != true ] && [ -z "${PSS_IMAGE_PREFIX:-}" ]; then
  "${compose[@]}" --parallel 1 build --quiet
  check_built_images "$env_file"
fi
# Images only on this engine have no registry digest to pin.
resolve=never
[ -n "${PSS_IMAGE_PREFIX:-}" ] && resolve=always
"${compose[@]}" config --format json \
  | node tools/swarm/stack-file.js --endpoint-mode "${PSS_SWARM_ENDPOINT_MODE:-vip}" \
  | "${deploy[@]}" --detach=true --resolve-image "$resolve" --compose-file - "$stack"
log "deployed $PSS_IMAGE_TAG as stack $stack: docker stack services $stack"
