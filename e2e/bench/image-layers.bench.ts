// The layer cache as the images use it: the five service images built from a copy of this work
// tree (the cache as it is found), then a one-line change in fares and fares built again. Reports
// the rebuild time and the bytes it changed (the layers the old image did not have), and each
// service image's own bytes beside the layers it shares with the other services (what `docker
// system df -v` adds up). Targets: the rebuild under 15 s and under 1 MB changed; under 2 MB of
// its own per image.
import { execFile } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { docker, workspaceRoot } from '@pss/testing';

const run = promisify(execFile);
const SERVICES = ['discovery', 'fares', 'search', 'booking', 'checkin'];
/** The compose service that builds each image (the two registry peers share one). */
const composeService = (service: string) => (service === 'discovery' ? 'discovery-1' : service);
const PREFIX = 'pss-layer-bench';
const MB = 1_000_000;

/** The work tree as it is (tracked files, with their changes), in a directory of its own. */
async function copyOfWorkTree(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'pss-layers-'));
  // Fresh modification times (tar -m): see check_built_images in scripts/lib.sh.
  await run('bash', ['-c', `git ls-files -z | xargs -0 tar -cf - | tar -xmf - -C "${dir}"`], {
    cwd: workspaceRoot,
  });
  return dir;
}

/** `docker compose build` of `services` in `dir`, tagged `tag`; resolves with the seconds it took. */
async function build(dir: string, tag: string, services: string[]): Promise<number> {
  const started = Date.now();
  await run(
    'docker',
    ['compose', '-p', PREFIX, '--parallel', '1', 'build', '--quiet', ...services.map(composeService)],
    {
      cwd: dir,
      env: {
        ...process.env,
        PSS_IMAGE_PREFIX: PREFIX,
        PSS_IMAGE_TAG: tag,
        // The same metadata every time: the one-line change is the only change.
        PSS_VERSION: '0.0.0-bench',
        PSS_REVISION: 'bench',
        PSS_CREATED: '2026-01-01T00:00:00Z',
        PSS_EXTRA_CA_FILE: process.env.PSS_EXTRA_CA_FILE ?? '/etc/ssl/certs/ca-certificates.crt',
      },
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  return (Date.now() - started) / 1000;
}

/**
 * The layers of `image` (their directories in the engine's overlay2 store, bottom to top) and the
 * bytes of each: the figures `docker system df -v` adds up, layer by layer. Needs the engine on
 * this host, as the other benchmarks do.
 */
async function layersOf(image: string): Promise<Map<string, number>> {
  const { GraphDriver } = (await docker.getImage(image).inspect()) as unknown as {
    GraphDriver: { Name: string; Data: { LowerDir?: string; UpperDir: string } };
  };
  if (GraphDriver.Name !== 'overlay2') throw new Error(`${GraphDriver.Name}: only overlay2 is measured`);
  const dirs = [...(GraphDriver.Data.LowerDir?.split(':').reverse() ?? []), GraphDriver.Data.UpperDir];
  const { stdout } = await run('du', ['-sb', ...dirs]);
  return new Map(
    stdout
      .trim()
      .split('\n')
      .map((line) => line.split('\t'))
      .map(([bytes, dir]) => [dir, Number(bytes)]),
  );
}

const sum = (values: Iterable<number>) => [...values].reduce((total, value) => total + value, 0);

async function main(): Promise<void> {
  const dir = await copyOfWorkTree();
  try {
    const first = await build(dir, 'before', SERVICES);
    console.log(
      `the five service images from a copy of the work tree: ${first.toFixed(1)} s (the cache as found)`,
    );
    const layers = new Map<string, Map<string, number>>();
    for (const service of SERVICES) layers.set(service, await layersOf(`${PREFIX}/${service}:before`));
    for (const [service, own] of layers) {
      const others = new Set(
        [...layers].filter(([name]) => name !== service).flatMap(([, l]) => [...l.keys()]),
      );
      const unique = sum([...own].filter(([dir]) => !others.has(dir)).map(([, bytes]) => bytes));
      const shared = sum([...own].filter(([dir]) => others.has(dir)).map(([, bytes]) => bytes));
      console.log(
        `  ${service}: ${(unique / MB).toFixed(2)} MB of its own beside ${(shared / MB).toFixed(0)} MB shared with the other services (target: under 2 MB)`,
      );
    }
    appendFileSync(join(dir, 'apps/fares/src/main.ts'), `export const rebuiltFor = '${Date.now()}';\n`);
    const rebuild = await build(dir, 'after', ['fares']);
    const before = layers.get('fares') ?? new Map<string, number>();
    const after = await layersOf(`${PREFIX}/fares:after`);
    const changed = sum([...after].filter(([dir]) => !before.has(dir)).map(([, bytes]) => bytes));
    console.log(
      `a one-line change in fares: rebuilt in ${rebuild.toFixed(1)} s, ${(changed / MB).toFixed(2)} MB of image changed (targets: 15 s, 1 MB)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
    const { stdout } = await run('docker', [
      'images',
      '--format',
      '{{.Repository}}:{{.Tag}}',
      '--filter',
      `reference=${PREFIX}/*`,
    ]);
    const names = stdout.split('\n').filter(Boolean);
    if (names.length > 0) await run('docker', ['rmi', ...names]);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
