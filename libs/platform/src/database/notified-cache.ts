import { Logger } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import type { DataSource } from 'typeorm';
import { NotificationListener } from './notification-listener';

export interface NotifiedCacheOptions {
  /** The PostgreSQL channel a change is announced on; the payload is the key that changed. */
  channel: string;
  /** Entries kept at most; 0 turns the cache off. */
  max: number;
  /** The longest an entry lives without a change: a safety net behind the notifications. */
  ttlMs: number;
}

/** A payload that drops every entry. */
export const EVERY_KEY = '*';

const LISTEN_RETRY_MS = 2_000;

/**
 * Values kept in memory until a change is announced: whatever changes what a value was loaded
 * from NOTIFYs its key in the same transaction, so every instance drops it when the change
 * commits. While the LISTEN connection is down nothing is kept (a change could go unheard), and
 * after it comes back everything kept before is dropped. A load that raced a change is not kept.
 */
export class NotifiedCache<V extends object> {
  private readonly logger = new Logger(NotifiedCache.name);
  private readonly entries?: LRUCache<string, V>;
  private readonly listener: NotificationListener;
  /** Counts invalidations, so that a load that raced one is not stored. */
  private invalidations = 0;
  private retry?: NodeJS.Timeout;

  constructor(
    dataSource: DataSource,
    private readonly options: NotifiedCacheOptions,
  ) {
    if (options.max > 0) this.entries = new LRUCache({ max: options.max, ttl: options.ttlMs });
    this.listener = new NotificationListener(dataSource, options.channel, {
      onNotify: (key) => this.invalidate(key),
      onLost: () => this.invalidate(EVERY_KEY),
    });
  }

  /** Listens, and listens again after every loss, until `stop()`. */
  async start(): Promise<void> {
    if (this.entries) await this.keepListening();
  }

  async stop(): Promise<void> {
    clearTimeout(this.retry);
    await this.listener.stop();
  }

  /** The kept value of `key`, or `load()`'s, kept if nothing changed meanwhile; `hit` says which. */
  async get(key: string, load: () => Promise<V>): Promise<{ value: V; hit: boolean }> {
    const kept = this.entries?.get(key);
    if (kept) return { value: kept, hit: true };
    const invalidationsBefore = this.invalidations;
    const value = await load();
    if (this.listener.listening && this.invalidations === invalidationsBefore) this.entries?.set(key, value);
    return { value, hit: false };
  }

  /** Drops a key (or every key): on a NOTIFY, and at once after this instance's own change. */
  invalidate(key: string): void {
    this.invalidations++;
    if (key === EVERY_KEY) this.entries?.clear();
    else this.entries?.delete(key);
  }

  private async keepListening(): Promise<void> {
    if (!this.listener.listening && (await this.listener.ensureListening())) {
      this.invalidate(EVERY_KEY);
      this.logger.log(`listening on ${this.options.channel}: the cache is on`);
    }
    this.retry = setTimeout(() => void this.keepListening(), LISTEN_RETRY_MS).unref();
  }
}
