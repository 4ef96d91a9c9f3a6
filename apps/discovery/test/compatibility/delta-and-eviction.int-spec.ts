import { eventually } from '@pss/testing';
import {
  call,
  getJson,
  register,
  withInstance,
  type WireApplications as Delta,
  type WireInstance,
} from '../eureka-http';
import { startRegistry, type RunningRegistry } from '../registry-server';

const actions = (delta: Delta) =>
  delta.applications.application.flatMap((app) => app.instance.map((i) => i.actionType));

// Checklist items 34-35, 37-39 and 40 (reported) of eureka-protocol.md.
describe('delta and eviction', () => {
  let registry: RunningRegistry;
  afterEach(() => registry.close());

  it('lists ADDED, MODIFIED, DELETED with the full hash; heartbeats add nothing; entries expire', async () => {
    registry = await startRegistry({ REGISTRY_DELTA_RETENTION_MS: '1500' });
    const base = registry.eurekaUrl;
    await register(base);
    const afterRegister = (await getJson<Delta>(base + 'apps/delta')).body;
    expect(actions(afterRegister)).toEqual(['ADDED']);
    await call(base + 'apps/JQSERVICE/localhost', 'PUT');
    expect((await getJson<Delta>(base + 'apps/delta')).body).toEqual(afterRegister);
    await call(base + 'apps/JQSERVICE/localhost/status?value=OUT_OF_SERVICE', 'PUT');
    const afterStatus = (await getJson<Delta>(base + 'apps/delta')).body;
    expect(actions(afterStatus)).toEqual(['MODIFIED', 'MODIFIED']);
    expect(Number(afterStatus.applications.versions__delta)).toBeGreaterThan(
      Number(afterRegister.applications.versions__delta),
    );
    expect(afterStatus.applications.apps__hashcode).toBe(
      (await getJson<Delta>(base + 'apps')).body.applications.apps__hashcode,
    );
    await call(base + 'apps/JQSERVICE/localhost', 'DELETE');
    expect(actions((await getJson<Delta>(base + 'apps/delta')).body)).toContain('DELETED');
    // Retention 1.5 s, cleaned every 5 s.
    await eventually(
      async () =>
        expect((await getJson<Delta>(base + 'apps/delta')).body.applications.application).toEqual([]),
      15_000,
    );
  });

  it('evicts an instance one lease duration after its last heartbeat (the body lease is honoured)', async () => {
    registry = await startRegistry({ REGISTRY_EVICTION_INTERVAL_MS: '100' });
    const base = registry.eurekaUrl;
    await register(base, withInstance({ instanceId: 'short', leaseInfo: { durationInSecs: 1 } }));
    await register(base, withInstance({ instanceId: 'long', leaseInfo: { durationInSecs: 60 } }));
    const ids = async () =>
      (await getJson(base + 'apps/JQSERVICE')).body.application.instance.map(
        (i: WireInstance) => i.instanceId,
      );
    // Gone long before the default lease of 90 s would end it; the one with 60 s stays.
    await eventually(async () => expect(await ids()).toEqual(['long']), 20_000);
  });

  it('reports self-preservation on the status endpoint and holds evictions while it is active', async () => {
    registry = await startRegistry({
      REGISTRY_SELF_PRESERVATION: 'true',
      REGISTRY_EVICTION_INTERVAL_MS: '100',
    });
    await register(registry.eurekaUrl, withInstance({ leaseInfo: { durationInSecs: 1 } }));
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const status = (await getJson(registry.eurekaUrl + 'status')).body;
    expect(status.selfPreservation).toMatchObject({ enabled: true, active: true });
    expect(status.instanceCount).toBe(1);
  });
});
