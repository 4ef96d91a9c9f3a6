import { createTestDatabase } from './postgres';
import { requireTestEnv } from './jest/env';
import { startAppProcess, type RunningProcess } from './processes';
import { TEST_REGISTRY_ENV, withRegistryCredentials } from './accounts/registry-credentials';
import { Teardown } from './teardown';

export interface ServiceWorld {
  /** DISCOVERY_URLS (with `account`'s credentials, see TEST_REGISTRY_CLIENTS) and INSTANCE_HOST for a service that joins this world. */
  discoveryFor(account: string): Record<string, string>;
  registry: RunningProcess;
  /** The apps started, by name: each a process with its own database, registered. */
  apps: Record<string, RunningProcess>;
  /** Each app's database URL, by name: for tests that check what an app wrote. */
  databases: Record<string, string>;
  close(): Promise<void>;
}

/**
 * A registry and the given apps, each as its own process from this repository's sources, on its
 * own test database (and `env`, e.g. RABBITMQ_URL), registered with an account of its own (its
 * name): the services a service under test calls, for real. Apps start in the order given.
 */
export async function startServiceWorld(
  apps: readonly string[],
  env: Record<string, string> = {},
  envOf: Record<string, Record<string, string>> = {},
): Promise<ServiceWorld> {
  const teardown = new Teardown();
  return teardown.guard(async () => {
    const registry = await startAppProcess('discovery', { INSTANCE_HOST: '127.0.0.1', ...TEST_REGISTRY_ENV });
    teardown.add(() => registry.stop());
    const discoveryFor = (account: string) => ({
      DISCOVERY_URLS: withRegistryCredentials(`http://127.0.0.1:${registry.port}/eureka/`, account),
      INSTANCE_HOST: '127.0.0.1',
    });
    const started: Record<string, RunningProcess> = {};
    const databases: Record<string, string> = {};
    for (const app of apps) {
      const database = await createTestDatabase(requireTestEnv('databaseUrl'));
      teardown.add(() => database.drop());
      const running = await startAppProcess(app, {
        ...discoveryFor(app),
        ...env,
        ...envOf[app],
        DATABASE_URL: database.url,
      });
      teardown.add(() => running.stop());
      started[app] = running;
      databases[app] = database.url;
    }
    return { discoveryFor, registry, apps: started, databases, close: () => teardown.run() };
  });
}
