import { requireTestEnv } from '@pss/testing';
import { once } from 'node:events';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { BrokerConnection } from '../src';

/**
 * A broker that takes the TCP connection and never answers the AMQP handshake (overloaded, or a
 * proxy in front of one that is gone): the attempt must fail and be tried again, or the service
 * would wait for it, unready, for good.
 */
describe('a broker that accepts the connection and never answers', () => {
  let silent: Server;
  const held: Socket[] = [];

  beforeAll(async () => {
    silent = createServer((socket) => held.push(socket)).listen(0, '127.0.0.1');
    await once(silent, 'listening');
  });

  afterAll(async () => {
    for (const socket of held) socket.destroy();
    silent.close();
    await once(silent, 'close');
  });

  it('gives up on it after the connect timeout, and connects to the broker that answers next', async () => {
    const silentUrl = `amqp://guest:guest@127.0.0.1:${(silent.address() as AddressInfo).port}`;
    const urls = [silentUrl, requireTestEnv('rabbitmqUrl')];
    let attempts = 0;
    const broker = new BrokerConnection({
      url: () => urls[Math.min(attempts++, urls.length - 1)],
      connectTimeoutMs: 500,
      reconnect: { initialMs: 10, maxMs: 10 },
    });
    try {
      await broker.waitForConnection(10_000);
      expect({ attempts, connected: broker.isConnected(), silentHeld: held.length }).toEqual({
        attempts: 2,
        connected: true,
        silentHeld: 1,
      });
    } finally {
      await broker.close();
    }
  });

  it('closes at once while an attempt waits for its answer: a service stopping does not wait for it', async () => {
    const silentUrl = `amqp://guest:guest@127.0.0.1:${(silent.address() as AddressInfo).port}`;
    const broker = new BrokerConnection({ url: silentUrl, connectTimeoutMs: 60_000 });
    const heldBefore = held.length;
    broker.connect();
    while (held.length === heldBefore) await new Promise((resolve) => setTimeout(resolve, 10));
    // Waiting for the attempt would outlast this test's time limit.
    await broker.close();
    expect(broker.isConnected()).toBe(false);
  }, 10_000);
});
