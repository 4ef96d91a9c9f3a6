import { Controller, Module, Post } from '@nestjs/common';
import type { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { basicAuthorization } from '../src/support/basic-credentials';
import { OperatorRoute } from '../src/auth/operator-route';
import { createService } from '../src/bootstrap/create-service';
import { PlatformModule } from '../src/platform.module';

@Controller('schedule')
class ScheduleController {
  static changes = 0;

  @Post('change')
  @OperatorRoute()
  change(): { changes: number } {
    return { changes: ++ScheduleController.changes };
  }
}

@Module({
  imports: [PlatformModule.forRoot({ serviceName: 'operator-probe' })],
  controllers: [ScheduleController],
})
class OperatorProbeModule {}

async function start(env: Record<string, string>): Promise<{ app: INestApplication; base: string }> {
  Object.assign(process.env, { LOG_LEVEL: 'silent', ...env });
  try {
    const app = await createService(OperatorProbeModule);
    await app.listen(0, '127.0.0.1');
    return { app, base: `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}` };
  } finally {
    for (const name of Object.keys(env)) delete process.env[name];
  }
}

describe('an operator route', () => {
  const password = 'operator-secret-of-the-tests';
  const post = (base: string, authorization?: string) =>
    fetch(`${base}/schedule/change`, { method: 'POST', headers: authorization ? { authorization } : {} });

  describe('with the operator account configured', () => {
    let service: { app: INestApplication; base: string };
    beforeAll(async () => (service = await start({ OPERATOR_PASSWORD: password })));
    afterAll(() => service?.app.close());

    it.each([
      ['no credentials', undefined],
      ['a wrong password', basicAuthorization('operator', 'not-the-password')],
      ['another user', basicAuthorization('fares', password)],
    ])('answers 401 problem+json with a basic challenge to %s, and runs nothing', async (_case, header) => {
      const before = ScheduleController.changes;
      const response = await post(service.base, header);
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(response.headers.get('www-authenticate')).toBe('Basic realm="PSS operator"');
      expect(await response.json()).toMatchObject({
        status: 401,
        detail: 'This route needs the operator account',
      });
      expect(ScheduleController.changes).toBe(before);
    });

    it('runs for the operator account', async () => {
      const response = await post(service.base, basicAuthorization('operator', password));
      expect(response.status).toBe(201);
    });
  });

  describe('without an operator account configured', () => {
    let service: { app: INestApplication; base: string };
    beforeAll(async () => (service = await start({})));
    afterAll(() => service?.app.close());

    it('refuses everyone', async () => {
      expect((await post(service.base, basicAuthorization('operator', ''))).status).toBe(401);
    });
  });
});
