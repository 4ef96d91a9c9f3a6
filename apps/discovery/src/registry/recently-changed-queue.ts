import type { Lease } from './lease';

interface Change {
  at: number;
  lease: Lease;
}

/**
 * The changes a delta fetch returns. Entries point at the lease, so a delta shows each changed
 * instance's current state (as Eureka does); old entries are dropped by `prune`.
 */
export class RecentlyChangedQueue {
  private changes: Change[] = [];
  private version = 0;

  record(lease: Lease, at: number): void {
    this.changes.push({ at, lease });
    this.version += 1;
  }

  /** Drops the entries older than the retention; returns how many went. */
  prune(now: number, retentionMs: number): number {
    const firstKept = this.changes.findIndex((change) => change.at >= now - retentionMs);
    const dropped = firstKept === -1 ? this.changes.length : firstKept;
    if (dropped > 0) this.changes = this.changes.slice(dropped);
    return dropped;
  }

  /** Grows whenever the delta content changes; it becomes the delta's `versions__delta`. */
  get deltaVersion(): number {
    return this.version;
  }

  leases(): Lease[] {
    return this.changes.map((change) => change.lease);
  }
}
