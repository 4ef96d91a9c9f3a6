export { baseImages, extraCaBundle, parseImagesEnv, workspaceRoot, type BaseImages } from './images';
export { startPostgres, createTestDatabase, type TestDatabase } from './postgres';
export { startRabbitMq, amqpUrl } from './rabbitmq';
export { requireTestEnv, testEnv } from './jest/env';
export { freePort, startNodeProcess, startServiceProcess, type RunningProcess } from './processes';
export { eventually, waitUntil } from './eventually';
export { patchedDependenciesProbe, patchedLoadingCost } from './patched-dependencies';
