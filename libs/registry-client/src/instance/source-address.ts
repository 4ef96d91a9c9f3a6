import { createSocket } from 'node:dgram';

/**
 * The local IPv4 address this host sends from to reach `url`'s host: the address the registry,
 * and the services that found us there, reach us at. A container on several networks (a Swarm
 * task has its overlay, the ingress and the gateway bridge) has one address per network and only
 * this one is right. Connecting a UDP socket picks the route and sends nothing.
 */
export function sourceAddressTowards(url: string): Promise<string | undefined> {
  const { hostname, port } = new URL(url);
  const socket = createSocket('udp4');
  return new Promise<string | undefined>((resolve) => {
    // A failed look-up reaches the callback as its argument (Node's dgram), not as an 'error' event.
    socket.connect(Number(port) || 80, hostname, (error?: Error) =>
      resolve(error ? undefined : socket.address().address),
    );
  }).finally(() => socket.close());
}

/**
 * The source address towards the first of `urls` whose host resolves. A registry node that is down
 * has no name in a container network's DNS, and the fallback (the first external address) may be
 * on a network the callers cannot reach: a service restarted while one node is down must still
 * register the address the others reach it at.
 */
export async function sourceAddressTowardsAny(urls: string[]): Promise<string | undefined> {
  for (const url of urls) {
    const address = await sourceAddressTowards(url);
    if (address) return address;
  }
  return undefined;
}
