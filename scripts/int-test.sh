#!/usr/bin/env bash
# Integration tests of one project (or of all, without an argument), on real containers:
#   bash scripts/int-test.sh apps/fares
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/testcontainers-env.sh
exec bash scripts/jest.sh --config jest.int.config.ts --passWithNoTests "$@"
