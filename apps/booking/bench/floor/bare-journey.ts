// Booking's part of the whole journeys' bare floor (e2e/bench/passenger-journeys.bench.ts): node:http
// and pg alone, sending booking's own statements with their parameters, prepared, on a pool of 20,
// for what a journey asks of booking: POST /bookings (the Idempotency-Key looked up, then the one
// statement that books), GET /bookings/:id and POST /bookings/:id/check-in (check-in's two calls).
// No framework, validation, fare check, logging, metrics or registry, and no relay: the events stay
// in the outbox. Less work than booking does, never more. The bench bundles it as the images bundle
// a service.
//   DATABASE_URL=... PORT=8080 node <bundle>
import 'reflect-metadata'; // the services' statement modules sit beside their decorated classes
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Pool } from 'pg';
import { BOOKING_BY_IDEMPOTENCY_KEY } from '../../src/bookings/book-flight.service';
import { BOOKING_BY_ID, bookingResponseOf, type BookingRow } from '../../src/bookings/booking-reader';
import { MOVE_TO_CHECKED_IN } from '../../src/bookings/checkin-booking.service';
import type { CreateBookingRequest } from '../../src/bookings/dto/create-booking.request';
import {
  newBooking,
  RECORD_BOOKING,
  recordBookingParameters,
  recordedBooking,
} from '../../src/bookings/record-booking';
import { requestHash } from '../../src/bookings/request-hash';

const SAFETY_BUFFER = 5;
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 20 });

async function bodyOf<T>(request: IncomingMessage): Promise<T> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as T;
}

function reply(response: ServerResponse, status: number, body?: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(body === undefined ? undefined : JSON.stringify(body));
}

async function book(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const booking = await bodyOf<CreateBookingRequest>(request);
  const key = String(request.headers['idempotency-key']);
  const { rows: earlier } = await pool.query({ ...BOOKING_BY_IDEMPOTENCY_KEY, values: [key] });
  if (earlier.length) return reply(response, 409);
  const toRecord = newBooking(booking, SAFETY_BUFFER, { key, hash: requestHash(booking) });
  const { rows } = await pool.query({ ...RECORD_BOOKING, values: recordBookingParameters(toRecord) });
  if (!rows.length) return reply(response, 409);
  reply(response, 201, recordedBooking(toRecord, rows[0]));
}

/** GET /bookings/:id, or POST /bookings/:id/check-in with a check-in's id: the booking, or 404/409. */
async function byId(id: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const checkIn = request.method === 'POST';
  const statement = checkIn
    ? { ...MOVE_TO_CHECKED_IN, values: [id, (await bodyOf<{ checkinId: string }>(request)).checkinId] }
    : { ...BOOKING_BY_ID, values: [id] };
  const { rows } = await pool.query<BookingRow>(statement);
  if (!rows.length) return reply(response, checkIn ? 409 : 404);
  reply(response, 200, bookingResponseOf(rows[0]));
}

createServer((request, response) => {
  const [, bookings, id] = (request.url ?? '').split('/');
  if (bookings !== 'bookings') return reply(response, 200, 'ok');
  (id ? byId(id, request, response) : book(request, response)).catch(() => reply(response, 500));
}).listen(Number(process.env.PORT ?? 8080));
