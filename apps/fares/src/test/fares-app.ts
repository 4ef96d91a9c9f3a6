import type { INestApplication } from '@nestjs/common';
import { createService } from '@pss/platform';
import type { AddressInfo } from 'node:net';
import { AppModule } from '../app.module';

export interface RunningFares {
  app: INestApplication;
  baseUrl: string;
}

/** Boots the real fares app (migrations and seed included) on a free port against `databaseUrl`. */
export async function startFares(databaseUrl: string): Promise<RunningFares> {
  process.env.DATABASE_URL = databaseUrl;
  process.env.LOG_LEVEL ??= 'warn';
  const app = await createService(AppModule);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, baseUrl: `http://127.0.0.1:${port}` };
}

export const todayUtc = () => new Date().toISOString().slice(0, 10);
