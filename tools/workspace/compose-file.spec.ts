import { workspaceRoot } from '@pss/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

interface ComposeService {
  image?: string;
  depends_on?: Record<string, { condition: string }> | string[];
  healthcheck?: unknown;
  build?: unknown;
  ports?: unknown[];
}

const compose = parse(readFileSync(join(workspaceRoot, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, ComposeService>;
};
const services = Object.entries(compose.services);

describe('docker-compose.yml', () => {
  it.each(services)('%s waits for what it depends on to be healthy, never only started', (_name, service) => {
    const dependencies = Array.isArray(service.depends_on)
      ? service.depends_on.map((name) => [name, 'service_started'])
      : Object.entries(service.depends_on ?? {}).map(([name, { condition }]) => [name, condition]);
    for (const [dependency, condition] of dependencies) {
      expect([dependency, condition]).toEqual([
        dependency,
        expect.stringMatching(/^service_(healthy|completed_successfully)$/),
      ]);
    }
  });

  it.each(services)('%s has a health check, its own or its image’s', (_name, service) => {
    // Service images built here carry a HEALTHCHECK (their Dockerfile); the others need one in compose.
    expect(service.build !== undefined || service.healthcheck !== undefined).toBe(true);
  });
});

describe('docker-compose.swarm.yml', () => {
  const RESET = Symbol('!reset');
  const swarm = parse(readFileSync(join(workspaceRoot, 'docker-compose.swarm.yml'), 'utf8'), {
    merge: true,
    customTags: [
      { tag: '!reset', collection: 'seq', resolve: () => RESET },
      // A value that replaces the base file's instead of merging with it.
      { tag: '!override', collection: 'seq', resolve: (value) => value },
    ],
  }) as { services: Record<string, { ports?: unknown }> };
  const published = services.filter(([, service]) => service.ports?.length);

  it('publishes one port on Swarm, the front door’s (the website and its /api edge)', () => {
    const stillPublished = published
      .map(([name]) => name)
      .filter((name) => swarm.services[name]?.ports !== RESET);
    expect(stillPublished).toEqual(['website']);
  });
});
