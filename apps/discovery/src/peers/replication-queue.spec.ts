import type { ReplicationAction } from './replication-action';
import { ReplicationQueue, type DropReason } from './replication-queue';

const heartbeat = (id: string, lastDirtyTimestamp = 1): ReplicationAction => ({
  appName: 'FARES',
  id,
  action: 'Heartbeat',
  lastDirtyTimestamp,
});
const register = (id: string, padding = 0): ReplicationAction => ({
  appName: 'FARES',
  id,
  action: 'Register',
  instanceInfo: { padding: 'x'.repeat(padding) },
});

function queue(capacity = 100) {
  const drops: [DropReason, number][] = [];
  return { drops, queue: new ReplicationQueue(capacity, (reason, count) => drops.push([reason, count])) };
}

describe('ReplicationQueue', () => {
  it('keeps one heartbeat per instance, the latest, in the place of the first', () => {
    const { queue: pending, drops } = queue();
    pending.push(heartbeat('a', 1));
    pending.push(register('b'));
    pending.push(heartbeat('a', 2));
    const batch = pending.take(10, 1_000_000);
    expect(batch?.actions.map((action) => [action.id, action.lastDirtyTimestamp])).toEqual([
      ['a', 2],
      ['b', undefined],
    ]);
    expect(drops).toEqual([['superseded', 1]]);
  });

  it('cuts batches by count and by bytes, and sends an action larger than a batch alone', () => {
    const { queue: pending } = queue();
    for (const id of ['a', 'b', 'c']) pending.push(register(id, 400));
    pending.push(register('huge', 5_000));
    pending.push(register('d'));
    expect(pending.take(2, 1_000_000)?.actions.map((action) => action.id)).toEqual(['a', 'b']);
    expect(pending.take(10, 1_000)?.actions.map((action) => action.id)).toEqual(['c']);
    const alone = pending.take(10, 1_000);
    expect(alone?.actions.map((action) => action.id)).toEqual(['huge']);
    expect(JSON.parse(alone?.body ?? '')).toEqual({ replicationList: [register('huge', 5_000)] });
    expect(pending.take(10, 1_000)?.actions.map((action) => action.id)).toEqual(['d']);
    expect(pending.take(10, 1_000)).toBeUndefined();
  });

  it('counts what it cannot hold, and puts a failed batch back in front without stale heartbeats', () => {
    const { queue: pending, drops } = queue(2);
    pending.push(heartbeat('a'));
    pending.push(register('b'));
    pending.push(register('c'));
    const batch = pending.take(10, 1_000_000);
    pending.push(heartbeat('a', 5));
    pending.putBack(batch?.actions ?? []);
    expect(
      pending.take(10, 1_000_000)?.actions.map((action) => [action.id, action.lastDirtyTimestamp]),
    ).toEqual([
      ['b', undefined],
      ['a', 5],
    ]);
    expect(drops).toEqual([
      ['queue_full', 1],
      ['superseded', 1],
    ]);
    expect(pending.clear()).toBe(0);
  });
});
