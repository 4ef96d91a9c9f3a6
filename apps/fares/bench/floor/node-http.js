// The floor for fares: what Node and pg alone give for the same work as GET /fares, the same SQL
// as a named prepared statement on a pool of 20, the same JSON out; no framework.
//   DATABASE_URL=... PORT=8080 node node-http.js
const http = require('node:http');
const { Pool } = require('pg');

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 20 });
const fareQuery = {
  name: 'fare',
  text: 'SELECT amount, currency FROM fares WHERE flight_number = $1 AND flight_date = $2',
};

async function answer(url, response) {
  const flightNumber = url.searchParams.get('flightNumber');
  const flightDate = url.searchParams.get('flightDate');
  const { rows } = await pool.query({ ...fareQuery, values: [flightNumber, flightDate] });
  if (rows.length === 0) {
    response.statusCode = 404;
    return response.end();
  }
  const body = JSON.stringify({ flightNumber, flightDate, fare: rows[0] });
  response.setHeader('content-type', 'application/json');
  response.end(body);
}

http
  .createServer((request, response) => {
    const url = new URL(request.url, 'http://localhost');
    if (url.pathname !== '/fares') return response.end('ok');
    answer(url, response).catch(() => {
      response.statusCode = 500;
      response.end();
    });
  })
  .listen(Number(process.env.PORT ?? 8080));
