// The composed stack that the system suite, the Swarm test and the whole-stack bench drive.
export {
  composeStack,
  startComposeStack,
  SYSTEM_TEST_PROJECT,
  type ComposeStack,
  type ComposeStackAddress,
  manifestServices,
  publishedPorts,
  type ComposeStackOptions,
} from './compose-stack';
export { describeComposedServices, type ComposedService } from './composed-service.checks';
export { launchBrowser, seriousViolations, type AccessibilityViolation } from './browser';
