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
