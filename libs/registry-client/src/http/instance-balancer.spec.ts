import type { EurekaInstance } from '../eureka/eureka-js-client.types';
import { InstanceBalancer } from './instance-balancer';

const instance = (port: number): EurekaInstance => ({
  app: 'FARES',
  hostName: 'h',
  ipAddr: '10.0.0.1',
  status: 'UP',
  port: { $: port, '@enabled': 'true' },
});

describe('InstanceBalancer', () => {
  it('starts each rotation at the next instance and covers all of them', () => {
    const balancer = new InstanceBalancer({ failuresToOpen: 2, halfOpenAfterMs: 1_000 });
    const all = [instance(1), instance(2), instance(3)];
    const firsts = [0, 1, 2, 3].map(() => balancer.rotation(all).map((i) => i.port.$));
    expect(firsts).toEqual([
      [1, 2, 3],
      [2, 3, 1],
      [3, 1, 2],
      [1, 2, 3],
    ]);
    expect(balancer.rotation([])).toEqual([]);
  });

  it('keeps one breaker per instance', () => {
    const balancer = new InstanceBalancer({ failuresToOpen: 2, halfOpenAfterMs: 1_000 });
    expect(balancer.breakerFor(instance(1))).toBe(balancer.breakerFor(instance(1)));
    expect(balancer.breakerFor(instance(1))).not.toBe(balancer.breakerFor(instance(2)));
  });
});
