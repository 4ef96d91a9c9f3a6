// Outbox-to-consumer throughput and commit-to-applied latency (run by `npm run bench`).
// scripts/bench.sh starts node with @swc-node/register, which reads the workspace path aliases only
// from SWC_NODE_PROJECT (the root has no tsconfig.json); without it, run again under this
// project's tsconfig. The benchmark itself is in outbox-benchmark.ts, loaded only then.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

if (process.env.SWC_NODE_PROJECT) {
  require('./outbox-benchmark');
} else {
  const run = spawnSync(process.execPath, ['--require', '@swc-node/register', __filename], {
    stdio: 'inherit',
    env: { ...process.env, SWC_NODE_PROJECT: join(__dirname, '..', 'tsconfig.json') },
  });
  process.exit(run.status ?? 1);
}
