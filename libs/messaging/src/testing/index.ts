// @pss/messaging/testing: for tests only.
export { publishEvents } from './publish-events';
export { takeQueuedEvents } from './queued-events';
