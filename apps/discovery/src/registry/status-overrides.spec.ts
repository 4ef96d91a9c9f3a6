import { registration, registryAt } from '../../test/test-registrations';

const statusOf = (registry: ReturnType<typeof registryAt>['registry']) => {
  const holder = registry.lease('JQSERVICE', 'localhost')?.holder;
  return [holder?.status, holder?.overriddenStatus];
};

describe('InstanceRegistry: status overrides', () => {
  it('an override survives heartbeats and a re-registration with UP', () => {
    const { registry } = registryAt();
    registry.register(registration(), false);
    expect(registry.setStatusOverride('JQSERVICE', 'localhost', 'OUT_OF_SERVICE')).toBe(true);
    registry.renew('JQSERVICE', 'localhost', false);
    registry.register(registration({ status: 'UP' }), false);
    expect(statusOf(registry)).toEqual(['OUT_OF_SERVICE', 'OUT_OF_SERVICE']);
  });

  it('a client reporting DOWN or STARTING beats the override', () => {
    const { registry } = registryAt();
    registry.register(registration(), false);
    registry.setStatusOverride('JQSERVICE', 'localhost', 'OUT_OF_SERVICE');
    registry.register(registration({ status: 'DOWN' }), false);
    expect(statusOf(registry)[0]).toBe('DOWN');
  });

  it('deleting with a fallback restores it; without one the next heartbeat forces re-registration', () => {
    const { registry } = registryAt();
    registry.register(registration(), false);
    registry.setStatusOverride('JQSERVICE', 'localhost', 'OUT_OF_SERVICE');
    registry.deleteStatusOverride('JQSERVICE', 'localhost', 'UP');
    expect(statusOf(registry)).toEqual(['UP', 'UNKNOWN']);
    registry.deleteStatusOverride('JQSERVICE', 'localhost', 'UNKNOWN');
    expect(registry.renew('JQSERVICE', 'localhost', false).kind).toBe('not-found');
  });

  it('cancel forgets the override', () => {
    const { registry } = registryAt();
    registry.register(registration(), false);
    registry.setStatusOverride('JQSERVICE', 'localhost', 'OUT_OF_SERVICE');
    registry.cancel('JQSERVICE', 'localhost');
    registry.register(registration(), false);
    expect(statusOf(registry)).toEqual(['UP', 'UNKNOWN']);
  });

  it('a registration carrying an overriddenStatus seeds the override (state transfer)', () => {
    const { registry } = registryAt();
    registry.register(registration({ overriddenStatus: 'OUT_OF_SERVICE' }), true);
    expect(registry.statusOverrides()).toEqual({ localhost: 'OUT_OF_SERVICE' });
  });

  it('reports unknown instances', () => {
    const { registry } = registryAt();
    expect(registry.setStatusOverride('JQSERVICE', 'x', 'UP')).toBe(false);
    expect(registry.deleteStatusOverride('JQSERVICE', 'x', 'UP')).toBe(false);
  });
});
