import { randomBytes } from 'node:crypto';

export interface TestVhost {
  url: string;
  drop(): Promise<void>;
}

/**
 * A fresh virtual host on the shared test broker, so each suite has its own exchanges and queues
 * (the names are fixed by the topology) and nothing leaks between suites.
 */
export async function createTestVhost(amqpUrl: string, managementUrl: string): Promise<TestVhost> {
  const name = `test_${randomBytes(6).toString('hex')}`;
  await management(managementUrl, 'PUT', `/api/vhosts/${name}`);
  await management(managementUrl, 'PUT', `/api/permissions/${name}/guest`, {
    configure: '.*',
    write: '.*',
    read: '.*',
  });
  const url = new URL(amqpUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => management(managementUrl, 'DELETE', `/api/vhosts/${name}`) };
}

async function management(baseUrl: string, method: string, path: string, body?: unknown): Promise<void> {
  const base = new URL(baseUrl);
  const auth = Buffer.from(`${decodeURIComponent(base.username)}:${decodeURIComponent(base.password)}`);
  const response = await fetch(`${base.origin}${path}`, {
    method,
    headers: { authorization: `Basic ${auth.toString('base64')}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
}
