import { startAppProcess, startServiceProcess } from '@pss/testing';

export { freePort, type RunningProcess } from '@pss/testing';

export const startRegistryProcess = (env: Record<string, string> = {}, port?: number) =>
  startAppProcess('discovery', { INSTANCE_HOST: '127.0.0.1', ...env }, port);

export const startTinyService = (registryPort: number, env: Record<string, string> = {}) =>
  startServiceProcess('libs/registry-client/test/tiny-service.ts', 'libs/registry-client/tsconfig.json', {
    DISCOVERY_URLS: `http://127.0.0.1:${registryPort}/eureka/`,
    INSTANCE_HOST: '127.0.0.1',
    ...env,
  });
