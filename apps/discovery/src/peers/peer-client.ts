import type { Peer } from '../config/peer-urls';
import type { ReplicationResult } from './replication-action';

/** Marks a write a peer passes on; it is applied there and never sent on again. */
export const REPLICATION_HEADER = 'x-netflix-discovery-replication';

/** The peer answered the batch with a 4xx: sending the same batch again can never succeed. */
export class BatchRefused extends Error {
  constructor(readonly status: number) {
    super(`refused with ${status}`);
  }
}

/**
 * `POST {peer}peerreplication/batch/` with this node's peer credentials, marked as replication so
 * the peer does not send it on. Resolves with the peer's answer per action; rejects with
 * BatchRefused on a 4xx, with another error when the peer could not take it (down, 5xx, timeout).
 */
export async function postBatch(peer: Peer, body: string, signal: AbortSignal): Promise<ReplicationResult[]> {
  const response = await fetch(new URL('peerreplication/batch/', peer.url), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      authorization: peer.authorization,
      [REPLICATION_HEADER]: 'true',
    },
    body,
    signal,
  });
  if (response.status >= 400 && response.status < 500) {
    await response.body?.cancel();
    throw new BatchRefused(response.status);
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new Error(`answered ${response.status}`);
  }
  const answer = (await response.json()) as { responseList?: ReplicationResult[] };
  return answer.responseList ?? [];
}
