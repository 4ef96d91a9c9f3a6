import { waitUntil } from './eventually';

describe('waitUntil', () => {
  it('resolves once the check holds, counting a throwing check as not yet', async () => {
    let calls = 0;
    await waitUntil(
      'the third call',
      async () => {
        calls += 1;
        if (calls === 1) throw new Error('connection refused');
        return calls === 3;
      },
      5_000,
    );
    expect(calls).toBe(3);
  });

  it('fails after the timeout, naming what it waited for and the last error', async () => {
    const check = async () => {
      throw new Error('connection refused');
    };
    await expect(waitUntil(async () => 'fares (0 applied)', check, 150)).rejects.toThrow(
      'timed out after 150 ms waiting for fares (0 applied) (last error: connection refused)',
    );
  });

  it('waits intervalMs between tries', async () => {
    jest.useFakeTimers();
    try {
      let calls = 0;
      const waiting = waitUntil('the third call', async () => ++calls === 3, 60_000, 1_000);
      await jest.advanceTimersByTimeAsync(999);
      expect(calls).toBe(1);
      await jest.advanceTimersByTimeAsync(1);
      expect(calls).toBe(2);
      await jest.advanceTimersByTimeAsync(1_000);
      await waiting;
      expect(calls).toBe(3);
    } finally {
      jest.useRealTimers();
    }
  });
});
