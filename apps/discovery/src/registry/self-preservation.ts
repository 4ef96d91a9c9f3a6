import { MeasuredRate } from './measured-rate';

export interface SelfPreservationSettings {
  enabled: boolean;
  renewalPercentThreshold: number;
  expectedClientRenewalIntervalSeconds: number;
  /** Clients expected before anyone registers (Spring's defaultOpenForTrafficCount). */
  initialExpectedClients: number;
  renewalRateBucketMs: number;
}

/**
 * Eureka's guard against mass eviction during a network partition: leases expire only while the
 * renewals of the last minute exceed the threshold computed from the expected clients.
 */
export class SelfPreservation {
  readonly renewals: MeasuredRate;
  private expectedClients: number;

  constructor(
    private readonly settings: SelfPreservationSettings,
    now: () => number,
  ) {
    this.renewals = new MeasuredRate(settings.renewalRateBucketMs, now);
    this.expectedClients = settings.initialExpectedClients;
  }

  get threshold(): number {
    const { expectedClientRenewalIntervalSeconds: interval, renewalPercentThreshold } = this.settings;
    return Math.floor(this.expectedClients * (60 / interval) * renewalPercentThreshold);
  }

  get expected(): number {
    return this.expectedClients;
  }

  clientAdded(): void {
    this.expectedClients += 1;
  }

  clientRemoved(): void {
    if (this.expectedClients > 0) this.expectedClients -= 1;
  }

  /** The periodic recount: only upwards unless self-preservation is off (as Eureka does). */
  recount(registered: number): void {
    const grew = registered > this.settings.renewalPercentThreshold * this.expectedClients;
    if (grew || !this.settings.enabled) this.expectedClients = registered;
  }

  leaseExpirationEnabled(): boolean {
    if (!this.settings.enabled) return true;
    return this.threshold > 0 && this.renewals.lastBucketCount() > this.threshold;
  }

  /** True while self-preservation holds evictions back (what the status page reports). */
  get active(): boolean {
    return this.settings.enabled && !this.leaseExpirationEnabled();
  }
}
