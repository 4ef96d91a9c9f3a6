import { percentile } from './percentile';

describe('percentile', () => {
  const sorted = Array.from({ length: 100 }, (_, i) => i + 1);

  it('takes the value at the quantile, the largest at 1', () => {
    expect([percentile(sorted, 0.5), percentile(sorted, 0.99), percentile(sorted, 1)]).toEqual([
      51, 100, 100,
    ]);
  });

  it('is NaN for no values', () => {
    expect(percentile([], 0.99)).toBeNaN();
  });
});
