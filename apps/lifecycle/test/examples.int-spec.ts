import type { ProblemDetails } from '@pss/platform';
import { startService, type RunningService } from '@pss/platform/testing';
import { AppModule } from '../src/app.module';
import { EXAMPLES } from '../src/examples/example';

const [EXAMPLE] = EXAMPLES;

describe('lifecycle over HTTP', () => {
  let service: RunningService;
  const get = (path: string) => fetch(`${service.baseUrl}${path}`);

  beforeAll(async () => {
    service = await startService(AppModule, {});
  });

  afterAll(async () => {
    await service?.app.close();
  });

  it('answers the example', async () => {
    const response = await get(`/examples/${EXAMPLE.id}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(EXAMPLE);
  });

  it('answers an unknown id with 404 and a malformed one with 400 naming the field', async () => {
    expect((await get('/examples/00000000-0000-4000-8000-00000000dead')).status).toBe(404);
    const malformed = await get('/examples/42');
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as ProblemDetails).errors).toEqual([
      { field: 'id', detail: 'id must be a UUID' },
    ]);
  });
});
