import { deltaView, fullView } from './registry-views';
import { registration, registryAt } from '../../test/test-registrations';

const actions = (registry: ReturnType<typeof registryAt>['registry']) =>
  deltaView(registry).applications.flatMap((app) => app.leases.map((lease) => lease.holder.actionType));

describe('delta', () => {
  it('records ADDED, MODIFIED and DELETED with the full registry hash', () => {
    const { registry } = registryAt();
    registry.register(registration(), false);
    expect(actions(registry)).toEqual(['ADDED']);
    registry.register(registration({ instanceId: 'other' }), false);
    registry.setStatusOverride('JQSERVICE', 'other', 'OUT_OF_SERVICE');
    registry.cancel('JQSERVICE', 'localhost');
    // each change shows its instance's current state: localhost twice as DELETED, other twice as MODIFIED
    expect(actions(registry)).toEqual(['DELETED', 'MODIFIED', 'MODIFIED', 'DELETED']);
    expect(deltaView(registry).hashCode).toBe(fullView(registry).hashCode);
  });

  it('drops entries older than the retention and grows its version on change', () => {
    const { registry, clock } = registryAt();
    registry.register(registration(), false);
    const version = deltaView(registry).versionDelta;
    clock.now += 180_001;
    registry.pruneChanges(180_000);
    expect(deltaView(registry).applications).toEqual([]);
    registry.cancel('JQSERVICE', 'localhost');
    expect(deltaView(registry).versionDelta).toBeGreaterThan(version);
  });
});
