import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { extraCaBundle, workspaceRoot } from '../images';

/**
 * `docker build` of a service's Dockerfile from the repository root, as compose builds it: with
 * BuildKit (the Dockerfiles mount secrets and caches) and the optional proxy CA as a secret.
 */
export async function buildServiceImage(service: string, tag: string): Promise<void> {
  const caBundle = extraCaBundle();
  const secret = caBundle ? ['--secret', `id=extra_ca,src=${caBundle}`] : [];
  const args = ['build', '-f', `apps/${service}/Dockerfile`, '-t', tag, ...secret, '.'];
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
}
