import { randomUUID } from 'node:crypto';
import { Agent, request } from 'undici';
import { atSteadyRate, percentile, watchMachineCpu, type MachineCpu } from '@pss/bench';
import { daysFromToday } from '@pss/testing';

export const JOURNEY_STEPS = ['search', 'book', 'checkIn'] as const;
export type JourneyStep = (typeof JOURNEY_STEPS)[number];

export interface JourneyOptions {
  /** http://<address>:<port> of the website, whose /api is the edge. */
  edge: string;
  origins: readonly string[];
  /** Journeys fly on one of the next `days` days. */
  days: number;
  seconds: number;
  /** This many passengers, each starting a journey when the last one ended... */
  passengers?: number;
  /** ...or a journey started every 1/rate s, however many are under way. */
  rate?: number;
}

export interface JourneyRun {
  completed: number;
  perSecond: number;
  /** Each failed journey: its step and what it got. */
  failures: string[];
  latency: Record<JourneyStep, { p50: number; p99: number }>;
  /** The machine's cores, and the share of them busy meanwhile (this load generator included). */
  machine: MachineCpu;
}

interface FoundFlight {
  flightNumber: string;
  origin: string;
  destination: string;
  fare: { amount: string; currency: string };
  seatsAvailable: number;
}

const dispatcher = new Agent({ connections: 256, keepAliveTimeout: 30_000 });
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)];

class StepFailed extends Error {}

/** `step` against the edge: its JSON answer if it is `expected`, else a failed journey. */
async function call<T>(
  step: JourneyStep,
  url: string,
  expected: number,
  init: { method?: 'GET' | 'POST'; body?: unknown } = {},
): Promise<T> {
  const response = await request(url, {
    dispatcher,
    method: init.method ?? 'GET',
    headers: {
      accept: 'application/json',
      ...(init.body !== undefined && { 'content-type': 'application/json', 'idempotency-key': randomUUID() }),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.body.text();
  if (response.statusCode !== expected)
    throw new StepFailed(`${step}: ${response.statusCode} ${text.slice(0, 200)}`);
  return JSON.parse(text) as T;
}

/** One passenger: a search, a booking on a flight it found with a seat left, the check-in. */
async function journey(options: JourneyOptions, record: (step: JourneyStep, ms: number) => void) {
  const timed = async <T>(step: JourneyStep, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await work();
    record(step, performance.now() - started);
    return result;
  };
  const origin = pick(options.origins);
  const date = daysFromToday(1 + Math.floor(Math.random() * options.days));
  const query = new URLSearchParams({ origin, destination: 'SFO', date, passengers: '1' });
  const found = await timed('search', () =>
    call<FoundFlight[]>('search', `${options.edge}/api/search/flights?${query}`, 200),
  );
  const flight = pick(found.filter((candidate) => candidate.seatsAvailable > 0));
  if (!flight) throw new StepFailed(`search: nothing with a seat left from ${origin} on ${date}`);
  const booking = await timed('book', () =>
    call<{ id: string }>('book', `${options.edge}/api/booking/bookings`, 201, {
      method: 'POST',
      body: {
        flightNumber: flight.flightNumber,
        origin: flight.origin,
        destination: flight.destination,
        flightDate: date,
        fare: flight.fare,
        passengers: [{ firstName: 'Journey', lastName: 'Passenger', gender: 'Unspecified' }],
      },
    }),
  );
  await timed('checkIn', () =>
    call('checkIn', `${options.edge}/api/checkin/checkins`, 201, {
      method: 'POST',
      body: { bookingId: booking.id },
    }),
  );
}

/** Passengers' journeys for `seconds`, closed (`passengers`) or open (`rate`) loop. */
export async function runJourneys(options: JourneyOptions): Promise<JourneyRun> {
  const times: Record<JourneyStep, number[]> = { search: [], book: [], checkIn: [] };
  const failures: string[] = [];
  let completed = 0;
  const one = () =>
    journey(options, (step, ms) => times[step].push(ms)).then(
      () => void completed++,
      (error: Error) => void failures.push(error instanceof StepFailed ? error.message : String(error)),
    );
  const machineSoFar = watchMachineCpu();
  const started = performance.now();
  if (options.rate) {
    await atSteadyRate(options.rate, options.seconds, one);
  } else {
    const ends = started + options.seconds * 1000;
    const passenger = async () => {
      while (performance.now() < ends) await one();
    };
    await Promise.all(Array.from({ length: options.passengers ?? 1 }, passenger));
  }
  const elapsed = (performance.now() - started) / 1000;
  const latency = Object.fromEntries(
    JOURNEY_STEPS.map((step) => {
      const sorted = times[step].sort((a, b) => a - b);
      return [step, { p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99) }];
    }),
  ) as JourneyRun['latency'];
  return { completed, perSecond: completed / elapsed, failures, latency, machine: machineSoFar() };
}
