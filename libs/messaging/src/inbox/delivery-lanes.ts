/**
 * Spreads deliveries over a few lanes by key (the aggregate id). Each lane hands its waiting
 * deliveries to `work` in arrival-order batches, one batch at a time: events of one aggregate stay
 * in order, lanes run concurrently, and a busy lane amortises one transaction over many events.
 */
export class DeliveryLanes<T> {
  private readonly lanes: { waiting: T[]; running?: Promise<void> }[];

  constructor(
    laneCount: number,
    private readonly maxBatch: number,
    private readonly work: (batch: T[]) => Promise<void>,
    private readonly signal: AbortSignal,
  ) {
    this.lanes = Array.from({ length: laneCount }, () => ({ waiting: [] }));
  }

  push(key: string, item: T): void {
    const lane = this.lanes[hash(key) % this.lanes.length];
    lane.waiting.push(item);
    lane.running ??= this.drain(lane).finally(() => (lane.running = undefined));
  }

  /** Resolves when the batches being worked on are done (waiting items stay, for redelivery). */
  async idle(): Promise<void> {
    await Promise.allSettled(this.lanes.map((lane) => lane.running));
  }

  private async drain(lane: { waiting: T[] }): Promise<void> {
    while (lane.waiting.length > 0 && !this.signal.aborted) {
      await this.work(lane.waiting.splice(0, this.maxBatch));
    }
  }
}

/** FNV-1a: cheap, stable, spreads similar ids. */
function hash(key: string): number {
  let value = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) value = Math.imul(value ^ key.charCodeAt(i), 0x01000193);
  return value >>> 0;
}
