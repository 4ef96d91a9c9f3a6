export { baseImages, extraCaBundle, parseImagesEnv, workspaceRoot, type BaseImages } from './images';
export { startPostgres, createTestDatabase, type TestDatabase } from './postgres';
export { startRabbitMq, startRabbitMqOnPort, amqpUrl } from './rabbitmq';
export { createTestVhost, type TestVhost } from './rabbitmq-vhost';
export { requireTestEnv, testEnv } from './jest/env';
export {
  freePort,
  startAppProcess,
  startNodeProcess,
  startServiceProcess,
  type RunningProcess,
} from './processes';
export { eventually, waitUntil } from './eventually';
export { daysFromToday } from './dates';
export {
  registryAuthorization,
  TEST_REGISTRY_ENV,
  withRegistryCredentials,
  type RegistryAccount,
} from './registry/registry-credentials';
export { docker, exec, imageSize, logLines, runToCompletion, TEST_LABELS } from './docker/docker-client';
export { buildServiceImage } from './docker/build-image';
export { TestNetwork, type ContainerOptions } from './docker/test-network';
export { describeLoad, measureLoad, type LoadOptions, type LoadResult } from './bench/load';
export { summarizeCpuProfile, type ProfileShare } from './bench/cpu-profile';
export { runPgbench, type PgbenchOptions, type PgbenchResult } from './bench/pgbench';
export { describeServiceImage, type ServiceImageSpec } from './docker/service-image.suite';
export { startService, type RunningService } from './service';
export {
  startComposeStack,
  SYSTEM_TEST_PROJECT,
  type ComposeStack,
  type PublishedService,
} from './compose-stack';
export { expectMigrationsInStep } from './migrations';
export {
  compareUnderLoad,
  printRatios,
  profileUnderLoad,
  residentMemory,
  serviceBench,
  type Candidate,
  type ServiceBench,
  type ServiceBenchSpec,
} from './bench/service-bench';
export { publishEvents } from './publish-events';
export type { ServiceWorld } from './service-world';
export { startServiceInWorld, type ServiceInWorld, type ServiceInWorldOptions } from './service-in-world';
