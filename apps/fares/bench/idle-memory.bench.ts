// Idle memory of fares next to two floors (ADR 0004), all in the fares image, with its node binary,
// its flags and its slimmed node_modules: a bare Node HTTP server, and the smallest app on the
// stack every service uses (NestJS, express, TypeORM with pg, class-validator). Each serves one
// request and idles; then its /proc status is read.
import { join } from 'node:path';
import { benchNetwork, buildFaresImage, residentMemory, root, startFromImage } from './bench-containers';

const IDLE_MS = 30_000;
const today = new Date().toISOString().slice(0, 10);

const candidates = [
  { name: 'bare Node HTTP server', command: ['node', 'floor/node-http.js'], path: '/' },
  {
    name: 'NestJS + TypeORM/pg + class-validator',
    command: ['node', 'floor/nest-typeorm.js'],
    path: '/fares?flightNumber=BF101',
  },
  { name: 'fares', command: undefined, path: `/fares?flightNumber=BF101&flightDate=${today}` },
];

async function main(): Promise<void> {
  await buildFaresImage();
  const network = await benchNetwork();
  try {
    for (const candidate of candidates) {
      const { container } = await startFromImage(network, {
        command: candidate.command,
        binds: [`${join(root, 'apps/fares/bench/floor')}:/app/floor:ro`],
        readyPath: candidate.path,
      });
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
