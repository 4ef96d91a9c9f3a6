import { backoffDelay } from './backoff';

describe('backoffDelay', () => {
  const options = { initialMs: 100, maxMs: 1_000 };

  it('doubles per failure, with jitter in the upper half, up to the ceiling', () => {
    for (const [failures, ceiling] of [
      [1, 100],
      [2, 200],
      [3, 400],
      [5, 1_000],
      [30, 1_000],
    ]) {
      const delay = backoffDelay(failures, options);
      expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
      expect(delay).toBeLessThanOrEqual(ceiling);
    }
  });
});
