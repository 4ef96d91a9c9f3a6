import { startService, type RunningService } from '@pss/platform/testing';
import { AppModule } from '../src/app.module';

/** The real fares app (migrations and seed included) on a free port, against `databaseUrl`. */
export const startFares = (databaseUrl: string): Promise<RunningService> =>
  startService(AppModule, { DATABASE_URL: databaseUrl });
