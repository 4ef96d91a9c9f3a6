import type { EurekaInstance } from './eureka/eureka-js-client.types';
import { registeredCallers } from './registered-callers';
import type { RegistryClient } from './registry-client.service';

/** A registry client whose fetches reveal `later` (an instance registered since the last fetch). */
function registryWith(now: Record<string, string[]>, later: Record<string, string[]> = {}) {
  let listed = now;
  const registry = {
    fetches: 0,
    instances: (app: string) => (listed[app] ?? []).map((ipAddr) => ({ ipAddr }) as EurekaInstance),
    refresh: async () => {
      registry.fetches += 1;
      listed = later;
    },
  };
  return registry;
}

describe('registeredCallers', () => {
  it('trusts the addresses of the named applications’ instances, and no other', async () => {
    const registry = registryWith({ CHECKIN: ['10.0.0.7'], SEARCH: ['10.0.0.8'] });
    const hops = registeredCallers(registry as unknown as RegistryClient, ['CHECKIN']);
    expect(await hops.trusts('10.0.0.7')).toBe(true);
    expect(await hops.trusts('10.0.0.8')).toBe(false);
  });

  it('asks the registry again for an address it does not know: an instance that just started', async () => {
    const registry = registryWith({ CHECKIN: ['10.0.0.7'] }, { CHECKIN: ['10.0.0.7', '10.0.0.9'] });
    const hops = registeredCallers(registry as unknown as RegistryClient, ['CHECKIN']);
    expect(await hops.trusts('10.0.0.9')).toBe(true);
    expect(registry.fetches).toBe(1);
  });

  it('asks the registry at most once per interval, however many unknown callers claim', async () => {
    const registry = registryWith({ CHECKIN: ['10.0.0.7'] }, { CHECKIN: ['10.0.0.7'] });
    const hops = registeredCallers(registry as unknown as RegistryClient, ['CHECKIN'], 60_000);
    const answers = await Promise.all(['192.0.2.1', '192.0.2.2', '192.0.2.3'].map((a) => hops.trusts(a)));
    expect(answers).toEqual([false, false, false]);
    expect(registry.fetches).toBe(1);
  });

  it('trusts nobody, and never asks the registry, when no application is named', async () => {
    const registry = registryWith({ CHECKIN: ['10.0.0.7'] });
    const hops = registeredCallers(registry as unknown as RegistryClient, []);
    expect(await hops.trusts('10.0.0.7')).toBe(false);
    expect(registry.fetches).toBe(0);
  });
});
