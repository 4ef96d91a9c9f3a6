// Check-in's part of the whole journeys' bare floor (e2e/bench/passenger-journeys.bench.ts):
// node:http, undici and pg alone, for POST /checkins {bookingId} as check-in does it: the booking
// asked of booking (BOOKING_URL), the booking's check-in and its flight's seats read; then in one
// transaction the booking's lock, booking's agreement (its second call), the flight's lock, the same
// read again and check-in's one statement that records, all check-in's own statements, prepared, on
// a pool of 20. No framework, validation, logging, metrics, registry, retries or relay (the events
// stay in the outbox), no refusal taken back. Less work than check-in does, never more. The bench
// bundles it as the images bundle a service.
//   DATABASE_URL=... BOOKING_URL=http://booking:8080 PORT=8070 node <bundle>
import 'reflect-metadata'; // the services' statement modules sit beside their decorated classes
import { createIntegrationEvent, type BookingSummary } from '@pss/contracts';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Pool, type PoolClient } from 'pg';
import { Agent, request as send } from 'undici';
import { BOOKING_LOCK } from '../../src/checkins/booking-lock';
import { checkinIdOf } from '../../src/checkins/checkin-id';
import {
  boardingPassesOf,
  FLIGHT_LOCK,
  flightLockKey,
  RECORD_CHECKIN,
  recordCheckinParameters,
  recordedCheckin,
} from '../../src/checkins/record-checkin';
import { assignSeats } from '../../src/seats/assign-seats';
import { flightSeatsOf, SEATS_FOR_CHECKIN, type SeatsRow } from '../../src/seats/seat-maps';

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 20 });
const booking = process.env.BOOKING_URL ?? 'http://booking:8080';
const dispatcher = new Agent({ connections: 64 });

class Refused extends Error {}

/** A call to booking: its JSON answer, or Refused. */
async function askBooking(path: string, body?: unknown): Promise<BookingSummary> {
  const answer = await send(`${booking}${path}`, {
    dispatcher,
    method: body ? 'POST' : 'GET',
    headers: body ? { 'content-type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  if (answer.statusCode !== 200) {
    await answer.body.dump();
    throw new Refused(`booking answered ${answer.statusCode}`);
  }
  return (await answer.body.json()) as BookingSummary;
}

/** The booking's check-in (whether it has one) and its flight's seats, in one round trip. */
async function standing(client: Pool | PoolClient, { id, flightNumber, flightDate }: BookingSummary) {
  const { rows } = await client.query<SeatsRow & { checkedIn: boolean }>({
    ...SEATS_FOR_CHECKIN,
    values: [flightNumber, flightDate, id],
  });
  const flight = flightSeatsOf(rows[0]);
  if (rows[0].checkedIn || !flight) throw new Refused('checked in already, or no such flight');
  return flight;
}

async function checkIn(bookingId: string) {
  const summary = await askBooking(`/bookings/${bookingId}`);
  await standing(pool, summary);
  const id = checkinIdOf(summary.id);
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(BOOKING_LOCK, [summary.id]);
    await askBooking(`/bookings/${summary.id}/check-in`, { checkinId: id });
    await client.query(FLIGHT_LOCK, [flightLockKey(summary)]);
    const flight = await standing(client, summary);
    const seats = assignSeats(flight.map.seats, flight.taken, new Map(), summary.passengers.length);
    const passes = boardingPassesOf(summary, seats);
    const event = createIntegrationEvent('checkin.completed', { checkinId: id, bookingId: summary.id });
    const { rows } = await client.query<{ createdAt: Date }>({
      ...RECORD_CHECKIN,
      values: recordCheckinParameters(id, summary, passes, event),
    });
    await client.query('COMMIT');
    return recordedCheckin(id, summary, passes, rows[0].createdAt);
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const { bookingId } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { bookingId: string };
  const checkin = await checkIn(bookingId);
  response.writeHead(201, { 'content-type': 'application/json' });
  response.end(JSON.stringify(checkin));
}

createServer((request, response) => {
  if (request.method !== 'POST' || request.url !== '/checkins') return response.end('ok');
  answer(request, response).catch((error: Error) => {
    response.statusCode = error instanceof Refused ? 409 : 500;
    response.end(error.message);
  });
}).listen(Number(process.env.PORT ?? 8070));
