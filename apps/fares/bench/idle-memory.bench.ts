// Idle memory of fares next to the floors of lighter stacks (ADR 0004), all in the fares image,
// with its node binary, its flags (NODE_OPTIONS and those of its command) and its slimmed
// node_modules: a bare Node HTTP server, then with pg, then NestJS (express, class-validator) with
// pg, then with TypeORM: the stack every PSS service uses, then that with the libraries of
// libs/platform loaded. Each serves one request and idles; then its /proc status is read.
import { workspaceRoot } from '@pss/testing';
import { join } from 'node:path';
import {
  benchNetwork,
  buildBenchImages,
  imageNodeFlags,
  residentMemory,
  startFromImage,
} from './bench-containers';

const IDLE_MS = 30_000;
const today = new Date().toISOString().slice(0, 10);

const fare = '/fares?flightNumber=BF101';
const platformLibraries = [
  '@nestjs/swagger',
  'nestjs-pino',
  'prom-client',
  '@nestjs/terminus',
  'cockatiel',
  '@nestjs/config',
];
// Each floor's arguments to node, after the image's flags; fares runs the image's own command.
const candidates = [
  { name: 'bare Node HTTP server', args: ['floor/node-http.js'], path: '/' },
  { name: 'Node HTTP server + pg', args: ['floor/node-http.js', 'pg'], path: fare },
  { name: 'NestJS + pg + class-validator', args: ['floor/nest.js', 'pg'], path: fare },
  { name: 'NestJS + TypeORM/pg + class-validator', args: ['floor/nest.js', 'typeorm'], path: fare },
  {
    name: "the same, with the platform's libraries loaded but unused",
    args: [...platformLibraries.flatMap((name) => ['--require', name]), 'floor/nest.js', 'typeorm'],
    path: fare,
  },
  { name: 'fares', args: undefined, path: `${fare}&flightDate=${today}` },
];

async function main(): Promise<void> {
  await buildBenchImages();
  const nodeFlags = await imageNodeFlags();
  const network = await benchNetwork();
  try {
    for (const candidate of candidates) {
      const { container } = await startFromImage(network, {
        command: candidate.args && ['node', ...nodeFlags, ...candidate.args],
        binds: [`${join(workspaceRoot, 'apps/fares/bench/floor')}:/app/floor:ro`],
        readyPath: candidate.path,
      });
      if (!candidate.args) await network.registered('FARES');
      await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
      console.log(`${candidate.name}, idle ${IDLE_MS / 1000} s: ${await residentMemory(container)}`);
      await container.remove({ force: true });
    }
  } finally {
    await network.remove();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
