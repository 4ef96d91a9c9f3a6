import type { ReplicationAction } from './replication-action';

export type DropReason = 'queue_full' | 'superseded' | 'refused' | 'shutdown';

export interface ReplicationBatch {
  actions: ReplicationAction[];
  /** The request body: `{"replicationList":[…]}`. */
  body: string;
}

const heartbeatKey = (action: ReplicationAction) => `${action.appName}/${action.id}`;

/**
 * One peer's pending actions, oldest first. A heartbeat for an instance that already has one
 * pending updates that one in place (the peer needs only the latest), so an unreachable peer costs
 * at most one heartbeat per instance; other actions queue up to `capacity`. Batches are cut by
 * count and by bytes.
 */
export class ReplicationQueue {
  private actions: ReplicationAction[] = [];
  private readonly heartbeats = new Map<string, ReplicationAction>();

  constructor(
    private readonly capacity: number,
    private readonly onDrop: (reason: DropReason, count: number) => void,
  ) {}

  get size(): number {
    return this.actions.length;
  }

  push(action: ReplicationAction): void {
    if (action.action === 'Heartbeat') {
      const pending = this.heartbeats.get(heartbeatKey(action));
      if (pending) {
        Object.assign(pending, action);
        return this.onDrop('superseded', 1);
      }
    }
    if (this.actions.length >= this.capacity) return this.onDrop('queue_full', 1);
    this.actions.push(action);
    if (action.action === 'Heartbeat') this.heartbeats.set(heartbeatKey(action), action);
  }

  /**
   * The oldest actions that fit in `maxBytes` (at least one) and `maxActions`; an action that alone
   * is larger than `maxBytes` goes alone.
   */
  take(maxActions: number, maxBytes: number): ReplicationBatch | undefined {
    const parts: string[] = [];
    let bytes = 0;
    for (const action of this.actions) {
      if (parts.length >= maxActions) break;
      const part = JSON.stringify(action);
      const size = Buffer.byteLength(part) + 1;
      if (parts.length > 0 && bytes + size > maxBytes) break;
      parts.push(part);
      bytes += size;
    }
    if (parts.length === 0) return undefined;
    const actions = this.actions.splice(0, parts.length);
    for (const action of actions)
      if (action.action === 'Heartbeat') this.heartbeats.delete(heartbeatKey(action));
    return { actions, body: `{"replicationList":[${parts.join(',')}]}` };
  }

  /** A batch that could not be sent goes back in front; a heartbeat renewed meanwhile is superseded. */
  putBack(actions: ReplicationAction[]): void {
    const kept = actions.filter(
      (action) => action.action !== 'Heartbeat' || !this.heartbeats.has(heartbeatKey(action)),
    );
    if (kept.length < actions.length) this.onDrop('superseded', actions.length - kept.length);
    for (const action of kept)
      if (action.action === 'Heartbeat') this.heartbeats.set(heartbeatKey(action), action);
    this.actions = [...kept, ...this.actions];
  }

  /** Empties the queue; returns what it held. */
  clear(): number {
    const count = this.actions.length;
    this.actions = [];
    this.heartbeats.clear();
    return count;
  }
}
