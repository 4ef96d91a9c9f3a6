import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runPaced } from './paced-load';

describe('runPaced', () => {
  let server: Server;
  let baseUrl: string;
  let stalledUntil = 0;
  const arrivals: number[] = [];

  beforeAll(async () => {
    server = createServer((_request, response) => {
      arrivals.push(Date.now());
      setTimeout(() => response.end('ok'), Math.max(0, stalledUntil - Date.now()));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  beforeEach(() => {
    arrivals.length = 0;
    stalledUntil = 0;
  });

  const load = { paths: ['/'], method: 'GET', headers: {}, connections: 20 } as const;

  it('sends at the rate, spread over each second rather than in a burst at its start', async () => {
    const result = await runPaced({ ...load, baseUrl, rate: 200, durationSeconds: 1 });
    expect(result).toMatchObject({ total: 200, errors: 0, timeouts: 0, non2xx: 0 });
    const firstHalf = arrivals.filter((at) => at - arrivals[0] < 500).length;
    expect(firstHalf).toBeGreaterThan(60);
    expect(firstHalf).toBeLessThan(140);
  });

  it('charges a stall to every request due during it, also to those waiting to be sent', async () => {
    stalledUntil = Date.now() + 600; // the server answers nothing for the first 600 ms
    const result = await runPaced({ ...load, connections: 1, baseUrl, rate: 100, durationSeconds: 1 });
    expect(result.total).toBe(100);
    // 60 of 100 were due in the stall, one by one behind the first on the one connection: timed
    // from when they were sent, as a closed loop times them, the median would be about 1 ms.
    expect(result.maxMs).toBeGreaterThanOrEqual(550);
    expect(result.p50Ms).toBeGreaterThanOrEqual(50);
  });
});
