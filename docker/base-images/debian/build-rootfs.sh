#!/usr/bin/env bash
# Imports a minimal Debian trixie root file system (debootstrap) as the local image named in $1.
# It is the FROM of the other base-image builds; nothing outside this folder uses it.
set -euo pipefail
. "$(dirname "$0")/../../../scripts/lib.sh"
tag=$1
need_root
apt_install debootstrap
mirror=$( (grep -shoE '^URIs: *\S+|^deb +\S+' /etc/apt/sources.list.d/*.sources /etc/apt/sources.list.d/*.list \
  /etc/apt/sources.list || true) | grep -v security | head -1 | awk '{print $2}')
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
log "debootstrap trixie from ${mirror:=http://deb.debian.org/debian} (about a minute)"
debootstrap --variant=minbase trixie "$root" "$mirror" >/dev/null
# What the official debian:*-slim images do: no docs, no man pages, empty apt lists.
cat > "$root/etc/dpkg/dpkg.cfg.d/docker-slim" <<'CFG'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/info/*
path-exclude /usr/share/locale/*
CFG
echo 'APT::Install-Recommends "false";' > "$root/etc/apt/apt.conf.d/docker-no-recommends"
echo "deb $mirror trixie main" > "$root/etc/apt/sources.list"
rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/*.bin "$root"/var/cache/apt/archives/*.deb \
  "$root"/usr/share/doc/* "$root"/usr/share/man/* "$root"/usr/share/locale/*
tar -C "$root" -c . | docker import \
  --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change 'CMD ["bash"]' \
  --message "debootstrap --variant=minbase trixie $mirror" - "$tag" >/dev/null
log "imported $tag"
