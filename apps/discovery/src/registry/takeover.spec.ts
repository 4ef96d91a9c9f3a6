import { registration, registryAt } from '../../test/test-registrations';
import { LeaseHeldElsewhere } from './lease-held-elsewhere';

const ID = 'localhost';
const holderOf = (registry: ReturnType<typeof registryAt>['registry']) =>
  registry.lease('JQSERVICE', ID)?.holder;

describe('InstanceRegistry: an instance id with a live lease stays at its address', () => {
  const elsewhere = (now: number) =>
    registration({ ipAddr: '6.6.6.6', lastDirtyTimestamp: String(now + 1_000) }, now);

  it('refuses a register from another ip or host name, however new its lastDirtyTimestamp', () => {
    const { registry, clock } = registryAt();
    registry.register(registration({}, clock.now), false);
    expect(() => registry.register(elsewhere(clock.now), false)).toThrow(LeaseHeldElsewhere);
    expect(() => registry.register(registration({ hostName: 'other', instanceId: ID }), false)).toThrow(
      'Instance localhost of JQSERVICE is registered from another address',
    );
    expect(holderOf(registry)?.ipAddr).toBe('127.0.0.1');
  });

  it('lets the same address register again, and another one once the lease expired or was cancelled', () => {
    const { registry, clock } = registryAt();
    registry.register(registration({}, clock.now), false);
    registry.register(registration({ metadata: { zone: 'b' } }, clock.now), false);
    expect(holderOf(registry)?.metadata).toEqual({ zone: 'b' });

    clock.now += 90_001;
    registry.register(elsewhere(clock.now), false);
    expect(holderOf(registry)?.ipAddr).toBe('6.6.6.6');

    registry.cancel('JQSERVICE', ID);
    registry.register(registration({}, clock.now), false);
    expect(holderOf(registry)?.ipAddr).toBe('127.0.0.1');
  });

  it('applies what a peer passes on, which its own node checked', () => {
    const { registry, clock } = registryAt();
    registry.register(registration({}, clock.now), false);
    registry.register(elsewhere(clock.now), true);
    expect(holderOf(registry)?.ipAddr).toBe('6.6.6.6');
  });

  it("keeps one application's override apart from another's instance of the same id", () => {
    const { registry } = registryAt();
    registry.register(registration({ app: 'booking' }), false);
    registry.register(registration({ app: 'fares', overriddenStatus: 'OUT_OF_SERVICE' }), false);
    registry.renew('BOOKING', ID, false);
    expect(registry.lease('BOOKING', ID)?.holder.status).toBe('UP');
    registry.setStatusOverride('BOOKING', ID, 'OUT_OF_SERVICE');
    registry.cancel('FARES', ID);
    registry.register(registration({ app: 'booking', status: 'UP' }), false);
    expect(registry.lease('BOOKING', ID)?.holder.status).toBe('OUT_OF_SERVICE');
    expect(registry.statusOverrides()).toEqual({ [ID]: 'OUT_OF_SERVICE' });
  });
});
