#!/usr/bin/env bash
# Benchmarks (never timed tests): every bench/*.bench.ts in apps and libs, one after another.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/testcontainers-env.sh
benches=$(find apps libs -path '*/bench/*.bench.ts' 2>/dev/null | sort)
[ -n "$benches" ] || { echo "no benchmarks yet"; exit 0; }
export SWC_NODE_PROJECT=${SWC_NODE_PROJECT:-tsconfig.base.json} # the @pss/* path aliases
for bench in $benches; do
  echo "=== $bench ==="
  node --require @swc-node/register "$bench"
done
