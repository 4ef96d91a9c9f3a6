import { startComposeStack, type ComposeStack } from '../compose-stack';
import { eventually } from '../eventually';

const today = () => new Date().toISOString().slice(0, 10);
const registries = ['discovery-1', 'discovery-2'] as const;

/** The repository's docker-compose.yml as a user runs it, driven only over the published ports. */
describe('the whole system under docker compose', () => {
  let stack: ComposeStack;

  beforeAll(async () => {
    stack = await startComposeStack();
  }, 900_000);

  afterAll(async () => {
    await stack?.down();
  }, 120_000);

  async function faresInstances(registry: (typeof registries)[number]) {
    const response = await fetch(`${stack.url(registry)}/eureka/apps/FARES`, {
      headers: { Accept: 'application/json' },
    });
    if (response.status === 404) return [];
    const body = (await response.json()) as { application: { instance: { status: string }[] } };
    return body.application.instance;
  }

  it('serves the seeded BF101 fare', async () => {
    const response = await fetch(`${stack.url('fares')}/fares?flightNumber=BF101&flightDate=${today()}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ fare: { amount: '101.00', currency: 'USD' } });
  });

  it('has fares registered as UP on both peered registry nodes', async () => {
    for (const registry of registries) {
      await eventually(async () => {
        expect((await faresInstances(registry)).map((instance) => instance.status)).toEqual(['UP']);
      }, 30_000);
    }
  });

  it('takes fares out of both registries when compose stops it', async () => {
    await stack.compose('stop', 'fares');
    // Well inside fares' 15 s lease: it deregistered on SIGTERM, it was not evicted.
    for (const registry of registries) {
      await eventually(async () => expect(await faresInstances(registry)).toEqual([]), 5_000);
    }
  });
});
