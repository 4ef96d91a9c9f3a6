import {
  startAppProcess,
  startServiceProcess,
  TEST_REGISTRY_ENV,
  withRegistryCredentials,
} from '@pss/testing';

export { freePort, type RunningProcess } from '@pss/testing';

export const startRegistryProcess = (env: Record<string, string> = {}, port?: number) =>
  startAppProcess('discovery', { INSTANCE_HOST: '127.0.0.1', ...TEST_REGISTRY_ENV, ...env }, port);

/** DISCOVERY_URLS of a client of the registry on `port`, with the account of its application. */
export const discoveryUrl = (port: number, account: 'demo' | 'tiny' | 'caller'): string =>
  withRegistryCredentials(`http://127.0.0.1:${port}/eureka/`, account);

export const startTinyService = (registryPort: number, env: Record<string, string> = {}) =>
  startServiceProcess('libs/registry-client/test/tiny-service.ts', 'libs/registry-client/tsconfig.json', {
    DISCOVERY_URLS: discoveryUrl(registryPort, 'tiny'),
    INSTANCE_HOST: '127.0.0.1',
    ...env,
  });
