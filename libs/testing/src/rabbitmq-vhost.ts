import { randomBytes } from 'node:crypto';

/** How many closed connections a call may meet before it fails: fetch's pool holds a few. */
const STALE_CONNECTIONS_TRIED = 3;

export interface TestVhost {
  url: string;
  /** Applies a policy to every queue of the virtual host, e.g. `{ 'consumer-timeout': 1000 }`. */
  setQueuePolicy(name: string, definition: Record<string, unknown>): Promise<void>;
  /** The tags of the consumers the broker has on `queue`. */
  consumerTags(queue: string): Promise<string[]>;
  /** The names of the virtual host's queues. */
  queueNames(): Promise<string[]>;
  /** Deletes `queue` with whatever it holds, as an operator does in the management UI. */
  deleteQueue(queue: string): Promise<void>;
  /** Removes the binding of `queue` to `exchange` for `routingKey` (one without arguments). */
  unbindQueue(queue: string, exchange: string, routingKey: string): Promise<void>;
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
  return {
    url: url.toString(),
    setQueuePolicy: async (policy, definition) => {
      await management(managementUrl, 'PUT', `/api/policies/${name}/${policy}`, {
        pattern: '.*',
        'apply-to': 'queues',
        definition,
      });
    },
    consumerTags: async (queue) => {
      const consumers = (await management(managementUrl, 'GET', `/api/consumers/${name}`)) as {
        consumer_tag: string;
        queue: { name: string };
      }[];
      return consumers
        .filter((consumer) => consumer.queue.name === queue)
        .map((consumer) => consumer.consumer_tag);
    },
    queueNames: async () => {
      const queues = (await management(managementUrl, 'GET', `/api/queues/${name}?columns=name`)) as {
        name: string;
      }[];
      return queues.map((queue) => queue.name);
    },
    deleteQueue: async (queue) => {
      await management(managementUrl, 'DELETE', `/api/queues/${name}/${encodeURIComponent(queue)}`);
    },
    unbindQueue: async (queue, exchange, routingKey) => {
      // A binding without arguments is named by its routing key.
      const binding = [exchange, queue, routingKey].map(encodeURIComponent);
      await management(
        managementUrl,
        'DELETE',
        `/api/bindings/${name}/e/${binding[0]}/q/${binding[1]}/${binding[2]}`,
      );
    },
    drop: async () => {
      await management(managementUrl, 'DELETE', `/api/vhosts/${name}`);
    },
  };
}

/**
 * One call of the management API, whose calls here are all idempotent (GET, PUT, DELETE); resolves
 * with the JSON it answered, if any. Its server closes a connection idle for 5 s; fetch keeps one
 * for 4 s, but a process busy for longer (a test file's modules loading) sends its next call on a
 * connection the server has closed meanwhile: "other side closed", the call unread. Such a call is
 * sent again, on a new connection.
 */
async function management(baseUrl: string, method: string, path: string, body?: unknown): Promise<unknown> {
  const base = new URL(baseUrl);
  const auth = Buffer.from(`${decodeURIComponent(base.username)}:${decodeURIComponent(base.password)}`);
  const send = () =>
    fetch(`${base.origin}${path}`, {
      method,
      headers: { authorization: `Basic ${auth.toString('base64')}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  let response: Response | undefined;
  for (let attempt = 1; !response; attempt += 1)
    response = await send().catch((error: Error & { cause?: { code?: string } }) => {
      if (error.cause?.code !== 'UND_ERR_SOCKET' || attempt === STALE_CONNECTIONS_TRIED) throw error;
      return undefined;
    });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}
