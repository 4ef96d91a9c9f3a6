#!/usr/bin/env bash
# Benchmarks (never timed tests): every bench/*.bench.ts under apps, libs and e2e, one after
# another, or those of one project: bash scripts/bench.sh apps/fares
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/testcontainers-env.sh
benches=$(find "${@:-apps libs e2e}" -path '*/bench/*.bench.ts' 2>/dev/null | sort)
[ -n "$benches" ] || { echo "no benchmarks"; exit 0; }
export SWC_NODE_PROJECT=${SWC_NODE_PROJECT:-tsconfig.base.json} # the @pss/* path aliases
for bench in $benches; do
  echo "=== $bench ==="
  node --require @swc-node/register "$bench"
done
