import type Docker from 'dockerode';
import { exec } from './docker-client';

export interface ContainerRequest {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  /** Sent as it is. */
  body?: string;
}

export interface ContainerResponse {
  status: number;
  /** The body parsed as JSON, or null when it is not JSON. */
  body: unknown;
}

// Runs in the container's own Node: requests one after the other, the answers as one JSON line.
const SCRIPT = `(async () => {
  const answers = [];
  for (const { url, ...init } of JSON.parse(process.argv[1])) {
    const response = await fetch(url, init);
    const text = await response.text();
    let body = null;
    try { body = JSON.parse(text); } catch {}
    answers.push({ status: response.status, body });
  }
  console.log(JSON.stringify(answers));
})().catch((e) => { console.error(e.cause?.code ?? e.message); process.exit(1); })`;

/**
 * `requests` sent by `container` (a PSS service's, which has Node), in order: a client with an
 * address of its own on the container's networks, reaching services by the names they know each
 * other by.
 */
export async function fetchInContainer(
  container: Docker.Container,
  requests: ContainerRequest[],
): Promise<ContainerResponse[]> {
  const { code, output, stdout } = await exec(container, ['node', '-e', SCRIPT, JSON.stringify(requests)]);
  if (code !== 0) throw new Error(`requests from the container failed: ${output.trim()}`);
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '[]') as ContainerResponse[];
}
