import { Injectable } from '@nestjs/common';
import type { Decision } from './decide';

/** The decisions kept per service, newest last. */
export const HISTORY_LENGTH = 200;

export interface RecordedDecision extends Decision {
  /** ISO 8601 UTC. */
  at: string;
  service: string;
  /** The figure Prometheus gave for the whole service. */
  observed?: number;
}

/**
 * Each service's recent decisions. Every scale is kept; a hold only when it differs from the
 * decision before it, so that a steady service does not push its scales out of the list.
 */
@Injectable()
export class DecisionHistory {
  private readonly byService = new Map<string, RecordedDecision[]>();

  record(decision: RecordedDecision): void {
    const list = this.byService.get(decision.service) ?? [];
    const last = list.at(-1);
    if (last && decision.action === 'hold' && sameHold(last, decision)) return;
    list.push(decision);
    if (list.length > HISTORY_LENGTH) list.shift();
    this.byService.set(decision.service, list);
  }

  /** Newest first. */
  of(service: string): RecordedDecision[] {
    return [...(this.byService.get(service) ?? [])].reverse();
  }
}

const sameHold = (a: RecordedDecision, b: RecordedDecision) => a.hold === b.hold && a.replicas === b.replicas;
