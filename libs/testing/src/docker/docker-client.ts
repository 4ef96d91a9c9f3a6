import Docker from 'dockerode';

/** The local engine (DOCKER_HOST, else the socket). */
export const docker = new Docker();

/** CI removes containers with this label when a crashed run leaves them behind (.ci/run). */
export const TEST_LABELS = { 'org.testcontainers': 'true' };

/** Runs `command` in the container; resolves with its exit code and output (both streams). */
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
  return { code: ExitCode ?? -1, output: demultiplex(Buffer.concat(chunks)).join('\n') };
}

/** The container's log lines, stdout and stderr together. */
export async function logLines(container: Docker.Container): Promise<string[]> {
  const raw = await container.logs({ stdout: true, stderr: true, follow: false });
  return demultiplex(raw).filter((line) => line.trim() !== '');
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

/** Docker's multiplexed stream (an 8-byte header before each frame) as lines of text. */
function demultiplex(raw: Buffer): string[] {
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
  return lines;
}
