// The floor for booking: what Node and pg alone give for POST /bookings. The body parsed, the same
// one statement the service sends (record-booking.ts, handed over by the bench in RECORD_BOOKING_SQL),
// prepared as the service prepares it, on a pool of 20, the booking back as JSON. No framework, no validation, no fare check, no relay
// publishing the event: less work than booking does, never more.
//   DATABASE_URL=... RECORD_BOOKING_SQL=... PORT=8060 node node-http.js
const http = require('node:http');
const { randomUUID, randomInt } = require('node:crypto');
const { Pool } = require('pg');

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 20 });
const SQL = process.env.RECORD_BOOKING_SQL;
const SAFETY_BUFFER = Number(process.env.BOOKING_SAFETY_BUFFER ?? 5);
// The service's alphabet: no digit 1, so never one of pgbench's references (hex from 100000).
const REFERENCE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXYZ234679';

async function book(request, response) {
  const chunks = [];
  for await (const chunk of request) chunks.push(chunk);
  const { flightNumber, origin, destination, flightDate, fare, passengers } = JSON.parse(
    Buffer.concat(chunks),
  );
  const id = randomUUID();
  const reference = Array.from(
    { length: 6 },
    () => REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)],
  ).join('');
  const event = {
    id: randomUUID(),
    type: 'booking.confirmed',
    occurredAt: new Date().toISOString(),
    payload: {
      bookingId: id,
      flightNumber,
      flightDate,
      seats: passengers.length,
      remainingSeats: 0,
      inventoryVersion: 0,
    },
  };
  const values = [
    id,
    reference,
    flightNumber,
    origin,
    destination,
    flightDate,
    fare.amount,
    fare.currency,
    null,
    null,
    passengers.map((passenger) => passenger.firstName),
    passengers.map((passenger) => passenger.lastName),
    passengers.map((passenger) => passenger.gender),
    passengers.length,
    SAFETY_BUFFER,
    event.id,
    `${flightNumber}/${flightDate}`,
    JSON.stringify(event),
  ];
  const { rows } = await pool.query({ name: 'record_booking', text: SQL, values });
  if (rows.length === 0) {
    response.statusCode = 409;
    return response.end();
  }
  const [{ reference: recorded, createdAt }] = rows;
  const body = JSON.stringify({
    id,
    reference: recorded,
    status: 'CONFIRMED',
    flightNumber,
    origin,
    destination,
    flightDate,
    fare,
    passengers,
    createdAt: createdAt.toISOString(),
  });
  response.writeHead(201, { 'content-type': 'application/json' });
  response.end(body);
}

http
  .createServer((request, response) => {
    if (request.method !== 'POST' || request.url !== '/bookings') return response.end('ok');
    book(request, response).catch(() => {
      response.statusCode = 500;
      response.end();
    });
  })
  .listen(Number(process.env.PORT ?? 8060));
