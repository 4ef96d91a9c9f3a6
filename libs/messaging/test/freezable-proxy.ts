import { once } from 'node:events';
import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy in front of a broker that can go silent: after freeze() it keeps every connection
 * open and passes no byte either way, as a broker whose VM froze or a network path that drops its
 * packets does. Nothing closes, so only a timeout tells a client the broker is gone.
 */
export class FreezableProxy {
  private frozen = false;
  private readonly sockets = new Set<Socket>();
  /** Bytes the clients sent after freeze(), which the broker never received. */
  heldBytes = 0;

  private constructor(private readonly server: Server) {}

  static async inFrontOf(brokerUrl: string): Promise<FreezableProxy> {
    const target = new URL(brokerUrl);
    const proxy = new FreezableProxy(createServer());
    proxy.server.on('connection', (client) => proxy.pipe(client, target));
    proxy.server.listen(0, '127.0.0.1');
    await once(proxy.server, 'listening');
    return proxy;
  }

  /** `brokerUrl` through this proxy. */
  url(brokerUrl: string): string {
    const proxied = new URL(brokerUrl);
    proxied.hostname = '127.0.0.1';
    proxied.port = String((this.server.address() as AddressInfo).port);
    return proxied.toString();
  }

  freeze(): void {
    this.frozen = true;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    this.server.close();
    await once(this.server, 'close');
  }

  private pipe(client: Socket, target: URL): void {
    const broker = connect(Number(target.port), target.hostname);
    for (const socket of [client, broker]) {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    client.on('close', () => broker.destroy());
    broker.on('close', () => client.destroy());
    client.on('data', (chunk: Buffer) => {
      if (this.frozen) this.heldBytes += chunk.length;
      else broker.write(chunk);
    });
    broker.on('data', (chunk: Buffer) => {
      if (!this.frozen) client.write(chunk);
    });
  }
}
