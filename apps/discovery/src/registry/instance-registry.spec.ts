import { InvalidRegistration } from './invalid-registration';
import { fullView } from './registry-views';
import { registration, registryAt } from '../../test/test-registrations';

describe('InstanceRegistry: register, renew, cancel', () => {
  it('keys instances by app and id; the same id replaces, another id adds', () => {
    const { registry } = registryAt();
    registry.register(registration({ instanceId: 'a' }), false);
    registry.register(registration({ instanceId: 'a' }), false);
    registry.register(registration({ instanceId: 'b' }), false);
    expect(registry.group('JQSERVICE')?.map((lease) => lease.holder.id)).toEqual(['a', 'b']);
  });

  it('keeps the existing instance when the registrant carries older information', () => {
    const { registry } = registryAt();
    registry.register(registration({ lastDirtyTimestamp: 2_000, metadata: { zone: 'b' } }), false);
    registry.register(registration({ lastDirtyTimestamp: 1_500, metadata: { zone: 'a' } }), false);
    expect(registry.lease('JQSERVICE', 'localhost')?.holder.metadata).toEqual({ zone: 'b' });
  });

  it('renews known leases and answers not-found for unknown ones', () => {
    const { registry } = registryAt();
    registry.register(registration(), false);
    expect(registry.renew('JQSERVICE', 'localhost', false)).toEqual({ kind: 'renewed' });
    expect(registry.renew('JQSERVICE', 'nobody', false)).toEqual({ kind: 'not-found' });
  });

  it('compares a heartbeat lastDirtyTimestamp like Eureka: newer client 404, replica conflict 409', () => {
    const { registry } = registryAt();
    registry.register(registration({ lastDirtyTimestamp: 2_000 }), false);
    expect(registry.renew('JQSERVICE', 'localhost', false, 3_000).kind).toBe('not-found');
    expect(registry.renew('JQSERVICE', 'localhost', false, 1_000).kind).toBe('renewed');
    expect(registry.renew('JQSERVICE', 'localhost', true, 1_000).kind).toBe('conflict');
  });

  it('heartbeats change nothing a delta or a cache can see', () => {
    const { registry } = registryAt();
    registry.register(registration(), false);
    const before = [registry.mutations, registry.changes.leases().length];
    registry.renew('JQSERVICE', 'localhost', false);
    expect([registry.mutations, registry.changes.leases().length]).toEqual(before);
  });

  it('cancels once, then reports unknown; the app disappears with its last instance', () => {
    const { registry } = registryAt();
    registry.register(registration(), false);
    expect(registry.cancel('JQSERVICE', 'localhost')).toBe(true);
    expect(registry.cancel('JQSERVICE', 'localhost')).toBe(false);
    expect(registry.appNames()).toEqual([]);
  });

  it('computes the hash over all statuses sorted by name', () => {
    const { registry } = registryAt();
    registry.register(registration({ instanceId: 'a' }), false);
    registry.register(registration({ instanceId: 'b' }), false);
    registry.register(registration({ instanceId: 'c', status: 'DOWN' }), false);
    expect(fullView(registry).hashCode).toBe('DOWN_1_UP_2_');
  });

  it('merges metadata and records it as a re-registration', () => {
    const { registry } = registryAt();
    registry.register(registration({ metadata: { zone: 'a' } }), false);
    registry.updateMetadata('JQSERVICE', 'localhost', { weight: '10' });
    const holder = registry.lease('JQSERVICE', 'localhost')?.holder;
    expect(holder?.metadata).toEqual({ zone: 'a', weight: '10' });
    expect(holder?.actionType).toBe('ADDED');
    expect(registry.updateMetadata('JQSERVICE', 'nobody', {})).toBeUndefined();
  });

  it('takes a lastDirtyTimestamp ahead of its clock by more than the skew as now plus the skew', () => {
    const { clock, registry } = registryAt(10_000, { maxClockSkewMs: 100 });
    registry.register(registration({ lastDirtyTimestamp: 99_999_999, metadata: { forged: 'yes' } }), false);
    expect(registry.lease('JQSERVICE', 'localhost')?.holder.lastDirtyTimestamp).toBe(10_100);
    expect(registry.renew('JQSERVICE', 'localhost', false, 99_999_999).kind).toBe('renewed');
    clock.now = 10_200;
    registry.register(registration({ lastDirtyTimestamp: 10_150, metadata: { forged: 'no' } }), false);
    expect(registry.lease('JQSERVICE', 'localhost')?.holder.metadata).toEqual({ forged: 'no' });
    registry.setStatusOverride('JQSERVICE', 'localhost', 'OUT_OF_SERVICE', 99_999_999);
    expect(registry.lease('JQSERVICE', 'localhost')?.holder.lastDirtyTimestamp).toBe(10_300);
  });

  it('refuses a new instance past the limits of its application and of the registry; re-registering is fine', () => {
    const { registry } = registryAt(1_000, { maxInstances: 3, maxInstancesPerApp: 2 });
    registry.register(registration({ instanceId: 'a' }), false);
    registry.register(registration({ instanceId: 'b' }), false);
    expect(() => registry.register(registration({ instanceId: 'c' }), false)).toThrow(
      new InvalidRegistration('Too many instances of JQSERVICE: at most 2'),
    );
    registry.register(registration({ instanceId: 'a' }), false);
    registry.register(registration({ app: 'other', instanceId: 'x' }), false);
    expect(() => registry.register(registration({ app: 'third', instanceId: 'y' }), false)).toThrow(
      new InvalidRegistration('The registry is full: at most 3 instances'),
    );
    expect([registry.size, registry.appNames()]).toEqual([3, ['JQSERVICE', 'OTHER']]);
    registry.cancel('OTHER', 'x');
    expect(registry.size).toBe(2);
  });
});
