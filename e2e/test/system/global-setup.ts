import { waitUntil } from '@pss/testing';
import { manifestServices, startComposeStack, type ComposeStack } from '../../src';
import { SYSTEM_STACK_ENV } from './system-stack';

const APPS = Object.keys(manifestServices()).map((name) => name.toUpperCase());

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

const DAY_MS = 86_400_000;
/** The suites use the book's flights from today to 60 days ahead. */
const DAYS_USED = 61;

/**
 * Whether the whole system has followed the schedule search seeded, on every date the suites use:
 * booking has an inventory and search a fare (from fares' `fare.changed`) for each of the book's 7
 * flights, and check-in the seat map of the last one.
 */
async function scheduleFollowed(stack: ComposeStack): Promise<boolean> {
  const day = (offset: number) => new Date(Date.now() + offset * DAY_MS).toISOString().slice(0, 10);
  for (let start = 0; start < DAYS_USED; start += 31) {
    const end = Math.min(start + 30, DAYS_USED - 1);
    const response = await fetch(
      `${stack.url('booking')}/inventories/snapshot?from=${day(start)}&to=${day(end)}`,
    );
    if (!response.ok) return false;
    const { items } = (await response.json()) as { items: unknown[] };
    if (items.length !== 7 * (end - start + 1)) return false;
  }
  const last = day(DAYS_USED - 1);
  const priced = await fetch(`${stack.url('search')}/flights?origin=NYC&destination=SFO&date=${last}`);
  const seats = await fetch(`${stack.url('checkin')}/flights/BF106/${last}/seats`);
  return priced.ok && ((await priced.json()) as unknown[]).length === 3 && seats.ok;
}

/**
 * One composed stack for every system test file: starting it is most of the suite's time. Compose
 * waits for the containers' health (the process is up); the suites start once every service is
 * also ready, registered UP on both registry nodes, and the schedule search seeded has reached
 * fares, booking and check-in, as a passenger would find it.
 */
export default async function globalSetup(): Promise<void> {
  const stack = await startComposeStack();
  process.env[SYSTEM_STACK_ENV] = JSON.stringify(stack.address);
  try {
    await waitUntil(
      async () =>
        `every service registered UP on both registry nodes (${(await upOn(stack, 'discovery-1')).join(', ')})`,
      async () => {
        const lists = await Promise.all([upOn(stack, 'discovery-1'), upOn(stack, 'discovery-2')]);
        return lists.every((up) => APPS.every((app) => up.includes(app)));
      },
      120_000,
    );
    await waitUntil(
      async () => 'fares, booking and check-in followed the schedule search seeded',
      () => scheduleFollowed(stack),
      120_000,
    );
  } catch (error) {
    // Jest runs no global teardown after a failed global setup: the stack must not outlive the run.
    await stack.down();
    throw error;
  }
}
