import { createIntegrationEvent, type FareChangedEvent } from '@pss/contracts';

export interface FareChange {
  flightNumber: string;
  flightDate: string;
  amount: string;
  fareVersion: number;
}

/** A `fare.changed` event as fares publishes it (in USD, the currency of every seeded flight). */
export const fareEvent = ({ amount, ...change }: FareChange): FareChangedEvent =>
  createIntegrationEvent('fare.changed', { ...change, fare: { amount, currency: 'USD' } });
