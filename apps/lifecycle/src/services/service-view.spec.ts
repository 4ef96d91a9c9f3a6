import type { NodeListing } from '@pss/registry-client';
import type { Replica } from '../backend/backend';
import { serviceView } from './service-view';

const NOW = Date.parse('2026-12-04T12:00:00Z');
const replica = (number: number, address: string, state = 'running'): Replica => ({
  id: `id-${number}`,
  name: `pss-fares-${number}`,
  number,
  state,
  health: 'healthy',
  image: 'pss/fares:1.0.0-abc',
  version: '1.0.0',
  startedAt: '2026-12-04T11:59:00Z',
  addresses: [address],
});
const listed = (ipAddr: string, status: 'UP' | 'OUT_OF_SERVICE', lastRenewal: number) => ({
  app: 'FARES',
  instanceId: `${ipAddr}:fares:8080`,
  ipAddr,
  status,
  lastRenewal,
});

describe('serviceView', () => {
  it("joins each container with the instances at its addresses, with every node's status", () => {
    const listings: NodeListing[] = [
      { node: 'discovery-1:8761', instances: [listed('10.0.0.2', 'UP', NOW - 3000)] },
      { node: 'discovery-2:8761', instances: [listed('10.0.0.2', 'OUT_OF_SERVICE', NOW - 1000)] },
    ];
    const view = serviceView('fares', [replica(1, '10.0.0.2')], listings, NOW);
    expect(view.containers).toEqual([
      expect.objectContaining({
        name: 'pss-fares-1',
        uptimeSeconds: 60,
        instanceIds: ['10.0.0.2:fares:8080'],
      }),
    ]);
    expect(view.instances).toEqual([
      {
        instanceId: '10.0.0.2:fares:8080',
        ipAddr: '10.0.0.2',
        status: { 'discovery-1:8761': 'UP', 'discovery-2:8761': 'OUT_OF_SERVICE' },
        lastRenewal: new Date(NOW - 1000).toISOString(),
      },
    ]);
    expect(view.drift).toEqual([]);
  });

  it('lists as drift a running container nobody registered, and a registration with no container', () => {
    const listings: NodeListing[] = [
      { node: 'discovery-1:8761', instances: [listed('10.0.0.9', 'UP', NOW)] },
      { node: 'discovery-2:8761', error: 'timeout' },
    ];
    const replicas = [replica(1, '10.0.0.2'), replica(2, '10.0.0.3', 'exited')];
    expect(serviceView('fares', replicas, listings, NOW).drift).toEqual([
      {
        kind: 'unregistered',
        container: 'pss-fares-1',
        detail: 'pss-fares-1 runs but no registry node lists it',
      },
      {
        kind: 'no-container',
        instanceId: '10.0.0.9:fares:8080',
        detail: '10.0.0.9:fares:8080 is registered but no container of fares has 10.0.0.9',
      },
    ]);
  });

  it("ignores other applications' instances and gives no uptime to a stopped container", () => {
    const listings: NodeListing[] = [
      { node: 'discovery-1:8761', instances: [{ ...listed('10.0.0.2', 'UP', NOW), app: 'SEARCH' }] },
    ];
    const view = serviceView('fares', [replica(1, '10.0.0.2', 'exited')], listings, NOW);
    expect(view.instances).toEqual([]);
    expect(view.containers[0].uptimeSeconds).toBeUndefined();
  });
});
