// A generated airline's schedule loaded into the composed stack (`docker compose up`, images built):
// search's `schedule:generate` (1,000 flights a day for 365 days unless BENCH_FLIGHTS_PER_DAY and
// BENCH_DAYS say otherwise) announces every flight-date, and fares (pricing new flights by block
// time), booking (an inventory each) and check-in (a seat map each) follow from the events alone.
// Reports how long the command took, how long until every service had caught up with the last day
// (booking holds every flight of it, search shows its last flight priced with seats, check-in has
// its seat map), the rate of flight-dates, and each container's CPU and peak memory.
// Target (issue: an airline's scale): loaded and caught up in under 5 minutes.
import { daysFromToday, waitUntil } from '@pss/testing';
import type { ComposeStack } from '../src';
import { benchOnStack } from './journeys/bench-on-stack';
import { containerUsage } from './journeys/container-usage';
import { recreateService } from './journeys/recreate-service';

const FLIGHTS_PER_DAY = Number(process.env.BENCH_FLIGHTS_PER_DAY ?? 1_000);
const DAYS = Number(process.env.BENCH_DAYS ?? 365);
const FIRST_DAY = daysFromToday(1);
const LAST_DAY = daysFromToday(DAYS);
const FARES = { environment: { FARES_NEW_FLIGHT_TARIFF: 'block-time' } };

interface ScheduledFlight {
  flightNumber: string;
  origin: string;
  destination: string;
}

const seconds = (since: number) => (Date.now() - since) / 1_000;

async function json<T>(url: string): Promise<T | undefined> {
  const response = await fetch(url);
  return response.ok ? ((await response.json()) as T) : undefined;
}

/**
 * The followers still behind on the last day: booking without an inventory for each of its
 * `scheduled` flights, search not listing its last flight, check-in without that flight's seats.
 */
async function caughtUp(stack: ComposeStack, scheduled: number, last: ScheduledFlight): Promise<string[]> {
  const behind: string[] = [];
  const inventory = await json<{ items: unknown[] }>(
    `${stack.url('booking')}/inventories/snapshot?from=${LAST_DAY}&to=${LAST_DAY}`,
  );
  if ((inventory?.items.length ?? 0) < scheduled) behind.push(`booking (${inventory?.items.length ?? 0})`);
  const listed = await json<{ flightNumber: string }[]>(
    `${stack.url('search')}/flights?origin=${last.origin}&destination=${last.destination}&date=${LAST_DAY}`,
  );
  if (!listed?.some((flight) => flight.flightNumber === last.flightNumber)) behind.push('search');
  const seats = await fetch(`${stack.url('checkin')}/flights/${last.flightNumber}/${LAST_DAY}/seats`);
  if (!seats.ok) behind.push('checkin');
  return behind;
}

benchOnStack('pss-bench-schedule', async (stack, overrides) => {
  await recreateService(stack, 'fares', FARES, overrides);
  const usage = await containerUsage(stack);
  const began = Date.now();
  await stack.compose(
    'run',
    '--rm',
    '--no-deps',
    'search',
    'node',
    'main.js',
    'schedule:generate',
    '--flights-per-day',
    String(FLIGHTS_PER_DAY),
    '--days',
    String(DAYS),
    '--from',
    FIRST_DAY,
  );
  const generated = seconds(began);
  const snapshot = await json<{ items: ScheduledFlight[] }>(
    `${stack.url('search')}/schedule/snapshot?from=${LAST_DAY}&to=${LAST_DAY}`,
  );
  const last = snapshot?.items.filter((flight) => flight.flightNumber.length === 6).at(-1);
  if (!snapshot || !last) throw new Error(`search scheduled no generated flight on ${LAST_DAY}`);
  let behind: string[] = [];
  await waitUntil(
    () => `every service to follow the schedule to ${LAST_DAY} (behind: ${behind.join(', ')})`,
    async () => (behind = await caughtUp(stack, snapshot.items.length, last)).length === 0,
    3_600_000,
    5_000,
  );
  const followed = seconds(began);
  const containers = await usage.stop();
  const flightDates = FLIGHTS_PER_DAY * DAYS;
  console.log(
    `${flightDates} flight-dates (${FLIGHTS_PER_DAY} a day for ${DAYS} days): scheduled and announced by ` +
      `search in ${generated.toFixed(0)} s; every service caught up after ${followed.toFixed(0)} s ` +
      `(${(flightDates / followed).toFixed(0)} flight-dates/s; target: under 300 s)`,
  );
  for (const { name, cpuSeconds, peakMiB, limitMiB } of containers)
    console.log(
      `  ${name}: ${cpuSeconds.toFixed(0)} CPU s, peak ${peakMiB.toFixed(0)} of ${limitMiB.toFixed(0)} MiB`,
    );
});
