import { createDataSourceOptions } from '@pss/platform';
import { DataSource } from 'typeorm';
import { faresDatabase } from './schema';

/** For the TypeORM CLI (`nx run fares:migration-generate`, `migration:revert`), never the app. */
export default new DataSource(
  createDataSourceOptions({ url: process.env.DATABASE_URL ?? '', ...faresDatabase }),
);
