import { baseImages, bundledEntry, waitUntil, workspaceRoot } from '@pss/testing';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ComposeStack } from '../../src';
import { queuedMessages } from './queued-messages';

const SERVICES = ['bare-edge', 'bare-search', 'bare-booking', 'bare-checkin'];
/** The services the floor stands in for, stopped while it runs. */
const STOOD_IN_FOR = ['website', 'search', 'booking', 'checkin'];
/** The services whose outbox the floor writes to (its statements are theirs). */
const WRITERS = ['booking', 'checkin'];
const EDGE_PORT = 8001;

export interface BareFloor {
  /** http://<address>:<port> of its edge, on the stack's network. */
  edge: string;
  /**
   * `measure`'s result, run with the services the floor stands in for stopped; they are started
   * again after it, and resolve once they have published what the floor wrote to their outboxes
   * and every queue is empty (search then shows the seats the floor sold).
   */
  standIn<T>(measure: () => Promise<T>): Promise<T>;
}

/**
 * The whole journeys' bare floor, started on `stack`'s networks beside its services: a node:http
 * proxy as the edge (the website's floor), search's floor with its cache, and booking's and
 * check-in's bare-journey floors, each in a container of its own with its service's database account
 * and networks; resolves once a search answers through its edge. `directory` holds the compose
 * override that adds them; the stack's `down` removes them with it.
 */
export async function startBareFloor(stack: ComposeStack, directory: string): Promise<BareFloor> {
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
  await waitUntil(
    'the bare floor to answer a search through its edge',
    async () => (await fetch(`${edge}/api/search/flights?origin=NYC&destination=SFO&date=2000-01-01`)).ok,
    60_000,
  );
  return {
    edge,
    async standIn(measure) {
      await stack.compose('stop', ...STOOD_IN_FOR);
      try {
        return await measure();
      } finally {
        await stack.compose('up', '--detach', '--wait', '--no-deps', '--no-recreate', ...STOOD_IN_FOR);
        await waitUntil(
          'the services to publish and apply what the floor wrote',
          caughtUp(stack),
          300_000,
          1_000,
        );
      }
    },
  };
}

const caughtUp = (stack: ComposeStack) => async () => {
  for (const service of WRITERS) {
    const [unsent] = await stack.sqlAsOperator(
      service,
      'SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL',
    );
    if (Number(unsent) > 0) return false;
  }
  return (await queuedMessages(stack)) === 0;
};
