/** Counts events per fixed bucket and reports the previous full bucket (Eureka's MeasuredRate). */
export class MeasuredRate {
  private bucketStart: number;
  private current = 0;
  private previous = 0;

  constructor(
    private readonly bucketMs: number,
    private readonly now: () => number,
  ) {
    this.bucketStart = now();
  }

  increment(): void {
    this.roll();
    this.current += 1;
  }

  lastBucketCount(): number {
    this.roll();
    return this.previous;
  }

  private roll(): void {
    const elapsed = this.now() - this.bucketStart;
    if (elapsed < this.bucketMs) return;
    this.previous = elapsed < 2 * this.bucketMs ? this.current : 0;
    this.current = 0;
    this.bucketStart += Math.floor(elapsed / this.bucketMs) * this.bucketMs;
  }
}
