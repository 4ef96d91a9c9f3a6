import type { BookingStatus, BookingSummary, Money } from '@pss/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ComposeStack } from '../../src';

/** Letters a booking reference may hold (its alphabet has no B, I, L, O or S). */
const REFERENCE_LETTERS = 'ACDEFGHJKMNPQRTUVWXY';

/**
 * The query of the `i`th look-up of someone guessing booking references: well-formed, found by
 * nobody (`prefix` is four letters that no test's booking gets by chance, then two more).
 */
export function guessedLookup(prefix: string, i: number, lastName = 'Franc'): string {
  const letter = (n: number) => REFERENCE_LETTERS[n % REFERENCE_LETTERS.length];
  return `reference=${prefix}${letter(Math.floor(i / REFERENCE_LETTERS.length))}${letter(i)}&lastName=${lastName}`;
}

export interface FoundFlight {
  flightNumber: string;
  origin: string;
  destination: string;
  fare: Money;
  seatsAvailable: number;
}

export interface Flight {
  flightNumber: string;
  origin: string;
}

export interface Booked {
  status: number;
  booking?: BookingSummary;
  problem?: { title?: string; detail?: string; currentFare?: Money };
}

export interface ScheduledFlight {
  origin: string;
  destination: string;
  departureTime: string;
  arrivalTime: string;
  capacity: number;
}

export interface RegisteredInstance {
  instanceId: string;
  status: string;
  ipAddr: string;
}

const json = { 'content-type': 'application/json' };
const FIRST_NAMES = ['Gean', 'Gavin', 'Ada', 'Maya', 'Noor', 'Ravi', 'Lena', 'Omar', 'Ines'];

/** What a passenger's app and an operator do, over the published HTTP ports only. */
export class PssUser {
  constructor(private readonly stack: ComposeStack) {}

  async search(origin: string, destination: string, date: string, passengers = 1): Promise<FoundFlight[]> {
    const query = new URLSearchParams({ origin, destination, date, passengers: String(passengers) });
    const response = await fetch(`${this.stack.url('search')}/flights?${query}`);
    if (response.status !== 200)
      throw new Error(`search answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as FoundFlight[];
  }

  /** One flight as search lists it on `date`. */
  async flight(flight: Flight, date: string): Promise<FoundFlight> {
    const found = (await this.search(flight.origin, 'SFO', date)).find(
      (candidate) => candidate.flightNumber === flight.flightNumber,
    );
    if (!found) throw new Error(`search does not list ${flight.flightNumber} on ${date}`);
    return found;
  }

  async seatsLeft(flight: Flight, date: string): Promise<number> {
    return (await this.flight(flight, date)).seatsAvailable;
  }

  /** Books `passengers` people on the flight at `fare`, else at the fare search quotes for it. */
  async book(flight: Flight, date: string, passengers: number, fare?: Money): Promise<Booked> {
    const quoted = fare ?? (await this.flight(flight, date)).fare;
    const response = await fetch(`${this.stack.url('booking')}/bookings`, {
      method: 'POST',
      headers: { ...json, 'Idempotency-Key': crypto.randomUUID() },
      body: JSON.stringify({
        flightNumber: flight.flightNumber,
        origin: flight.origin,
        destination: 'SFO',
        flightDate: date,
        fare: quoted,
        passengers: Array.from({ length: passengers }, (_, i) => ({
          firstName: FIRST_NAMES[i],
          lastName: 'Franc',
          gender: i % 2 === 0 ? 'Female' : 'Male',
        })),
      }),
    });
    const body = (await response.json()) as unknown;
    return response.status === 201
      ? { status: 201, booking: body as BookingSummary }
      : { status: response.status, problem: body as Booked['problem'] };
  }

  /** A booking that must be made (201), else the test fails with the problem it got. */
  async booked(flight: Flight, date: string, passengers: number, fare?: Money): Promise<BookingSummary> {
    const result = await this.book(flight, date, passengers, fare);
    if (!result.booking)
      throw new Error(`booking answered ${result.status}: ${JSON.stringify(result.problem)}`);
    return result.booking;
  }

  async bookingStatus(id: string): Promise<BookingStatus> {
    const response = await fetch(`${this.stack.url('booking')}/bookings/${id}`);
    return ((await response.json()) as BookingSummary).status;
  }

  async cancel(id: string): Promise<number> {
    return (await fetch(`${this.stack.url('booking')}/bookings/${id}/cancel`, { method: 'POST' })).status;
  }

  async createCheckin(bookingId: string): Promise<{ status: number; seats: string[] }> {
    const response = await fetch(`${this.stack.url('checkin')}/checkins`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ bookingId }),
    });
    const body = (await response.json()) as { boardingPasses?: { seat: string }[] };
    return { status: response.status, seats: (body.boardingPasses ?? []).map((pass) => pass.seat) };
  }

  /** The operator files or changes a fare at fares (its operator route), at a running instance. */
  async changeFare(flightNumber: string, date: string, fare: Money): Promise<Response> {
    return this.operatorPut(`${await this.stack.runningUrl('fares')}/fares/${flightNumber}/${date}`, fare);
  }

  /** The operator adds a flight to the schedule, or changes one, at search (the schedule's owner). */
  async scheduleFlight(flightNumber: string, date: string, flight: ScheduledFlight): Promise<Response> {
    return this.operatorPut(`${this.stack.url('search')}/flights/${flightNumber}/${date}`, flight);
  }

  async seatMap(flightNumber: string, date: string): Promise<Response> {
    return fetch(`${this.stack.url('checkin')}/flights/${flightNumber}/${date}/seats`);
  }

  private operatorPut(url: string, body: unknown): Promise<Response> {
    return this.asOperator('PUT', url, body);
  }

  /** A request with the operator account (a JSON body when one is given). */
  asOperator(method: string, url: string, body?: unknown): Promise<Response> {
    const password = readFileSync(join(this.stack.address.secretsDir, 'operator-password'), 'utf8').trim();
    return fetch(url, {
      method,
      headers: { ...json, authorization: `Basic ${Buffer.from(`operator:${password}`).toString('base64')}` },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
  }

  /** The instances of `app` a registry node lists (every status). */
  async instances(registry: 'discovery-1' | 'discovery-2', app: string): Promise<RegisteredInstance[]> {
    const response = await fetch(`${this.stack.url(registry)}/eureka/apps/${app}`, {
      headers: { accept: 'application/json' },
    });
    if (response.status === 404) return [];
    const body = (await response.json()) as { application: { instance: RegisteredInstance[] } };
    return body.application.instance;
  }

  /** Prometheus's targets that are up, per app label. */
  async scrapedInstances(): Promise<Record<string, number>> {
    const response = await fetch(`${this.stack.url('prometheus')}/api/v1/targets?state=active`);
    const { data } = (await response.json()) as {
      data: { activeTargets: { labels: { app?: string }; health: string }[] };
    };
    const up: Record<string, number> = {};
    for (const target of data.activeTargets)
      if (target.health === 'up' && target.labels.app)
        up[target.labels.app] = (up[target.labels.app] ?? 0) + 1;
    return up;
  }

  /** A PromQL query's result, one value per series. */
  async query(promql: string): Promise<{ metric: Record<string, string>; value: number }[]> {
    const response = await fetch(
      `${this.stack.url('prometheus')}/api/v1/query?query=${encodeURIComponent(promql)}`,
    );
    const { data } = (await response.json()) as {
      data: { result: { metric: Record<string, string>; value: [number, string] }[] };
    };
    return data.result.map(({ metric, value }) => ({ metric, value: Number(value[1]) }));
  }
}
