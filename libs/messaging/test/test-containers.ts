// The one place messaging's tests reach the testcontainers helpers. The boundary rule lets only
// services (scope:service) depend on scope:testing; a platform lib's own tests need them too.
// eslint-disable-next-line @nx/enforce-module-boundaries
export {
  amqpUrl,
  createTestDatabase,
  requireTestEnv,
  startPostgres,
  startRabbitMq,
  type TestDatabase,
} from '@pss/testing';
