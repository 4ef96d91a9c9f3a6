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
 */
export async function startService(
  appModule: Type<unknown>,
  env: Record<string, string>,
): Promise<RunningService> {
  const saved = Object.fromEntries(
    Object.keys({ LOG_LEVEL: '', ...TEST_OPERATOR_ENV, ...env }).map((name) => [name, process.env[name]]),
  );
  Object.assign(process.env, { LOG_LEVEL: 'warn', ...TEST_OPERATOR_ENV, ...env });
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
