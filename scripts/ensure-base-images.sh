#!/usr/bin/env bash
# The base images the Dockerfiles name (docker/images.env): present, pulled, or built here.
set -euo pipefail
exec bash "$(dirname "$0")/../docker/base-images/build.sh"
