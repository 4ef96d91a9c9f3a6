import { waitUntil } from '@pss/testing';
import { startComposeStack, type ComposeStack } from '../../src';
import { SYSTEM_STACK_ENV } from './system-stack';

const APPS = ['FARES', 'SEARCH', 'BOOKING', 'CHECKIN'];

/** The apps a registry node lists with an instance UP. */
async function upOn(stack: ComposeStack, node: 'discovery-1' | 'discovery-2'): Promise<string[]> {
  const response = await fetch(`${stack.url(node)}/eureka/apps`, { headers: { accept: 'application/json' } });
  const { applications } = (await response.json()) as {
    applications: { application: { name: string; instance: { status: string }[] }[] };
  };
  return applications.application
    .filter((app) => app.instance.some((instance) => instance.status === 'UP'))
    .map((app) => app.name);
}

/**
 * One composed stack for every system test file: starting it is most of the suite's time. Compose
 * waits for the containers' health (the process is up); the suites start once every service is
 * also ready, registered UP on both registry nodes, as a passenger would find it.
 */
export default async function globalSetup(): Promise<void> {
  const stack = await startComposeStack();
  process.env[SYSTEM_STACK_ENV] = JSON.stringify(stack.address);
  await waitUntil(
    async () =>
      `every service registered UP on both registry nodes (${(await upOn(stack, 'discovery-1')).join(', ')})`,
    async () => {
      const lists = await Promise.all([upOn(stack, 'discovery-1'), upOn(stack, 'discovery-2')]);
      return lists.every((up) => APPS.every((app) => up.includes(app)));
    },
    120_000,
  );
}
