import { baseImages, extraCaBundle, waitUntil } from '@pss/testing';
import Docker from 'dockerode';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

export const docker = new Docker();

/** `docker build` with BuildKit (the Dockerfile mounts secrets and caches); the CA only if present. */
export async function buildImage(dockerfile: string, tag: string, context: string): Promise<void> {
  const caBundle = extraCaBundle();
  const secret = caBundle ? ['--secret', `id=extra_ca,src=${caBundle}`] : [];
  await promisify(execFile)('docker', ['build', '-f', dockerfile, '-t', tag, ...secret, context], {
    env: { ...process.env, DOCKER_BUILDKIT: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
}

export async function imageSize(tag: string): Promise<number> {
  return (await docker.getImage(tag).inspect()).Size;
}

/** Runs `command` in the container; resolves with its exit code and output. */
export async function exec(
  container: Docker.Container,
  command: string[],
): Promise<{ code: number; output: string }> {
  const run = await container.exec({ Cmd: command, AttachStdout: true, AttachStderr: true });
  const stream = await run.start({});
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  await new Promise((resolve) => stream.on('end', resolve));
  const { ExitCode } = await run.inspect();
  return { code: ExitCode ?? -1, output: Buffer.concat(chunks).toString('utf8') };
}

/** The container's log lines (stdout and stderr, demultiplexed). */
export async function logLines(container: Docker.Container): Promise<string[]> {
  const raw = await container.logs({ stdout: true, stderr: true, follow: false });
  const lines: string[] = [];
  for (let offset = 0; offset + 8 <= raw.length;) {
    const size = raw.readUInt32BE(offset + 4);
    lines.push(
      ...raw
        .subarray(offset + 8, offset + 8 + size)
        .toString('utf8')
        .split('\n'),
    );
    offset += 8 + size;
  }
  return lines.filter((line) => line.trim() !== '');
}

/** Runs a container to completion; resolves with its exit code and log lines, and removes it. */
export async function runToCompletion(
  options: Docker.ContainerCreateOptions,
): Promise<{ code: number; lines: string[] }> {
  const container = await docker.createContainer(options);
  try {
    await container.start();
    const { StatusCode } = (await container.wait()) as { StatusCode: number };
    return { code: StatusCode, lines: await logLines(container) };
  } finally {
    await container.remove({ force: true });
  }
}

/**
 * PostgreSQL as the compose file gives it to fares: `fares-db` on the network, user, password and
 * database `fares`. Resolves once it accepts connections.
 */
export async function startFaresDatabase(
  networkId: string,
  options: Pick<Docker.ContainerCreateOptions, 'name' | 'Labels'> = {},
): Promise<Docker.Container> {
  const database = await docker.createContainer({
    ...options,
    Image: baseImages.postgres,
    Env: ['POSTGRES_USER=fares', 'POSTGRES_PASSWORD=fares', 'POSTGRES_DB=fares'],
    HostConfig: { NetworkMode: networkId },
    NetworkingConfig: { EndpointsConfig: { [networkId]: { Aliases: ['fares-db'] } } },
  });
  try {
    await database.start();
    await waitUntil(
      'PostgreSQL',
      async () => (await exec(database, ['pg_isready', '-h', '127.0.0.1'])).code === 0,
      90_000,
    );
    return database;
  } catch (error) {
    await database.remove({ force: true }).catch(() => undefined);
    throw error;
  }
}
