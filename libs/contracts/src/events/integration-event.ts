import { randomUUID } from 'node:crypto';

/** The envelope every integration event on `pss.events` has; `type` is also its routing key. */
export interface IntegrationEvent<TType extends string = string, TPayload = unknown> {
  /** Unique per event (UUID): consumers record it in their inbox to apply each event once. */
  id: string;
  type: TType;
  /** ISO 8601 UTC timestamp of the state change that produced the event. */
  occurredAt: string;
  payload: TPayload;
}

/** A new event with a fresh id, stamped now (or at `occurredAt`). */
export function createIntegrationEvent<TType extends string, TPayload>(
  type: TType,
  payload: TPayload,
  occurredAt: Date = new Date(),
): IntegrationEvent<TType, TPayload> {
  return { id: randomUUID(), type, occurredAt: occurredAt.toISOString(), payload };
}
