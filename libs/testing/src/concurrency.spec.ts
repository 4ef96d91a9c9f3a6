import { setTimeout as sleep } from 'node:timers/promises';
import { mapWithConcurrency, times } from './concurrency';

describe('mapWithConcurrency', () => {
  it('keeps the order of the items, whatever order the work finishes in', async () => {
    const results = await mapWithConcurrency([30, 10, 20, 0], 4, async (delay, index) => {
      await sleep(delay);
      return `${index}:${delay}`;
    });
    expect(results).toEqual(['0:30', '1:10', '2:20', '3:0']);
  });

  it('never has more than `limit` calls in flight, and uses all of them', async () => {
    let inFlight = 0;
    let most = 0;
    await mapWithConcurrency(times(20), 3, async () => {
      most = Math.max(most, ++inFlight);
      await sleep(1);
      inFlight--;
    });
    expect(most).toBe(3);
  });

  it('answers an empty list with an empty list', async () => {
    await expect(mapWithConcurrency([], 5, async () => 1)).resolves.toEqual([]);
  });
});
