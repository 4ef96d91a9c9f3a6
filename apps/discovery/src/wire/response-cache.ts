import { LRUCache } from 'lru-cache';
import type { InstanceRegistry } from '../registry/instance-registry';
import { render, type RenderedEntity, type WireFormat } from './negotiation';

interface Entry {
  rendered: RenderedEntity;
  mutations: number;
  createdAt: number;
}

/** Anyone may ask for any VIP name: the cache keeps the most recently used, not all. */
const MAX_ENTRIES = 1_000;

/**
 * Rendered (and gzipped) payloads of the collection GETs. refreshMs 0: an entry lives until the
 * registry changes. Otherwise Eureka's read-only cache: entries change only at refresh boundaries.
 */
export class ResponseCache {
  // Least recently used first out: a stream of random look-ups evicts each other, not the payloads
  // every client fetches (`/eureka/apps`, the deltas).
  private readonly entries = new LRUCache<string, Entry>({ max: MAX_ENTRIES });

  constructor(
    private readonly registry: InstanceRegistry,
    private readonly refreshMs: number,
  ) {}

  get(key: string, format: WireFormat, build: () => { root: string; entity: unknown }): RenderedEntity {
    const cacheKey = `${format}:${key}`;
    const now = Date.now();
    const entry = this.entries.get(cacheKey);
    if (entry && this.fresh(entry, now)) return entry.rendered;
    const { root, entity } = build();
    const rendered = render(root, entity, format);
    this.entries.set(cacheKey, { rendered, mutations: this.registry.mutations, createdAt: now });
    return rendered;
  }

  private fresh(entry: Entry, now: number): boolean {
    if (this.refreshMs === 0) return entry.mutations === this.registry.mutations;
    return Math.floor(entry.createdAt / this.refreshMs) === Math.floor(now / this.refreshMs);
  }
}
