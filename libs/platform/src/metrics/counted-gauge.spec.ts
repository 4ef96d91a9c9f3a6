import { Registry } from 'prom-client';
import { registerCountedGauge } from './counted-gauge';

describe('a gauge counted at each scrape', () => {
  it('shows each count, and keeps the last one while counting fails, the scrape still answering', async () => {
    const registry = new Registry();
    const counts = [
      async () => 3,
      async () => Promise.reject(new Error('connect ECONNREFUSED')),
      async () => 5,
    ];
    let scrapes = 0;
    registerCountedGauge(registry, {
      name: 'things_waiting',
      help: 'Things waiting',
      count: () => counts[scrapes++](),
    });
    const scrape = async () => /^things_waiting (\d+)$/m.exec(await registry.metrics())?.[1];

    expect(await scrape()).toBe('3');
    expect(await scrape()).toBe('3');
    expect(await scrape()).toBe('5');
  });
});
