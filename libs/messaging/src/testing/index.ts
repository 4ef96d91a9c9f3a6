// @pss/messaging/testing: for tests only.
export { publishEvents } from './publish-events';
export { takeQueuedEvents } from './queued-events';
export {
  bulkScheduledEvent,
  publishReferenceFares,
  publishReferenceInventories,
  publishReferenceSchedule,
  referenceFareEvents,
  referenceScheduleEvents,
  scheduledFlightEvent,
  REFERENCE_FLIGHTS,
  REFERENCE_SEATS_FOR_SALE,
} from './reference-schedule';
