#!/usr/bin/env bash
# Makes this machine ready to build, run and test PSS: Node 24, a Docker engine with compose v2
# and buildx, the base images, and chromium for the website's browser tests. Idempotent; quick
# when there is nothing to do.
set -euo pipefail
here=$(dirname "$0")
bash "$here/ensure-node.sh"
bash "$here/ensure-docker.sh"
bash "$here/ensure-base-images.sh"
bash "$here/ensure-browser.sh"
