import type { Type } from '@nestjs/common';
import { RegistryClient } from '../registry-client.service';
import { DataSource } from 'typeorm';
import { startService, type RunningService } from '@pss/platform/testing';
import {
  waitUntil,
  requireTestEnv,
  createTestDatabase,
  createTestVhost,
  startServiceWorld,
  type ServiceWorld,
  Teardown,
} from '@pss/testing';

export interface ServiceInWorldOptions {
  /** Its registry account (`booking`): the tests' registry knows one per app (TEST_REGISTRY_CLIENTS). */
  account: string;
  /** The apps it calls, started first as processes (see startServiceWorld), each seen registered. */
  calls: readonly string[];
  /** RabbitMQ for it and the apps it calls: at `url`, or on a vhost of the run's broker of their own. */
  rabbitmq: { url: string } | 'own-vhost';
  /** The environment of the service under test, beyond the registry, its database and RabbitMQ. */
  env?: Record<string, string>;
  /** The environment of an app it calls, by name. */
  envOf?: Record<string, Record<string, string>>;
}

export interface ServiceInWorld extends RunningService {
  world: ServiceWorld;
  dataSource: DataSource;
  rabbitmqUrl: string;
  /** A request to the service under test; a body goes as JSON. */
  send(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

/**
 * A service's AppModule in this process, on a test database of its own, with what it calls for real:
 * a registry and those apps as processes. Resolves once its registry client sees each of them.
 */
export async function startServiceInWorld(
  appModule: Type<unknown>,
  { account, calls, rabbitmq, env = {}, envOf = {} }: ServiceInWorldOptions,
): Promise<ServiceInWorld> {
  const teardown = new Teardown();
  return teardown.guard(async () => {
    const rabbitmqUrl = rabbitmq === 'own-vhost' ? await ownVhost(teardown) : rabbitmq.url;
    const world = await startServiceWorld(calls, { RABBITMQ_URL: rabbitmqUrl }, envOf);
    teardown.add(() => world.close());
    const database = await createTestDatabase(requireTestEnv('databaseUrl'));
    teardown.add(() => database.drop());
    const service = await startService(appModule, {
      ...world.discoveryFor(account),
      DATABASE_URL: database.url,
      RABBITMQ_URL: rabbitmqUrl,
      ...env,
    });
    teardown.add(() => service.app.close());
    const registryClient = service.app.get(RegistryClient);
    for (const app of calls.map((name) => name.toUpperCase()))
      await waitUntil(
        `the service to see ${app}`,
        async () => registryClient.instances(app).length > 0,
        30_000,
      );
    return {
      ...service,
      world,
      dataSource: service.app.get(DataSource),
      rabbitmqUrl,
      send: (method, path, body, headers = {}) =>
        fetch(`${service.baseUrl}${path}`, {
          method,
          headers: { ...(body !== undefined && { 'content-type': 'application/json' }), ...headers },
          body: body === undefined ? undefined : JSON.stringify(body),
        }),
      close: () => teardown.run(),
    };
  });
}

async function ownVhost(teardown: Teardown): Promise<string> {
  const vhost = await createTestVhost(requireTestEnv('rabbitmqUrl'), requireTestEnv('rabbitmqManagementUrl'));
  teardown.add(() => vhost.drop());
  return vhost.url;
}
