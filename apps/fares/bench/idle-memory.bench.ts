// Idle memory of the fares bundle next to two floors, measured the same way on this host (ADR 0004):
// a bare Node HTTP server, and the smallest app on the stack every service uses (NestJS, express,
// TypeORM with pg, class-validator). Each serves one request, idles, and its /proc status is read.
import { createTestDatabase, startNodeProcess, startPostgres, workspaceRoot } from '@pss/testing';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const IDLE_MS = 20_000;
// As in the image (apps/fares/Dockerfile).
const NODE_FLAGS = ['--max-semi-space-size=1'];

const candidates = [
  { name: 'bare Node HTTP server', script: 'apps/fares/bench/floor/node-http.js', path: '/' },
  {
    name: 'NestJS + TypeORM/pg + class-validator',
    script: 'apps/fares/bench/floor/nest-typeorm.js',
    path: '/fares?flightNumber=BF101',
  },
  {
    name: 'fares (the bundle the image runs)',
    script: 'dist/apps/fares/main.js',
    path: `/fares?flightNumber=BF101&flightDate=${new Date().toISOString().slice(0, 10)}`,
  },
];

async function residentMemory(pid: number): Promise<string> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const mib = (field: string) =>
    (Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1]) / 1024).toFixed(1);
  return `RSS ${mib('VmRSS')} MiB (anonymous ${mib('RssAnon')}, file-backed ${mib('RssFile')})`;
}

async function main(): Promise<void> {
  await promisify(execFile)('node', ['libs/platform/tooling/build-service.js', 'apps/fares'], {
    cwd: workspaceRoot,
  });
  const postgres = await startPostgres();
  try {
    for (const candidate of candidates) {
      const { url } = await createTestDatabase(postgres.getConnectionUri());
      const service = await startNodeProcess([...NODE_FLAGS, join(workspaceRoot, candidate.script)], {
        NODE_ENV: 'production',
        DATABASE_URL: url,
      });
      try {
        const response = await fetch(`http://127.0.0.1:${service.port}${candidate.path}`);
        if (!response.ok) throw new Error(`${candidate.name} answered ${response.status}`);
        await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
        console.log(
          `${candidate.name}, idle ${IDLE_MS / 1000} s: ${await residentMemory(service.child.pid as number)}`,
        );
      } finally {
        await service.stop();
      }
    }
  } finally {
    await postgres.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
