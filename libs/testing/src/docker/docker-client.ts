import Docker from 'dockerode';
import { waitUntil } from '../eventually';

/** The local engine (DOCKER_HOST, else the socket). */
export const docker = new Docker();

/** CI removes containers with this label when a crashed run leaves them behind (.ci/run). */
export const TEST_LABELS = { 'org.testcontainers': 'true' };

/**
 * Runs `command` in the container; resolves with its exit code, its output (both streams, in the
 * order they came) and its stdout alone.
 */
export async function exec(
  container: Docker.Container,
  command: string[],
): Promise<{ code: number; output: string; stdout: string }> {
  const run = await container.exec({ Cmd: command, AttachStdout: true, AttachStderr: true });
  const stream = await run.start({});
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  await new Promise((resolve) => stream.on('end', resolve));
  const { ExitCode } = await run.inspect();
  const { both, stdout } = demultiplex(Buffer.concat(chunks));
  return { code: ExitCode ?? -1, output: both, stdout };
}

/** The container's log lines, stdout and stderr together. */
export async function logLines(container: Docker.Container): Promise<string[]> {
  const raw = await container.logs({ stdout: true, stderr: true, follow: false });
  return demultiplex(raw)
    .both.split('\n')
    .filter((line) => line.trim() !== '');
}

/** Runs a container to completion; resolves with its exit code and log lines, and removes it. */
export async function runToCompletion(
  options: Docker.ContainerCreateOptions,
): Promise<{ code: number; lines: string[] }> {
  const container = await docker.createContainer({ Labels: TEST_LABELS, ...options });
  try {
    await container.start();
    const { StatusCode } = (await container.wait()) as { StatusCode: number };
    return { code: StatusCode, lines: await logLines(container) };
  } finally {
    await container.remove({ force: true });
  }
}

/**
 * Starts a container and waits, up to `timeoutMs`, for log lines that satisfy `seen` printed while
 * it still runs (lines printed as it exits do not count); resolves with them, and removes it.
 */
export async function logLinesWhileRunning(
  options: Docker.ContainerCreateOptions,
  seen: (lines: string[]) => boolean,
  timeoutMs: number,
): Promise<string[]> {
  const container = await docker.createContainer({ Labels: TEST_LABELS, ...options });
  let lines: string[] = [];
  let exitCode: number | undefined;
  try {
    await container.start();
    await waitUntil(
      () => `the log lines expected while it runs; it printed:\n${lines.join('\n')}`,
      async () => {
        lines = await logLines(container);
        // Read after the lines: running now, it printed them while it ran.
        const { State } = await container.inspect();
        if (!State.Running) exitCode = State.ExitCode;
        return exitCode !== undefined || seen(lines);
      },
      timeoutMs,
      250,
    );
    if (exitCode !== undefined)
      throw new Error(
        `it exited (code ${exitCode}) before the lines expected; it printed:\n${lines.join('\n')}`,
      );
    return lines;
  } finally {
    await container.remove({ force: true });
  }
}

/**
 * Docker's multiplexed stream (an 8-byte header before each frame: its stream, 1 stdout or 2 stderr,
 * and its size) as text: both streams in the order they came, and stdout alone.
 */
export function demultiplex(raw: Buffer): { both: string; stdout: string } {
  // Frames cut a stream anywhere, a line included: their payloads are joined as they are.
  const [both, stdout]: Buffer[][] = [[], []];
  for (let offset = 0; offset + 8 <= raw.length;) {
    const size = raw.readUInt32BE(offset + 4);
    const payload = raw.subarray(offset + 8, offset + 8 + size);
    both.push(payload);
    if (raw[offset] === 1) stdout.push(payload);
    offset += 8 + size;
  }
  return { both: Buffer.concat(both).toString('utf8'), stdout: Buffer.concat(stdout).toString('utf8') };
}
