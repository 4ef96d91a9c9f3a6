import { KeyedSerialQueue } from './keyed-serial-queue';
import { sleep } from './backoff';

describe('KeyedSerialQueue', () => {
  it('runs tasks of one key in order, even when an earlier one is slower or fails', async () => {
    const queue = new KeyedSerialQueue();
    const order: string[] = [];
    const failing = queue.run('A', async () => {
      await sleep(20);
      order.push('A1');
      throw new Error('A1 failed');
    });
    const second = queue.run('A', async () => void order.push('A2'));
    await expect(failing).rejects.toThrow('A1 failed');
    await second;
    expect(order).toEqual(['A1', 'A2']);
  });

  it('runs different keys concurrently and forgets keys that are done', async () => {
    const queue = new KeyedSerialQueue();
    const order: string[] = [];
    await Promise.all([
      queue.run('A', async () => {
        await sleep(20);
        order.push('A');
      }),
      queue.run('B', async () => void order.push('B')),
    ]);
    expect(order).toEqual(['B', 'A']);
    await sleep(0);
    expect(queue.activeKeys).toBe(0);
  });
});
