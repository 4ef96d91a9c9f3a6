import { deploySwarmStack, type SwarmStack } from './swarm-stack';
import { daysFromToday, eventually } from '@pss/testing';

const STACK = 'pss-swarm-test';
const REPLICATED = ['FARES', 'SEARCH', 'BOOKING', 'CHECKIN'];
const date = daysFromToday(3);

interface Instance {
  ipAddr: string;
  status: string;
}

describe('PSS deployed to a single-node Docker Swarm by scripts/swarm-deploy.sh', () => {
  let stack: SwarmStack;

  beforeAll(async () => {
    stack = await deploySwarmStack(STACK);
  }, 600_000);

  afterAll(async () => {
    await stack?.remove();
  }, 180_000);

  const instances = async (app: string): Promise<Instance[]> => {
    const { status, body } = await stack.fetch(`http://discovery-1:8761/eureka/apps/${app}`);
    return status === 200 ? (body as { application: { instance: Instance[] } }).application.instance : [];
  };

  it('runs two replicas of each stateless service, each registered UP at an address of its own', async () => {
    for (const app of REPLICATED)
      await eventually(async () => {
        const registered = await instances(app);
        expect(registered.map((instance) => instance.status)).toEqual(['UP', 'UP']);
        expect(new Set(registered.map((instance) => instance.ipAddr)).size).toBe(2);
      }, 60_000);
  }, 300_000);

  it('takes a booking (booking asks fares through the registry) and search shows its seats gone', async () => {
    const seats = async () => {
      const { body } = await stack.fetch(
        `http://search:8090/flights?origin=SEA&destination=SFO&date=${date}`,
      );
      return (body as { flightNumber: string; seatsAvailable: number; fare: unknown }[])[0];
    };
    // Search shows the flight once fares filed its fare; booking sells it once the schedule's event
    // for it reached booking.
    await eventually(async () => expect((await seats())?.fare).toBeDefined(), 60_000);
    const before = await seats();
    await eventually(async () => {
      const { body } = await stack.fetch(`http://booking:8060/inventories/snapshot?from=${date}&to=${date}`);
      expect((body as { items: unknown[] }).items).toContainEqual(
        expect.objectContaining({ flightNumber: 'BF100' }),
      );
    }, 60_000);
    const { status, body } = await stack.fetch('http://booking:8060/bookings', {
      method: 'POST',
      body: {
        flightNumber: 'BF100',
        origin: 'SEA',
        destination: 'SFO',
        flightDate: date,
        fare: before.fare,
        passengers: [{ firstName: 'Gean', lastName: 'Franc', gender: 'Female' }],
      },
    });
    expect([status, body]).toEqual([201, expect.objectContaining({ status: 'CONFIRMED' })]);
    await eventually(
      async () => expect((await seats()).seatsAvailable).toBe(before.seatsAvailable - 1),
      30_000,
    );
  });

  it('has Prometheus scraping every replica it found through the registry', async () => {
    await eventually(async () => {
      const { body } = await stack.fetch('http://prometheus:9090/api/v1/targets?state=active');
      const up = (
        body as { data: { activeTargets: { labels: { app: string }; health: string }[] } }
      ).data.activeTargets
        .filter((target) => target.health === 'up')
        .map((target) => target.labels.app);
      for (const app of REPLICATED) expect(up.filter((name) => name === app.toLowerCase())).toHaveLength(2);
    }, 60_000);
  });
});
