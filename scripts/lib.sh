# Shared helpers for the machine set-up scripts. Sourced, not run.
log() { printf '[%s] %s\n' "$(basename "$0" .sh)" "$*" >&2; }
die() { log "error: $*"; exit 1; }
need_root() { [ "$(id -u)" -eq 0 ] || die "must run as root (it installs system packages)"; }

# apt-get update at most once per hour: it is the slow part of every install.
apt_update_once() {
  local stamp=/var/lib/apt/periodic/pss-update-stamp
  if [ -z "$(find "$stamp" -mmin -60 2>/dev/null)" ]; then
    apt-get update -qq
    mkdir -p "$(dirname "$stamp")" && touch "$stamp"
  fi
}

apt_install() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  apt_update_once
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# The secrets directory compose reads for an env file: PSS_SECRETS_DIR of the environment, else of
# the env file, else .secrets; absolute.
secrets_dir_of() {
  local env_file=$1 root dir
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
  dir=${PSS_SECRETS_DIR:-$(sed -n 's/^PSS_SECRETS_DIR=//p' "$env_file" 2>/dev/null | tail -1)}
  dir=${dir:-./.secrets}
  [[ $dir = /* ]] || dir="$root/${dir#./}"
  printf '%s\n' "$dir"
}

# The services of services.json that have a database of their own (named after the service), one a line.
databases_of_services() {
  node -e 'const { services } = require("./services.json");
    for (const [name, { database }] of Object.entries(services)) if (database) console.log(name);'
}

# Where an operator script finds the stack: the Swarm stack $PSS_STACK when it is set (its
# databases' tasks on this node), else the compose project here, with env file $PSS_ENV_FILE
# (default .env). The helpers below act on it.
stack_target() {
  if [ -n "${PSS_STACK:-}" ]; then
    [ "$(docker stack ls --format '{{.Name}}' | grep -cx "$PSS_STACK")" = 1 ] || die "there is no stack $PSS_STACK on this engine"
  else
    env_file=${PSS_ENV_FILE:-.env}
    [ -f "$env_file" ] || die "no env file at $env_file: is this the stack's directory?"
  fi
}

# Runs a command in service $1's database container.
in_database() {
  local service=$1 container
  shift
  if [ -z "${PSS_STACK:-}" ]; then
    docker compose --progress quiet --env-file "$env_file" exec -T "$service-db" "$@"
    return
  fi
  container=$(docker ps --quiet --filter "label=com.docker.swarm.service.name=${PSS_STACK}_$service-db" | head -n 1)
  [ -n "$container" ] || die "no task of ${PSS_STACK}_$service-db runs on this node: run this on the node labelled pss.data=true"
  docker exec -i "$container" "$@"
}

# Stops service $1's every instance; start_service starts as many again and waits until they are healthy.
stop_service() {
  if [ -z "${PSS_STACK:-}" ]; then
    docker compose --progress quiet --env-file "$env_file" stop "$1"
    return
  fi
  stopped_replicas=$(docker service inspect --format '{{.Spec.Mode.Replicated.Replicas}}' "${PSS_STACK}_$1")
  docker service scale --detach=false "${PSS_STACK}_$1=0" >/dev/null
}
start_service() {
  if [ -n "${PSS_STACK:-}" ]; then
    docker service scale --detach=false "${PSS_STACK}_$1=$stopped_replicas" >/dev/null
    return
  fi
  local deadline=$((SECONDS + 180)) states
  docker compose --progress quiet --env-file "$env_file" start "$1"
  while :; do
    states=$(docker compose --env-file "$env_file" ps --all --format '{{.Health}}' "$1")
    [ -n "$states" ] && ! grep -qv '^healthy$' <<<"$states" && return 0
    [ $SECONDS -lt $deadline ] || die "$1 not healthy after 3 minutes: see docker compose ps $1"
    sleep 2
  done
}

# The services of services.json with a database whose password is not in secrets directory $1.
databases_without_password() {
  node -e 'const { services } = require("./services.json");
    for (const [name, { database }] of Object.entries(services))
      if (database && !require("fs").existsSync(`${process.argv[1]}/${name}-db-password`)) console.log(name);' "$1"
}

# A database's volume keeps the passwords it was initialised with. When its service's password is
# missing (a fresh clone, a deleted .secrets) and would be made afresh while its volume from an
# earlier run is still here, the database would refuse every connection: stop before anything is
# made, and say so. $1: the services, one a line.
refuse_volumes_of_lost_passwords() {
  local env_file=.env project service
  [ -n "$1" ] || return 0
  [ -f "$env_file" ] || env_file=.env.example
  project=$(docker compose --env-file "$env_file" config --format json | node -pe 'JSON.parse(require("fs").readFileSync(0)).name')
  for service in $1; do
    docker volume inspect "${project}_${service}-data" >/dev/null 2>&1 || continue
    die "the volume ${project}_${service}-data holds a $service database initialised with a password the secrets do not have: put back the secrets it was made with, or start afresh with 'docker compose down --volumes' (which deletes its data)"
  done
}

# The images compose builds for PSS with env file $1, one per line, as the compose file names them now.
pss_images() {
  docker compose --env-file "$1" config --format json \
    | node -e 'const { services } = JSON.parse(require("fs").readFileSync(0, "utf8"));
      const built = Object.values(services).filter((s) => s.build).map((s) => s.image);
      console.log([...new Set(built)].join("\n"));'
}

# Fails unless every PSS image (env file $1) is the service it is named after. Docker 20.10's
# BuildKit skips sending a Dockerfile whose name, size and modification time match the one it was
# sent before, and builds with that one: booking's and checkin's are the same size, and files
# written in the same clock tick share an mtime. Each app's Dockerfile has a name of its own
# (apps/<name>/<name>.Dockerfile) for this; the check keeps it from coming back unseen.
check_built_images() {
  local image service title
  for image in $(pss_images "$1"); do
    service=${image##*/} && service=${service%%:*}
    title=$(docker image inspect --format '{{index .Config.Labels "org.opencontainers.image.title"}}' "$image" 2>/dev/null) \
      || die "$image is not built here"
    [ "$title" = "pss-$service" ] || die "$image was built as $title, not pss-$service: each app's Dockerfile must have a name of its own"
  done
}

# The env file the operator scripts read (PSS_ENV_FILE, default .env) in $env_file, made from
# .env.example with its secrets when missing.
ensure_operator_env() {
  env_file=${PSS_ENV_FILE:-.env}
  bash scripts/ensure-env-file.sh "$env_file"
}

# Image builds run npm: behind a TLS-inspecting proxy it needs the proxy's CA, which the host's
# bundle has. It is passed as a build secret, never stored in an image.
use_host_ca_for_builds() {
  if [ -z "${PSS_EXTRA_CA_FILE:-}" ] && [ -f /etc/ssl/certs/ca-certificates.crt ]; then
    export PSS_EXTRA_CA_FILE=/etc/ssl/certs/ca-certificates.crt
  fi
}
