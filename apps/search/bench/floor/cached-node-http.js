// The floor for search with its cache: what Node alone gives for the same answers, a node:http
// server that keeps each route's flights in a Map after the first read (the same SQL as a named
// prepared statement, pool of 20) and filters them by passengers; no framework, no validation.
//   DATABASE_URL=... PORT=8090 node cached-node-http.js
const http = require('node:http');
const { Pool } = require('pg');

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 20 });
const flightsOnRoute = {
  name: 'flights-on-route',
  text: `SELECT flight_number, origin, destination, flight_date, departs_at, arrives_at,
                fare_amount, fare_currency, seats_available
           FROM flights WHERE origin = $1 AND destination = $2 AND flight_date = $3 AND fare_amount IS NOT NULL
            AND seats_available IS NOT NULL
          ORDER BY departs_at`,
};
const routes = new Map();

async function route(origin, destination, date) {
  const key = `${origin}/${destination}/${date}`;
  let flights = routes.get(key);
  if (!flights) {
    const { rows } = await pool.query({ ...flightsOnRoute, values: [origin, destination, date] });
    flights = rows.map((row) => ({
      flightNumber: row.flight_number,
      origin: row.origin,
      destination: row.destination,
      date: row.flight_date,
      departureTime: row.departs_at.toISOString(),
      arrivalTime: row.arrives_at.toISOString(),
      fare: { amount: row.fare_amount, currency: row.fare_currency },
      seatsAvailable: row.seats_available,
    }));
    routes.set(key, flights);
  }
  return flights;
}

// DATE as text, as the service reads it.
require('pg').types.setTypeParser(1082, (value) => value);

http
  .createServer((request, response) => {
    const url = new URL(request.url, 'http://localhost');
    if (url.pathname !== '/flights') return response.end('ok');
    const query = url.searchParams;
    const passengers = Number(query.get('passengers') ?? 1);
    route(query.get('origin'), query.get('destination'), query.get('date')).then(
      (flights) => {
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify(flights.filter((flight) => flight.seatsAvailable >= passengers)));
      },
      () => {
        response.statusCode = 500;
        response.end();
      },
    );
  })
  .listen(Number(process.env.PORT ?? 8090));
