import { baseImages, bundledEntry, waitUntil, workspaceRoot } from '@pss/testing';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ComposeStack } from '../../src';

const SERVICES = ['bare-edge', 'bare-search', 'bare-booking', 'bare-checkin'];
const EDGE_PORT = 8001;

/**
 * The whole journeys' bare floor, started on `stack`'s networks beside its services: a node:http
 * proxy as the edge (the website's floor), search's floor with its cache, and booking's and
 * check-in's bare-journey floors, each in a container of its own with its service's database account
 * and networks. Resolves with its edge's URL on the stack's network once each answers through it.
 * `directory` holds the compose override that adds them; the stack's `down` removes them with it.
 * Measure it with the services stopped (withServicesStopped): its statements write their outboxes.
 */
export async function startBareFloor(stack: ComposeStack, directory: string): Promise<string> {
  const bundles = await Promise.all(
    ['booking', 'checkin'].map(async (service) =>
      relative(
        workspaceRoot,
        await bundledEntry(`apps/${service}/bench/floor/bare-journey.ts`, `apps/${service}/tsconfig.json`),
      ),
    ),
  );
  const databaseUrl = (service: string) =>
    readFileSync(join(stack.address.secretsDir, `${service}-database-url`), 'utf8').trim();
  const node = (script: string, port: number, networks: string[], environment: Record<string, string>) => ({
    image: baseImages.node,
    command: ['node', `/workspace/${script}`],
    volumes: [`${workspaceRoot}:/workspace:ro`],
    environment: { ...environment, PORT: String(port) },
    networks: ['default', ...networks],
    expose: [String(port)],
  });
  const override = join(directory, 'bare-floor.yml');
  const services = {
    'bare-edge': node('apps/website/bench/floor/bare-proxy.js', EDGE_PORT, [], {
      UPSTREAM: 'http://bare-search:8090',
      BOOKING_UPSTREAM: 'http://bare-booking:8080',
      CHECKIN_UPSTREAM: 'http://bare-checkin:8070',
    }),
    'bare-search': node('apps/search/bench/floor/cached-node-http.js', 8090, ['search-data'], {
      DATABASE_URL: databaseUrl('search'),
    }),
    'bare-booking': node(bundles[0], 8080, ['booking-data'], { DATABASE_URL: databaseUrl('booking') }),
    'bare-checkin': node(bundles[1], 8070, ['checkin-data'], {
      DATABASE_URL: databaseUrl('checkin'),
      BOOKING_URL: 'http://bare-booking:8080',
    }),
  };
  writeFileSync(override, JSON.stringify({ services }));
  const files = ['-f', join(stack.address.root, 'docker-compose.yml'), '-f', override];
  await stack.compose(...files, 'up', '--detach', '--no-deps', ...SERVICES);
  const edge = await stack.networkUrl('bare-edge');
  // Each answers 200 on a path it does not serve, once it has loaded.
  const probes = [
    'search/flights?origin=NYC&destination=SFO&date=2000-01-01',
    'booking/ready',
    'checkin/ready',
  ];
  await waitUntil(
    'the bare floor to answer through its edge',
    async () => {
      for (const probe of probes) if (!(await fetch(`${edge}/api/${probe}`)).ok) return false;
      return true;
    },
    60_000,
  );
  return edge;
}
