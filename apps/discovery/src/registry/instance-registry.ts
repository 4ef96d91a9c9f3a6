import type { InstanceInfo, InstanceStatus } from './instance-info';
import { InvalidRegistration } from './invalid-registration';
import { LeaseHeldElsewhere } from './lease-held-elsewhere';
import { Lease } from './lease';
import { RecentlyChangedQueue } from './recently-changed-queue';
import { SelfPreservation, type SelfPreservationSettings } from './self-preservation';
import { resolveStatus } from './status-rules';

export interface RegistrySettings {
  /** Eureka's "expires after 2 x duration" quirk; off means a lease ends exactly 1 x duration after its last renewal. */
  doubleLeaseDuration: boolean;
  selfPreservation: SelfPreservationSettings;
  maxInstances: number;
  maxInstancesPerApp: number;
  /**
   * How far ahead of this node's clock a lastDirtyTimestamp may be: later ones are taken as now plus
   * this, so a forged future timestamp cannot keep a record in place against the real one.
   */
  maxClockSkewMs: number;
}

export type RenewOutcome =
  { kind: 'renewed' } | { kind: 'not-found' } | { kind: 'conflict'; instance: InstanceInfo };

/** The in-memory registry: applications -> instance id -> lease, with Eureka's server semantics. */
export class InstanceRegistry {
  private readonly apps = new Map<string, Map<string, Lease>>();
  /** By app and id: an application's account must not reach another's override through a shared id. */
  private readonly overrides = new Map<string, InstanceStatus>();
  readonly changes = new RecentlyChangedQueue();
  readonly selfPreservation: SelfPreservation;
  /** Grows on every change that a fetch can see; response caches key on it. */
  mutations = 0;
  private count = 0;

  constructor(
    private readonly settings: RegistrySettings,
    readonly now: () => number = Date.now,
  ) {
    this.selfPreservation = new SelfPreservation(settings.selfPreservation, now);
  }

  /**
   * Throws InvalidRegistration when a new instance would pass the registry's or its app's limit,
   * LeaseHeldElsewhere when a client would move a live instance id to another address (a peer
   * passes on what its own node accepted, so its copy is not checked again).
   */
  register(registrant: InstanceInfo, isReplication: boolean): void {
    const now = this.now();
    const existing = this.lease(registrant.app, registrant.id);
    if (!existing) this.checkRoomFor(registrant.app);
    else if (!isReplication && !existing.isExpired(now) && !sameAddress(existing.holder, registrant))
      throw new LeaseHeldElsewhere(registrant.app, registrant.id);
    const group = this.apps.get(registrant.app) ?? new Map<string, Lease>();
    this.apps.set(registrant.app, group);
    registrant.lastDirtyTimestamp = this.clampDirty(registrant.lastDirtyTimestamp);
    const newerExisting = existing && existing.holder.lastDirtyTimestamp > registrant.lastDirtyTimestamp;
    const holder = newerExisting ? existing.holder : registrant;
    if (!existing) {
      this.count += 1;
      this.selfPreservation.clientAdded();
    }
    const lease = new Lease(holder, now, this.settings.doubleLeaseDuration);
    if (existing) lease.serviceUpTimestamp = existing.serviceUpTimestamp;
    group.set(holder.id, lease);
    const key = overrideKey(holder.app, holder.id);
    if (holder.overriddenStatus !== 'UNKNOWN' && !this.overrides.has(key)) {
      this.overrides.set(key, holder.overriddenStatus);
    }
    const override = this.overrides.get(key);
    if (override) holder.overriddenStatus = override;
    holder.status = resolveStatus(holder.status, override, existing?.holder.status, isReplication);
    if (holder.status === 'UP') lease.serviceUp(now);
    this.recordChange(lease, 'ADDED', now);
  }

  renew(app: string, id: string, isReplication: boolean, lastDirtyTimestamp?: number): RenewOutcome {
    const lease = this.lease(app, id);
    if (!lease) return { kind: 'not-found' };
    const holder = lease.holder;
    const override = this.overrides.get(overrideKey(app, id));
    const status = resolveStatus(holder.status, override, holder.status, isReplication);
    // UNKNOWN (an override deleted without a fallback) makes the client re-register its real status.
    if (status === 'UNKNOWN') return { kind: 'not-found' };
    holder.status = status;
    this.selfPreservation.renewals.increment();
    lease.renew(this.now());
    if (lastDirtyTimestamp === undefined) return { kind: 'renewed' };
    const dirty = this.clampDirty(lastDirtyTimestamp);
    if (dirty === holder.lastDirtyTimestamp) return { kind: 'renewed' };
    if (dirty > holder.lastDirtyTimestamp) return { kind: 'not-found' };
    return isReplication ? { kind: 'conflict', instance: holder } : { kind: 'renewed' };
  }

  cancel(app: string, id: string): boolean {
    const group = this.apps.get(app);
    const lease = group?.get(id);
    if (!group || !lease) return false;
    group.delete(id);
    this.count -= 1;
    if (group.size === 0) this.apps.delete(app);
    this.overrides.delete(overrideKey(app, id));
    const now = this.now();
    lease.cancel(now);
    this.selfPreservation.clientRemoved();
    this.recordChange(lease, 'DELETED', now);
    return true;
  }

  setStatusOverride(app: string, id: string, status: InstanceStatus, lastDirtyTimestamp?: number): boolean {
    const lease = this.lease(app, id);
    if (!lease) return false;
    const now = this.now();
    lease.renew(now);
    if (lease.holder.status === status) return true;
    if (status === 'UP') lease.serviceUp(now);
    this.overrides.set(overrideKey(app, id), status);
    lease.holder.overriddenStatus = status;
    this.changeStatus(lease, status, now, lastDirtyTimestamp);
    return true;
  }

  deleteStatusOverride(
    app: string,
    id: string,
    fallback: InstanceStatus,
    lastDirtyTimestamp?: number,
  ): boolean {
    const lease = this.lease(app, id);
    if (!lease) return false;
    this.overrides.delete(overrideKey(app, id));
    lease.holder.overriddenStatus = 'UNKNOWN';
    this.changeStatus(lease, fallback, this.now(), lastDirtyTimestamp);
    return true;
  }

  /** Eureka applies a metadata change as a re-registration (an ADDED delta entry). */
  updateMetadata(app: string, id: string, entries: Record<string, string>): InstanceInfo | undefined {
    const lease = this.lease(app, id);
    if (!lease) return undefined;
    lease.holder.metadata = { ...lease.holder.metadata, ...entries };
    this.register(lease.holder, false);
    return lease.holder;
  }

  /** Cancels expired leases, at most (1 - renewalPercentThreshold) of the registry per run. */
  evict(compensationMs = 0, random: () => number = Math.random): InstanceInfo[] {
    if (!this.selfPreservation.leaseExpirationEnabled()) return [];
    const now = this.now();
    const all = [...this.leases()];
    const expired = all.filter((lease) => lease.isExpired(now, compensationMs));
    const percent = this.settings.selfPreservation.renewalPercentThreshold;
    const limit = all.length - Math.floor(all.length * percent);
    const evicted: InstanceInfo[] = [];
    while (expired.length > 0 && evicted.length < limit) {
      const [lease] = expired.splice(Math.floor(random() * expired.length), 1);
      this.cancel(lease.holder.app, lease.holder.id);
      evicted.push(lease.holder);
    }
    return evicted;
  }

  pruneChanges(retentionMs: number): void {
    // The delta payload changes, so cached responses must too.
    if (this.changes.prune(this.now(), retentionMs) > 0) this.mutations += 1;
  }

  recountExpectedClients(): void {
    this.selfPreservation.recount(this.size);
  }

  lease(app: string, id: string): Lease | undefined {
    return this.apps.get(app)?.get(id);
  }

  group(app: string): Lease[] | undefined {
    const group = this.apps.get(app);
    return group && [...group.values()];
  }

  *leases(): Iterable<Lease> {
    for (const group of this.apps.values()) yield* group.values();
  }

  appNames(): string[] {
    return [...this.apps.keys()];
  }

  get size(): number {
    return this.count;
  }

  /** By instance id, as the Java server's /serverinfo/statusoverrides shows them. */
  statusOverrides(): Record<string, InstanceStatus> {
    return Object.fromEntries([...this.overrides].map(([key, status]) => [idOf(key), status]));
  }

  private checkRoomFor(app: string): void {
    if (this.count >= this.settings.maxInstances)
      throw new InvalidRegistration(`The registry is full: at most ${this.settings.maxInstances} instances`);
    if ((this.apps.get(app)?.size ?? 0) >= this.settings.maxInstancesPerApp)
      throw new InvalidRegistration(
        `Too many instances of ${app}: at most ${this.settings.maxInstancesPerApp}`,
      );
  }

  private clampDirty(timestamp: number): number {
    return Math.min(timestamp, this.now() + this.settings.maxClockSkewMs);
  }

  private changeStatus(lease: Lease, status: InstanceStatus, now: number, lastDirtyTimestamp?: number): void {
    lease.holder.status = status;
    if (lastDirtyTimestamp !== undefined) {
      lease.holder.lastDirtyTimestamp = Math.max(
        lease.holder.lastDirtyTimestamp,
        this.clampDirty(lastDirtyTimestamp),
      );
    }
    this.recordChange(lease, 'MODIFIED', now);
  }

  private recordChange(lease: Lease, action: 'ADDED' | 'MODIFIED' | 'DELETED', now: number): void {
    lease.holder.actionType = action;
    lease.holder.lastUpdatedTimestamp = now;
    this.changes.record(lease, now);
    this.mutations += 1;
  }
}

const overrideKey = (app: string, id: string): string => JSON.stringify([app, id]);
const idOf = (key: string): string => (JSON.parse(key) as [string, string])[1];

const sameAddress = (held: InstanceInfo, registrant: InstanceInfo): boolean =>
  held.ipAddr === registrant.ipAddr && held.hostName === registrant.hostName;
