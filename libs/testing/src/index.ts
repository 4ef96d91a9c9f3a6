// Test helpers: real containers, processes, waiting on conditions. Tests only; depends on no
// other project of the workspace, so that every layer's tests can use it.
export { baseImages, extraCaBundle, parseImagesEnv, workspaceRoot, type BaseImages } from './images';
export { startPostgres, createTestDatabase, type TestDatabase } from './postgres';
export { startRabbitMq, startRabbitMqOnPort, amqpUrl } from './rabbitmq';
export { createTestVhost, type TestVhost } from './rabbitmq-vhost';
export { requireTestEnv, testEnv } from './jest/env';
export { reportOpenHandles } from './jest/open-handles';
export {
  freePort,
  startAppProcess,
  startNodeProcess,
  startServiceProcess,
  type RunningProcess,
} from './processes';
export { bundledEntry, nodeArgsFor } from './bundles';
export { eventually, waitUntil } from './eventually';
export { mapWithConcurrency, times } from './concurrency';
export { daysFromToday } from './dates';
export { Teardown } from './teardown';
export {
  registryAuthorization,
  registryPassword,
  TEST_REGISTRY_CLIENTS,
  TEST_REGISTRY_ENV,
  TEST_SECRET_MARK,
  testRegistryEnv,
  withRegistryCredentials,
  type RegistryAccount,
} from './accounts/registry-credentials';
export { operatorAuthorization, TEST_OPERATOR_ENV } from './accounts/operator-account';
export {
  docker,
  exec,
  logLines,
  logLinesWhileRunning,
  runToCompletion,
  TEST_LABELS,
} from './docker/docker-client';
export { fetchInContainer, type ContainerRequest, type ContainerResponse } from './docker/fetch-in-container';
export { buildServiceImage, imageVersion } from './docker/build-image';
export { TestNetwork, type ContainerOptions } from './docker/test-network';
export { expectMigrationsInStep } from './migrations';
export { startServiceWorld, type ServiceWorld } from './service-world';
