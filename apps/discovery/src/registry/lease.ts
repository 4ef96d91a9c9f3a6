import type { InstanceInfo } from './instance-info';

/**
 * A registration and its heartbeats. `doubleDuration` keeps Eureka's known quirk (renew stores
 * "now + duration" and expiry adds the duration again, so a dead client lives 2 x duration).
 */
export class Lease {
  readonly registrationTimestamp: number;
  lastRenewalTimestamp: number;
  evictionTimestamp = 0;
  serviceUpTimestamp = 0;

  constructor(
    public holder: InstanceInfo,
    now: number,
    private readonly doubleDuration: boolean,
  ) {
    this.registrationTimestamp = now;
    this.lastRenewalTimestamp = now;
  }

  get durationMs(): number {
    return this.holder.durationInSecs * 1000;
  }

  renew(now: number): void {
    this.lastRenewalTimestamp = now;
  }

  cancel(now: number): void {
    if (this.evictionTimestamp <= 0) this.evictionTimestamp = now;
  }

  serviceUp(now: number): void {
    if (this.serviceUpTimestamp === 0) this.serviceUpTimestamp = now;
  }

  isExpired(now: number, compensationMs = 0): boolean {
    const lifetime = this.durationMs * (this.doubleDuration ? 2 : 1);
    return this.evictionTimestamp > 0 || now > this.lastRenewalTimestamp + lifetime + compensationMs;
  }
}
