import type { INestApplication } from '@nestjs/common';
import { createService } from '@pss/platform';
import { TEST_REGISTRY_ENV, waitUntil } from '@pss/testing';
import type { AddressInfo } from 'node:net';
import { AppModule } from '../src/app.module';

export interface RunningRegistry {
  app: INestApplication;
  port: number;
  /** http://127.0.0.1:PORT/eureka/ */
  eurekaUrl: string;
  close(): Promise<void>;
  /** Resolves once the node is ready: with peers, once its start-up sync has ended. */
  ready(): Promise<void>;
}

/**
 * The real discovery app (platform + registry) on 127.0.0.1 with the tests' accounts, configured by
 * `env` on top of fast defaults.
 */
export async function startRegistry(env: Record<string, string> = {}, port = 0): Promise<RunningRegistry> {
  const settings: Record<string, string> = {
    LOG_LEVEL: 'warn',
    PORT: String(port),
    INSTANCE_HOST: '127.0.0.1',
    ...TEST_REGISTRY_ENV,
    ...env,
  };
  const saved = Object.fromEntries(Object.keys(settings).map((key) => [key, process.env[key]]));
  Object.assign(process.env, settings);
  let app: INestApplication;
  try {
    app = await createService(AppModule);
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
  await app.listen(port, '127.0.0.1');
  const actual = (app.getHttpServer().address() as AddressInfo).port;
  return {
    app,
    port: actual,
    eurekaUrl: `http://127.0.0.1:${actual}/eureka/`,
    close: () => app.close(),
    ready: () =>
      waitUntil(
        `the registry on port ${actual} to be ready`,
        async () => (await fetch(`http://127.0.0.1:${actual}/health/ready`)).ok,
        30_000,
      ),
  };
}

/** A fresh registry for each test of the suite: read `current.registry` and `current.base` inside tests. */
export function registryPerTest(env: Record<string, string> = {}) {
  const current = {} as { registry: RunningRegistry; base: string };
  beforeEach(async () => {
    current.registry = await startRegistry(env);
    current.base = current.registry.eurekaUrl;
  });
  afterEach(() => current.registry.close());
  return current;
}
