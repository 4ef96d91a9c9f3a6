import { once } from 'node:events';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { createTestVhost } from './rabbitmq-vhost';

/** Blocks the event loop, as a test file's modules do while they load. */
const busyFor = (ms: number) => {
  const until = Date.now() + ms;
  while (Date.now() < until);
};

describe('a test vhost', () => {
  let server: Server;
  let managementUrl: string;

  beforeAll(async () => {
    // Each connection answers one call (204), then the server closes it, as the management server
    // does once a connection has been idle for 5 s.
    server = createServer((socket) => {
      let answered = false;
      socket.on('error', () => undefined);
      socket.on('data', () => {
        if (answered) return;
        answered = true;
        socket.write('HTTP/1.1 204 No Content\r\n\r\n');
        setTimeout(() => socket.end(), 10);
      });
    }).listen(0, '127.0.0.1');
    await once(server, 'listening');
    managementUrl = `http://guest:guest@127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('is made and dropped when the calls meet connections the server closed while this process was busy', async () => {
    for (let round = 0; round < 20; round += 1) {
      const vhost = await createTestVhost('amqp://guest:guest@127.0.0.1:5672', managementUrl);
      busyFor(50);
      await vhost.drop();
      busyFor(50);
    }
  }, 20_000);
});
