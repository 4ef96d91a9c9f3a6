import type { INestApplication } from '@nestjs/common';
import { NestLogger } from '../logging/nest-logger';
import { ServiceConfig } from '../config/service-config';

const SIGNALS = ['SIGTERM', 'SIGINT'] as const;

/**
 * On SIGTERM or SIGINT: readiness goes to STOPPING, the server stops accepting connections and
 * closes idle keep-alive ones, requests in flight finish, the database pool closes, exit code 0.
 * A shutdown that hangs longer than SHUTDOWN_TIMEOUT_MS ends with exit code 1.
 */
export function enableGracefulShutdown(app: INestApplication): void {
  const { shutdownTimeoutMs } = app.get(ServiceConfig);
  const logger = app.get(NestLogger);
  app.enableShutdownHooks([...SIGNALS], { useProcessExit: true });
  for (const signal of SIGNALS) {
    process.once(signal, () => {
      logger.log(`${signal} received: shutting down`);
      setTimeout(() => {
        logger.error(`shutdown took longer than ${shutdownTimeoutMs} ms: exiting`);
        process.exit(1);
      }, shutdownTimeoutMs).unref();
    });
  }
}
