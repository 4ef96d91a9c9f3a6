#!/usr/bin/env bash
# Makes sure a Docker engine answers, with the compose v2 and buildx plugins.
# An engine that already answers is left alone. Otherwise: install Debian's docker.io,
# take compose and buildx from Debian trixie (not in bookworm), start dockerd, wait for it.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

PLUGIN_DIR=/usr/libexec/docker/cli-plugins

install_plugins_from_trixie() {
  local work; work=$(mktemp -d)
  trap 'rm -rf "$work"' RETURN
  mkdir -p "$work/state/lists/partial" "$work/cache/archives/partial" "$work/debs"
  local mirror
  mirror=$( (grep -shoE '^URIs: *\S+|^deb +\S+' /etc/apt/sources.list.d/*.sources /etc/apt/sources.list.d/*.list \
    /etc/apt/sources.list || true) | grep -v security | head -1 | awk '{print $2}')
  echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] ${mirror:-http://deb.debian.org/debian} trixie main" \
    > "$work/trixie.list"
  local opts=(-o "Dir::Etc::SourceList=$work/trixie.list" -o Dir::Etc::SourceParts=- \
    -o "Dir::State=$work/state" -o "Dir::Cache=$work/cache" -o Debug::NoLocking=1 -o APT::Sandbox::User=root)
  apt-get "${opts[@]}" update -qq
  (cd "$work/debs" && apt-get "${opts[@]}" download docker-compose docker-buildx >/dev/null)
  for deb in "$work"/debs/*.deb; do dpkg -x "$deb" "$work/root"; done
  mkdir -p "$PLUGIN_DIR"
  cp "$work"/root/usr/libexec/docker/cli-plugins/* "$PLUGIN_DIR/"
}

# A process that runs: a killed daemon can linger as a zombie for a while, and must not count.
running() { ps -C "$1" -o stat= 2>/dev/null | grep -qv '^Z'; }

start_dockerd() {
  # A dockerd killed earlier leaves its pid file, and a new one then refuses to start.
  if [ -f /var/run/docker.pid ] && ! running dockerd; then rm -f /var/run/docker.pid; fi
  running containerd || (setsid containerd >/var/log/containerd.log 2>&1 &)
  running dockerd || (setsid dockerd --containerd=/run/containerd/containerd.sock \
    >/var/log/dockerd.log 2>&1 &)
  for _ in $(seq 1 60); do docker info >/dev/null 2>&1 && return 0; sleep 1; done
  tail -20 /var/log/dockerd.log >&2
  die "dockerd did not answer within 60 s (log: /var/log/dockerd.log)"
}

if ! docker info >/dev/null 2>&1; then
  need_root
  command -v dockerd >/dev/null || { log "installing docker.io"; apt_install docker.io; }
  log "starting dockerd"
  start_dockerd
fi
if ! docker compose version >/dev/null 2>&1 || ! docker buildx version >/dev/null 2>&1; then
  need_root
  log "installing compose v2 and buildx from Debian trixie"
  install_plugins_from_trixie
fi
log "engine $(docker version --format '{{.Server.Version}}'), $(docker compose version --short | sed 's/^/compose /'), $(docker buildx version | awk '{print "buildx " $2}')"
