// @pss/messaging/testing: for tests only.
export { publishEvents } from './publish-events';
export { takeQueuedEvents } from './queued-events';
export {
  publishReferenceFares,
  publishReferenceSchedule,
  referenceFareEvents,
  referenceScheduleEvents,
  scheduledFlightEvent,
  REFERENCE_FLIGHTS,
} from './reference-schedule';
