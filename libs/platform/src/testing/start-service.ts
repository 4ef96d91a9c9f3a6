import type { INestApplication, Type } from '@nestjs/common';
import { createService } from '../bootstrap/create-service';
import { TEST_OPERATOR_ENV } from '@pss/testing';
import type { AddressInfo } from 'node:net';

export interface RunningService {
  app: INestApplication;
  /** http://127.0.0.1:<port> */
  baseUrl: string;
}

/**
 * Boots a service's AppModule in this process as `bootstrapService` would (migrations and seed
 * included), with the tests' operator account and `env` as its environment for the time it reads it, on a free port of 127.0.0.1.
 * It does not catch up with the owners it follows unless `env` says CATCH_UP=true: a test starts the
 * owners it needs itself.
 */
export async function startService(
  appModule: Type<unknown>,
  env: Record<string, string>,
): Promise<RunningService> {
  const serviceEnv = { LOG_LEVEL: 'warn', CATCH_UP: 'false', ...TEST_OPERATOR_ENV, ...env };
  const saved = Object.fromEntries(Object.keys(serviceEnv).map((name) => [name, process.env[name]]));
  Object.assign(process.env, serviceEnv);
  try {
    const app = await createService(appModule);
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as AddressInfo;
    return { app, baseUrl: `http://127.0.0.1:${port}` };
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}
