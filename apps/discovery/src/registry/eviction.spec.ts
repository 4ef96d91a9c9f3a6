import { registration, registryAt, testSettings } from '../../test/test-registrations';

const lease15s = { leaseInfo: { renewalIntervalInSecs: 5, durationInSecs: 15 } };

describe('eviction', () => {
  it('evicts a lease exactly one duration after its last renewal (fast mode)', () => {
    const { registry, clock } = registryAt();
    registry.register(registration(lease15s), false);
    clock.now += 15_000;
    expect(registry.evict()).toEqual([]);
    clock.now += 1;
    expect(registry.evict().map((info) => info.id)).toEqual(['localhost']);
    expect(registry.size).toBe(0);
  });

  it('keeps Eureka quirk of two durations when asked', () => {
    const { registry, clock } = registryAt(1_000, { doubleLeaseDuration: true });
    registry.register(registration(lease15s), false);
    clock.now += 20_000;
    expect(registry.evict()).toEqual([]);
    clock.now += 10_001;
    expect(registry.evict()).toHaveLength(1);
  });

  it('evicts at most 15 % of the registry per run', () => {
    const { registry, clock } = registryAt();
    for (let i = 0; i < 20; i++) registry.register(registration({ ...lease15s, instanceId: `i${i}` }), false);
    clock.now += 16_000;
    expect(registry.evict()).toHaveLength(3);
    expect(registry.size).toBe(17);
  });

  it('self-preservation holds evictions while renewals are below the threshold', () => {
    const selfPreservation = { ...testSettings().selfPreservation, enabled: true };
    const { registry, clock } = registryAt(0, { selfPreservation });
    registry.register(registration({ ...lease15s, instanceId: 'a' }), false);
    registry.register(registration({ ...lease15s, instanceId: 'b' }), false);
    // expected 1 + 2 = 3 clients at 2 renewals/min: threshold floor(3 * 2 * 0.85) = 5
    expect(registry.selfPreservation.threshold).toBe(5);
    clock.now += 60_000;
    expect(registry.selfPreservation.active).toBe(true);
    expect(registry.evict()).toEqual([]);
    clock.now = 110_000;
    for (let i = 0; i < 6; i++) registry.renew('JQSERVICE', 'a', false);
    clock.now = 120_000;
    expect(registry.selfPreservation.active).toBe(false);
    expect(registry.evict().map((info) => info.id)).toEqual(['b']);
  });
});
