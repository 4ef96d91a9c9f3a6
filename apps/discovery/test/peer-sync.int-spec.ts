import { eventually, freePort } from '@pss/testing';
import { createServer, type Server, type Socket } from 'node:net';
import { getJson, register } from './eureka-http';
import { startRegistry, type RunningRegistry } from './registry-server';

/** A peer that accepts connections and never answers: a node hung in its own start-up. */
async function silentPeer(): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => sockets.add(socket));
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}/eureka/`,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

const status = async (url: string) => (await fetch(url, { headers: { accept: 'application/json' } })).status;

describe('a node starting next to its peers', () => {
  const started: RunningRegistry[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((node) => node.close()));
  });

  it('is not ready and serves no registry until its peer sync times out, and takes writes meanwhile', async () => {
    const peer = await silentPeer();
    try {
      const node = await startRegistry({ DISCOVERY_URLS: peer.url, REGISTRY_PEER_SYNC_TIMEOUT_MS: '3000' });
      started.push(node);
      const readiness = `http://127.0.0.1:${node.port}/health/ready`;
      expect(await status(readiness)).toBe(503);
      for (const path of ['apps', 'apps/delta', 'apps/JQSERVICE', 'vips/x', 'instances/x'])
        expect(await status(node.eurekaUrl + path)).toBe(503);
      expect((await register(node.eurekaUrl)).status).toBe(204);

      await new Promise((resolve) => setTimeout(resolve, 3_500));
      expect(await status(readiness)).toBe(200);
      const { status: read, body } = await getJson(node.eurekaUrl + 'apps');
      expect(read).toBe(200);
      expect(body.applications.application.map((app: { name: string }) => app.name)).toEqual(['JQSERVICE']);
    } finally {
      await peer.close();
    }
  });

  it('is ready within moments with its peer registry copied, or when no peer is up yet', async () => {
    const ports = [await freePort(), await freePort()];
    const env = { DISCOVERY_URLS: ports.map((port) => `http://127.0.0.1:${port}/eureka/`).join(',') };
    const first = await startRegistry(env, ports[0]);
    started.push(first);
    await eventually(
      async () => expect(await status(`http://127.0.0.1:${first.port}/health/ready`)).toBe(200),
      2_000,
    );
    await register(first.eurekaUrl);

    const second = await startRegistry(env, ports[1]);
    started.push(second);
    await eventually(
      async () => expect(await status(`http://127.0.0.1:${second.port}/health/ready`)).toBe(200),
      2_000,
    );
    expect(await status(second.eurekaUrl + 'apps/JQSERVICE')).toBe(200);
  });
});
