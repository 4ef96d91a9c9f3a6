#!/usr/bin/env bash
# The test command: type checks, lint, unit tests, integration tests (real PostgreSQL and RabbitMQ
# through testcontainers), the system suite (the repository's docker-compose.yml driven over HTTP,
# fault drills included) and the same services on a single-node Docker Swarm. Runs every step,
# then prints a summary; exits non-zero if any failed.
set -uo pipefail
cd "$(dirname "$0")/.."
. scripts/testcontainers-env.sh
# nx loads the workspace's plugins in its own process rather than in a worker process per plugin,
# each loading nx and TypeScript again: `nx sync:check` takes 2 CPU-s instead of 9.
export NX_ISOLATE_PLUGINS=false

reports=$(mktemp -d)
trap 'rm -rf "$reports"' EXIT
failed=()
timings=()
step() {
  local name=$1 started=$SECONDS; shift
  printf '\n=== %s ===\n' "$name"
  "$@" || failed+=("$name")
  timings+=("$name $((SECONDS - started)) s")
}
# A step that outlives its limit is stopped and counts as failed: nothing can hold CI to its end.
limit() { timeout --kill-after=30s "$@"; }

# Every project's type check in one build of the root tsconfig.json's project references (what
# `nx run-many -t typecheck` does project by project); then nx computes the project graph that the
# module-boundaries lint rule reads.
step typecheck npx tsc -b
step sync npx nx sync:check
step lint npx eslint . --max-warnings=0
step unit limit 10m bash scripts/jest.sh --config jest.unit.config.ts --json --outputFile="$reports/unit.json"
step integration limit 30m bash scripts/jest.sh --config jest.int.config.ts --json --outputFile="$reports/int.json"
step system limit 20m bash scripts/jest.sh --config jest.system.config.ts --json --outputFile="$reports/system.json"
step swarm limit 15m bash scripts/jest.sh --config jest.swarm.config.ts --json --outputFile="$reports/swarm.json"

printf '\n=== summary ===\n'
node scripts/jest/summary.js "$reports"/*.json
printf 'took: %s\n' "$(IFS=,; echo "${timings[*]}" | sed 's/,/, /g')"
if [ ${#failed[@]} -gt 0 ]; then
  echo "failed steps: ${failed[*]}"
  exit 1
fi
echo "all steps passed"
