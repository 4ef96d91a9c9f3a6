import { execFile } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { lock } from 'proper-lockfile';
import { extraCaBundle, workspaceRoot } from '../images';

/** What scripts/up.sh builds images as (tools/build/image-version.js): version, commit, time, source. */
export async function imageVersion(root = workspaceRoot): Promise<Record<string, string>> {
  const { stdout } = await promisify(execFile)('node', ['tools/build/image-version.js', '--json'], {
    cwd: root,
  });
  return JSON.parse(stdout) as Record<string, string>;
}

/**
 * One build at a time on this machine, whichever jest worker or workspace copy asks: the engine's
 * BuildKit (Docker 20.10) can mix up the Dockerfiles of builds that run at once from one context.
 */
const BUILD_LOCK = join(tmpdir(), 'pss-docker-build');

/** Runs `build` (anything that builds images: docker build, compose build) holding the build lock. */
async function withBuildLock<T>(build: () => Promise<T>): Promise<T> {
  const release = await lock(BUILD_LOCK, {
    realpath: false,
    retries: { retries: 1_000, minTimeout: 200, maxTimeout: 1_000 },
  });
  try {
    return await build();
  } finally {
    await release();
  }
}

/**
 * `docker build` of a service's Dockerfile from the repository root, as compose builds it: with
 * BuildKit (the Dockerfiles mount secrets and caches), the optional proxy CA as a secret, and the
 * version build args scripts/up.sh gives.
 */
export async function buildServiceImage(service: string, tag: string): Promise<void> {
  const caBundle = extraCaBundle();
  const secret = caBundle ? ['--secret', `id=extra_ca,src=${caBundle}`] : [];
  const buildArgs = Object.entries(await imageVersion())
    .filter(([name]) => name !== 'PSS_IMAGE_TAG')
    .flatMap(([name, value]) => ['--build-arg', `${name}=${value}`]);
  const args = [
    'build',
    '-f',
    `apps/${service}/${service}.Dockerfile`,
    '-t',
    tag,
    ...secret,
    ...buildArgs,
    '.',
  ];
  await withBuildLock(async () => {
    try {
      await promisify(execFile)('docker', args, {
        cwd: workspaceRoot,
        env: { ...process.env, DOCKER_BUILDKIT: '1' },
        maxBuffer: 64 * 1024 * 1024,
      });
    } catch (error) {
      const { stderr } = error as { stderr?: string };
      throw new Error(`docker build of ${service} failed:\n${stderr?.split('\n').slice(-30).join('\n')}`);
    }
  });
}
