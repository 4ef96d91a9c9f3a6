import { baseImages, docker, waitUntil } from '@pss/testing';

export interface ProbeAnswer {
  status: number;
  /** The body parsed as JSON, or null when it is not JSON. */
  body: unknown;
}

export interface StackProbe {
  /** `url` (a name or address on the stack's network) requested by the probe, answered to the tests. */
  fetch(
    url: string,
    init?: { method?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<ProbeAnswer>;
  remove(): Promise<void>;
}

const TARGET = 'x-probe-target';
const FAILED = 'x-probe-failed';

// Runs in the probe's container: sends each request it is given to the URL in its TARGET header,
// from the stack's network, and answers with what came back (a request that could not be sent:
// 502 with FAILED and the reason).
const SCRIPT = `
const http = require('node:http');
http.createServer(async (request, response) => {
  const chunks = [];
  for await (const chunk of request) chunks.push(chunk);
  const { ['${TARGET}']: target, host, connection, 'content-length': length, ...headers } = request.headers;
  try {
    const answer = await fetch(target, {
      method: request.method,
      headers,
      body: chunks.length > 0 ? Buffer.concat(chunks) : undefined,
      signal: AbortSignal.timeout(30000),
    });
    const body = Buffer.from(await answer.arrayBuffer());
    response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'text/plain' });
    response.end(body);
  } catch (error) {
    response.writeHead(502, { '${FAILED}': String(error.cause?.code ?? error.message) });
    response.end();
  }
}).listen(8080);`;

/**
 * A client on `network` (a stack's overlay network, attachable) that the tests reach from this host:
 * one container whose Node process forwards each request, on a loopback port of its own. A request
 * costs an HTTP call, where a `docker exec` of Node in a task costs a Node start (about a third
 * of a CPU-second): the tests poll the stack many times while it rolls out.
 */
export async function startStackProbe(network: string): Promise<StackProbe> {
  const container = await docker.createContainer({
    Image: baseImages.node,
    Entrypoint: ['node', '-e', SCRIPT],
    Labels: { 'pss.test': 'stack-probe' },
    ExposedPorts: { '8080/tcp': {} },
    HostConfig: {
      NetworkMode: network,
      AutoRemove: true,
      PortBindings: { '8080/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }] },
    },
  });
  await container.start();
  const { NetworkSettings } = await container.inspect();
  const port = NetworkSettings.Ports['8080/tcp']?.[0]?.HostPort;
  if (!port) throw new Error(`the stack probe on ${network} publishes no port`);
  const probe = `http://127.0.0.1:${port}/`;
  // Its Node listens a moment after the container started; asked for no target, it answers 502.
  await waitUntil(
    `the stack probe on ${network} to listen`,
    async () => {
      await fetch(probe);
      return true;
    },
    30_000,
  );

  return {
    async fetch(url, init = {}) {
      const response = await fetch(probe, {
        method: init.method ?? 'GET',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          ...init.headers,
          [TARGET]: url,
        },
        ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
      });
      const failed = response.headers.get(FAILED);
      if (failed) throw new Error(`${init.method ?? 'GET'} ${url} from the stack's network: ${failed}`);
      const text = await response.text();
      let body: unknown = null;
      try {
        body = JSON.parse(text);
      } catch {
        // Not JSON (a stream of steps, a page): the status is what the caller reads.
      }
      return { status: response.status, body };
    },
    async remove() {
      await container.kill().catch(() => undefined);
    },
  };
}
