// @pss/platform/testing: for tests only.
export { startService, type RunningService } from './start-service';
