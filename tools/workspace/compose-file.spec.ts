import { workspaceRoot } from '@pss/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

interface ComposeService {
  image?: string;
  depends_on?: Record<string, { condition: string }> | string[];
  healthcheck?: unknown;
  build?: unknown;
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
