import { withRegistryCredentials } from '@pss/testing';
import type { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';

/** The REAL eureka-js-client (with its `request` transport), untouched, as users run it. */
export interface JsClient extends EventEmitter {
  start(callback?: (error?: Error) => void): void;
  stop(callback?: (error?: Error) => void): void;
  getInstancesByAppId(app: string): Array<Record<string, unknown> & { port: { $: number }; status: string }>;
  getInstancesByVipAddress(vip: string): Array<Record<string, unknown>>;
  fetchRegistry(callback?: (error?: Error) => void): void;
}

const { Eureka } = createRequire(__filename)('eureka-js-client') as {
  Eureka: new (config: object) => JsClient;
};

const silent = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

export interface JsClientOptions {
  port: number;
  servicePath?: string;
  instance?: Record<string, unknown>;
  eureka?: Record<string, unknown>;
  shouldUseDelta?: boolean;
}

/**
 * Configured like eureka-js-client's own integration test (README body: port as a number, no
 * @class), with JQSERVICE's registry account in its service URL as Spring users write it.
 */
export function jsClient(options: JsClientOptions): JsClient {
  return new Eureka({
    logger: silent,
    cwd: '/nonexistent',
    shouldUseDelta: options.shouldUseDelta ?? false,
    instance: {
      app: 'jqservice',
      hostName: 'localhost',
      ipAddr: '127.0.0.1',
      port: 8080,
      vipAddress: 'jq.test.something.com',
      dataCenterInfo: { name: 'MyOwn' },
      ...options.instance,
    },
    eureka: {
      serviceUrls: {
        default: [
          withRegistryCredentials(
            `http://127.0.0.1:${options.port}${options.servicePath ?? '/eureka/v2/apps/'}`,
            'jqservice',
          ),
        ],
      },
      heartbeatInterval: 300,
      registryFetchInterval: 200,
      maxRetries: 0,
      ...options.eureka,
    },
  });
}

export async function started(client: JsClient): Promise<string[]> {
  const events: string[] = [];
  client.on('registered', () => events.push('registered'));
  client.on('started', () => events.push('started'));
  await new Promise<void>((resolve, reject) => client.start((error) => (error ? reject(error) : resolve())));
  return events;
}

export const stopped = (client: JsClient) => new Promise<void>((resolve) => client.stop(() => resolve()));

// The client's caches change on its own fetch interval: assertions on them poll.
export { eventually } from '@pss/testing';
