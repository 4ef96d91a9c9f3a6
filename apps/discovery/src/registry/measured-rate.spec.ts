import { MeasuredRate } from './measured-rate';

describe('MeasuredRate', () => {
  it('reports the previous full bucket, and zero after an idle bucket', () => {
    const clock = { now: 0 };
    const rate = new MeasuredRate(60_000, () => clock.now);
    rate.increment();
    rate.increment();
    expect(rate.lastBucketCount()).toBe(0);
    clock.now = 61_000;
    expect(rate.lastBucketCount()).toBe(2);
    clock.now = 190_000;
    expect(rate.lastBucketCount()).toBe(0);
  });
});
