#!/usr/bin/env bash
# Makes sure a Docker engine of version 25 or later answers, with the compose v2 and buildx plugins.
# Debian bookworm's docker.io is 20.10, whose health checks have no start interval: a container is
# checked at one pace from its start on, so a fast start means a busy engine for good (every check
# is an exec costing about 0.2 s of CPU on these machines; ADR 0015). Debian trixie's docker.io
# (26.1) and containerd run on bookworm's C library: they are installed from trixie with bookworm's
# runc and tini, as are compose and buildx (not in bookworm). An engine that already answers is
# left alone if it is recent enough.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

PLUGIN_DIR=/usr/libexec/docker/cli-plugins
MIN_ENGINE_MAJOR=25

# Downloads Debian trixie's packages $@ into $trixie_debs, without switching the machine to trixie.
download_from_trixie() {
  local work=$trixie_work
  mkdir -p "$work/state/lists/partial" "$work/cache/archives/partial" "$trixie_debs"
  local mirror
  mirror=$( (grep -shoE '^URIs: *\S+|^deb +\S+' /etc/apt/sources.list.d/*.sources /etc/apt/sources.list.d/*.list \
    /etc/apt/sources.list || true) | grep -v security | head -1 | awk '{print $2}')
  echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] ${mirror:-http://deb.debian.org/debian} trixie main" \
    > "$work/trixie.list"
  local opts=(-o "Dir::Etc::SourceList=$work/trixie.list" -o Dir::Etc::SourceParts=- \
    -o "Dir::State=$work/state" -o "Dir::Cache=$work/cache" -o Debug::NoLocking=1 -o APT::Sandbox::User=root)
  [ -n "${trixie_listed:-}" ] || { apt-get "${opts[@]}" update -qq; trixie_listed=yes; }
  (cd "$trixie_debs" && apt-get "${opts[@]}" download "$@" >/dev/null)
}

install_engine_from_trixie() {
  download_from_trixie docker.io containerd
  apt_update_once
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "$trixie_debs"/docker.io_*.deb "$trixie_debs"/containerd_*.deb >/dev/null
}

install_plugins_from_trixie() {
  download_from_trixie docker-compose docker-buildx
  for deb in "$trixie_debs"/docker-compose_*.deb "$trixie_debs"/docker-buildx_*.deb; do
    dpkg -x "$deb" "$trixie_work/root"
  done
  mkdir -p "$PLUGIN_DIR"
  cp "$trixie_work"/root/usr/libexec/docker/cli-plugins/* "$PLUGIN_DIR/"
}

# A process that runs: a killed daemon can linger as a zombie for a while, and must not count.
running() { ps -C "$1" -o stat= 2>/dev/null | grep -qv '^Z'; }

start_dockerd() {
  # A dockerd killed earlier leaves its pid file, and a new one then refuses to start.
  if [ -f /var/run/docker.pid ] && ! running dockerd; then rm -f /var/run/docker.pid; fi
  running containerd || (setsid containerd >/var/log/containerd.log 2>&1 &)
  # Published ports forwarded by the kernel (NAT), not by a docker-proxy process per port copying
  # every byte through user space (docs/adr/0021).
  running dockerd || (setsid dockerd --containerd=/run/containerd/containerd.sock \
    --userland-proxy=false >/var/log/dockerd.log 2>&1 &)
  for _ in $(seq 1 60); do docker info >/dev/null 2>&1 && return 0; sleep 1; done
  tail -20 /var/log/dockerd.log >&2
  die "dockerd did not answer within 60 s (log: /var/log/dockerd.log)"
}

installed_engine_major() {
  command -v dockerd >/dev/null || { echo 0; return; }
  dockerd --version | sed -E 's/^Docker version ([0-9]+).*/\1/'
}

trixie_work=$(mktemp -d)
trixie_debs=$trixie_work/debs
trap 'rm -rf "$trixie_work"' EXIT

if docker info >/dev/null 2>&1; then
  major=$(docker version --format '{{.Server.Version}}' | cut -d. -f1)
  [ "$major" -ge "$MIN_ENGINE_MAJOR" ] \
    || die "the Docker engine that answers is $(docker version --format '{{.Server.Version}}'); PSS needs $MIN_ENGINE_MAJOR or later (health checks' start interval): stop dockerd and containerd, and run this again to install 26.1 from Debian trixie"
else
  need_root
  if [ "$(installed_engine_major)" -lt "$MIN_ENGINE_MAJOR" ]; then
    log "installing docker.io and containerd from Debian trixie"
    install_engine_from_trixie
  fi
  log "starting dockerd"
  start_dockerd
fi
if ! docker compose version >/dev/null 2>&1 || ! docker buildx version >/dev/null 2>&1; then
  need_root
  log "installing compose v2 and buildx from Debian trixie"
  install_plugins_from_trixie
fi
log "engine $(docker version --format '{{.Server.Version}}'), $(docker compose version --short | sed 's/^/compose /'), $(docker buildx version | awk '{print "buildx " $2}')"
