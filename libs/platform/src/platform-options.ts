import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DataSource, MixedList, EntitySchema } from 'typeorm';

export interface PlatformDatabaseOptions {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  /** Idempotent reference data, run after the migrations. */
  seed?: (dataSource: DataSource) => Promise<void>;
}

export interface PlatformOptions {
  /** Lower-case service name: log field `service`, metrics label, OpenAPI title. */
  serviceName: string;
  /** Port used when PORT is not set. */
  defaultPort?: number;
  /** Omit for services without a database (the registry). */
  database?: PlatformDatabaseOptions;
  /** OpenAPI description and version shown at /docs. */
  description?: string;
  version?: string;
  /**
   * What the service adds to its HTTP server before its routes are registered: fastify plugins
   * (the website's form bodies, cookies, CSRF tokens and proxy).
   */
  configureHttp?: (app: NestFastifyApplication) => Promise<void>;
}

export const PLATFORM_OPTIONS = Symbol('PLATFORM_OPTIONS');
