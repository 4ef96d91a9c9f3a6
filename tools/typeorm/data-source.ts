// The data source of the TypeORM CLI (the migration-generate and migration-revert targets): the
// app's own schema (PSS_DATABASE_SCHEMA, its src/database/schema.ts) with the platform's options,
// on DATABASE_URL. Never used by a running service.
import { createDataSourceOptions, type PlatformDatabaseOptions } from '@pss/platform';
import { resolve } from 'node:path';
import { DataSource } from 'typeorm';

const schemaFile = process.env.PSS_DATABASE_SCHEMA;
if (!schemaFile)
  throw new Error('PSS_DATABASE_SCHEMA must name an app schema (apps/<app>/src/database/schema.ts)');
const { database } = require(resolve(schemaFile)) as { database: PlatformDatabaseOptions };

export default new DataSource(createDataSourceOptions({ url: process.env.DATABASE_URL ?? '', ...database }));
