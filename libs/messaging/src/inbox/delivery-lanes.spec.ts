import { sleep } from '@pss/platform';
import { DeliveryLanes } from './delivery-lanes';

describe('DeliveryLanes', () => {
  it('keeps arrival order per key and batches what waits while a lane is busy', async () => {
    const batches: string[][] = [];
    const lanes = new DeliveryLanes<string>(
      4,
      3,
      async (batch) => {
        batches.push(batch);
        await sleep(5);
      },
      new AbortController().signal,
    );
    for (let i = 0; i < 7; i++) lanes.push('BF101/2026-12-01', `A${i}`);
    await sleep(1);
    await lanes.idle();
    await lanes.idle();
    expect(batches).toEqual([['A0'], ['A1', 'A2', 'A3'], ['A4', 'A5', 'A6']]);
  });

  it('runs different keys in different lanes concurrently', async () => {
    let running = 0;
    let most = 0;
    const lanes = new DeliveryLanes<number>(
      4,
      10,
      async () => {
        most = Math.max(most, ++running);
        await sleep(10);
        running -= 1;
      },
      new AbortController().signal,
    );
    for (let i = 0; i < 40; i++) lanes.push(`booking-${i}`, i);
    await lanes.idle();
    expect(most).toBeGreaterThan(1);
  });

  it('takes no new batch once stopped', async () => {
    const stop = new AbortController();
    const seen: number[] = [];
    const lanes = new DeliveryLanes<number>(1, 1, async (batch) => void seen.push(...batch), stop.signal);
    lanes.push('k', 1);
    lanes.push('k', 2);
    stop.abort();
    await lanes.idle();
    expect(seen).toEqual([1]);
  });
});
