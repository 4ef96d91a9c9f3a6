import 'reflect-metadata';

// Composition: main.ts calls bootstrapService(AppModule); AppModule imports PlatformModule.forRoot.
export { PlatformModule } from './platform.module';
export { PLATFORM_OPTIONS, type PlatformOptions, type PlatformDatabaseOptions } from './platform-options';
export { bootstrapService } from './bootstrap/bootstrap-service';
export { createService } from './bootstrap/create-service';
export { ServiceCommand } from './commands/service-command';
export { runCommand } from './commands/run-command';

// Configuration.
export {
  ServiceConfig,
  loadServiceConfig,
  type BuildInfo,
  type DatabaseConfig,
} from './config/service-config';
export {
  ServiceEnvironment,
  DatabaseEnvironment,
  SERVICE_LOG_LEVELS,
  toBoolean,
  type LogLevel,
} from './config/service-environment';
export { validateEnvironment, validateEnvironments } from './config/validate-environment';
export { ConfigurationError } from './config/configuration-error';
export { withSecretFiles } from './config/secret-files';
export { firstExternalIpv4 } from './config/host-address';

// Logging and request ids across services.
export { ServiceLogger } from './logging/service-logger';
export { NestLogger } from './logging/nest-logger';
export { currentRequestId, runWithRequestId, REQUEST_ID_HEADER } from './logging/request-context';

// Accounts: HTTP basic credentials, and the operator account on operator routes.
export { BasicCredentials, basicAuthorization } from './support/basic-credentials';
export { OperatorGuard, OperatorRoute, OPERATOR_REALM } from './auth/operator-route';

// Errors.
export {
  PROBLEM_CONTENT_TYPE,
  problem,
  type ProblemDetails,
  type FieldProblem,
} from './errors/problem-details';
export { InvalidInputException, createValidationPipe, fieldProblems } from './errors/validation';
export { ProblemException } from './errors/problem.exception';
export { ProblemDocument } from './errors/problem-document';
export { ProblemDetailsFilter } from './errors/problem-details.filter';

// Validation of dates, and random codes.
export { addDays, IsIsoDate, IsTodayOrLater, todayUtc } from './validation/dates';
export { DateRangeQuery, MAX_RANGE_DAYS, daysInRange } from './validation/date-range';
export { randomCode, UNAMBIGUOUS_ALPHABET } from './validation/codes';

// Look-ups a client could guess, rate-limited per client address.
export { ForwardingProxies, LookupRateLimited } from './http/lookup-rate-limit';

// Retrying: exponential backoff with jitter, and a sleep that a signal cuts short.
export { backoffDelay, sleep, type BackoffOptions } from './support/backoff';

// Health.
export {
  ReadinessService,
  type ReadinessState,
  type ReadinessCheck,
  type ReadinessListener,
} from './health/readiness.service';

// Metrics.
export { MetricsService } from './metrics/metrics.service';
export { registerCountedGauge, type CountedGaugeOptions } from './metrics/counted-gauge';

// Database.
export { createDataSourceOptions, type DataSourceSettings } from './database/data-source-options';
export { migrateAndSeed } from './database/migrate';
export { NotificationListener, type NotificationHandlers } from './database/notification-listener';
export { EVERY_KEY, NotifiedCache, type NotifiedCacheOptions } from './database/notified-cache';
export { queryPrepared, type PreparedStatement } from './database/prepared-statement';
