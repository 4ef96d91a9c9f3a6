import type { IntegrationEvent } from './integration-event';

export interface CheckinCompletedPayload {
  checkinId: string;
  bookingId: string;
}

export type CheckinCompletedEvent = IntegrationEvent<'checkin.completed', CheckinCompletedPayload>;
